/**
 * Fields OpenAI-compatible servers put in responses that the openai package does not type.
 * Every read of such a field goes through this module, so each one is typed once and the
 * translators never cast wire objects themselves.
 *
 * - `reasoning_content` (DeepSeek, LM Studio, older vLLM) and `reasoning` (OpenRouter,
 *   vLLM ≥0.16) carry reasoning text on a delta or a message.
 * - vLLM's `choices[].stop_reason` names the stop string that ended the answer (a number
 *   when a stop token id matched instead).
 * - DeepSeek reports cache hits as `usage.prompt_cache_hit_tokens`.
 * - Older Groq streams put usage in `x_groq.usage` instead of `usage`.
 * - OpenRouter reports failures inside a 200 stream as a chunk with `error` and
 *   `finish_reason: "error"`, and its `reasoning_details` (on deltas and messages) carry the
 *   opaque reasoning state some models need back.
 * - Gemini's OpenAI endpoint puts a `thought_signature` on tool calls
 *   (`extra_content.google.thought_signature`) that Gemini 3 needs back.
 */
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionMessage,
  ChatCompletionMessageToolCall,
} from 'openai/resources/chat/completions';
import type { CompletionUsage } from 'openai/resources/completions';
import type { OpenRouterReasoningDetail } from './upstream-request-types.ts';

interface ReasoningFields {
  reasoning_content?: string | null;
  reasoning?: string | null;
  reasoning_details?: OpenRouterReasoningDetail[] | null;
}

interface GeminiToolCallFields {
  extra_content?: { google?: { thought_signature?: string | null } | null } | null;
}

interface VllmChoiceFields {
  stop_reason?: string | number | null;
}

interface DeepSeekUsageFields {
  prompt_cache_hit_tokens?: number | null;
}

interface ChunkExtraFields {
  x_groq?: { usage?: CompletionUsage | null } | null;
  error?: { code?: number | string | null; message?: string | null } | null;
}

/** Reasoning text of a delta or message; '' when there is none. */
export function reasoningText(
  source: ChatCompletionChunk.Choice.Delta | ChatCompletionMessage,
): string {
  const fields = source as ReasoningFields;
  const content = fields.reasoning_content;
  if (typeof content === 'string' && content.length > 0) return content;
  const reasoning = fields.reasoning;
  return typeof reasoning === 'string' ? reasoning : '';
}

/** OpenRouter's reasoning_details on a delta (fragments) or a message (whole), or null. */
export function reasoningDetails(
  source: ChatCompletionChunk.Choice.Delta | ChatCompletionMessage,
): OpenRouterReasoningDetail[] | null {
  const details = (source as ReasoningFields).reasoning_details;
  return Array.isArray(details) && details.length > 0 ? details : null;
}

/** Gemini's thought_signature on a tool call (streamed or whole), or null. */
export function thoughtSignature(
  call: ChatCompletionChunk.Choice.Delta.ToolCall | ChatCompletionMessageToolCall,
): string | null {
  const signature = (call as GeminiToolCallFields).extra_content?.google?.thought_signature;
  return typeof signature === 'string' && signature ? signature : null;
}

/** The stop string vLLM says it matched, or null. */
export function matchedStopSequence(
  choice: ChatCompletionChunk.Choice | ChatCompletion.Choice,
): string | null {
  const stop = (choice as VllmChoiceFields).stop_reason;
  return typeof stop === 'string' ? stop : null;
}

/** Cached prompt tokens: OpenAI's `prompt_tokens_details.cached_tokens`, else DeepSeek's field. */
export function cachedPromptTokens(usage: CompletionUsage): number {
  const cached = usage.prompt_tokens_details?.cached_tokens;
  if (typeof cached === 'number') return cached;
  const hit = (usage as DeepSeekUsageFields).prompt_cache_hit_tokens;
  return typeof hit === 'number' ? hit : 0;
}

/** Usage carried by a chunk, wherever the provider put it. */
export function chunkUsage(chunk: ChatCompletionChunk): CompletionUsage | null {
  if (chunk.usage) return chunk.usage;
  return (chunk as ChunkExtraFields).x_groq?.usage ?? null;
}

/** The message of an in-stream error chunk (OpenRouter), or null for a normal chunk. */
export function chunkErrorMessage(chunk: ChatCompletionChunk): string | null {
  const error = (chunk as ChunkExtraFields).error;
  if (error == null) return null;
  const message =
    typeof error.message === 'string' && error.message ? error.message : 'upstream error';
  return error.code == null ? message : `${message} (code ${String(error.code)})`;
}
