/**
 * OpenAI usage → Anthropic usage (protocol checklist, section 2).
 *
 * Anthropic splits the prompt into three disjoint counts, and Claude Code's context meter
 * and auto-compaction add them up, so they must sum to the upstream's prompt_tokens:
 * input_tokens is what remains after the cache reads (`cached_tokens`) and the cache writes
 * (OpenRouter's `cache_write_tokens`). When an upstream reports no usage at all, output is
 * estimated from characters (see estimateTokensFromChars).
 */
import type { OutputTokensDetails, Usage } from '@anthropic-ai/sdk/resources/messages';
import type { CompletionUsage } from 'openai/resources/completions';
import { cachedPromptTokens } from './response-extensions.ts';

/** The four counts Anthropic clients read; the rest of the SDK's Usage is null here. */
export interface UsageCounts {
  input_tokens: number;
  output_tokens: number;
  cache_read_input_tokens: number;
  cache_creation_input_tokens: number;
}

export function mapUsage(usage: CompletionUsage): UsageCounts {
  const prompt = usage.prompt_tokens ?? 0;
  const cacheRead = cachedPromptTokens(usage);
  const cacheWrite = usage.prompt_tokens_details?.cache_write_tokens ?? 0;
  return {
    // Clamped: a server that counts cache tokens outside prompt_tokens would go negative.
    input_tokens: Math.max(0, prompt - cacheRead - cacheWrite),
    output_tokens: usage.completion_tokens ?? 0,
    cache_read_input_tokens: cacheRead,
    cache_creation_input_tokens: cacheWrite,
  };
}

/**
 * Output tokens when the upstream reports none: characters / 4, rounded up. This is the
 * usual rule of thumb for English and code, not a tokenizer count; it only has to be the
 * right order of magnitude and never 0 for a non-empty answer (clients treat 0 as "nothing
 * was generated").
 */
export function estimateTokensFromChars(chars: number): number {
  return Math.ceil(chars / 4);
}

/** The SDK's full Usage record for a message, with the fields we cannot know set to null. */
export function toMessageUsage(
  counts: UsageCounts,
  details: OutputTokensDetails | null = null,
): Usage {
  return {
    input_tokens: counts.input_tokens,
    output_tokens: counts.output_tokens,
    cache_read_input_tokens: counts.cache_read_input_tokens,
    cache_creation_input_tokens: counts.cache_creation_input_tokens,
    cache_creation: null,
    inference_geo: null,
    output_tokens_details: details,
    server_tool_use: null,
    service_tier: null,
    speed: null,
  };
}

/** Reasoning tokens as Anthropic's thinking_tokens, when the upstream counts them. */
export function outputTokensDetails(usage: CompletionUsage): OutputTokensDetails | null {
  const reasoning = usage.completion_tokens_details?.reasoning_tokens;
  return typeof reasoning === 'number' ? { thinking_tokens: reasoning } : null;
}
