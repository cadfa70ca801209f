/**
 * Terse builders for OpenAI chunks in tests. Providers send fields the openai types do not
 * declare (reasoning_content, reasoning, reasoning_details, vLLM's stop_reason, OpenRouter's
 * error, Gemini's extra_content), so chunks are built as plain objects and typed once here.
 */
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import type { CompletionUsage } from 'openai/resources/completions';

export const CHUNK_ID = 'chatcmpl-test';

export function chunk(
  delta: Record<string, unknown>,
  finishReason: string | null = null,
  choiceExtra: Record<string, unknown> = {},
): ChatCompletionChunk {
  return {
    id: CHUNK_ID,
    object: 'chat.completion.chunk',
    created: 1_760_000_000,
    model: 'upstream-model',
    choices: [{ index: 0, delta, finish_reason: finishReason, ...choiceExtra }],
  } as unknown as ChatCompletionChunk;
}

export const text = (content: string): ChatCompletionChunk => chunk({ content });

export const reasoning = (
  value: string,
  field: 'reasoning_content' | 'reasoning' = 'reasoning_content',
): ChatCompletionChunk => chunk({ [field]: value });

export interface ToolDeltaSpec {
  index?: number;
  id?: string;
  name?: string;
  args?: string;
  extra?: Record<string, unknown>;
}

export function toolDeltas(...specs: ToolDeltaSpec[]): ChatCompletionChunk {
  return chunk({
    tool_calls: specs.map((spec) => ({
      ...(spec.index !== undefined && { index: spec.index }),
      ...(spec.id !== undefined && { id: spec.id, type: 'function' }),
      function: {
        ...(spec.name !== undefined && { name: spec.name }),
        ...(spec.args !== undefined && { arguments: spec.args }),
      },
      ...spec.extra,
    })),
  });
}

export const finish = (
  reason: string,
  choiceExtra: Record<string, unknown> = {},
): ChatCompletionChunk => chunk({}, reason, choiceExtra);

export function usageOnly(
  usage: Partial<CompletionUsage> | Record<string, unknown>,
): ChatCompletionChunk {
  return {
    id: CHUNK_ID,
    object: 'chat.completion.chunk',
    created: 1_760_000_000,
    model: 'upstream-model',
    choices: [],
    usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0, ...usage },
  } as unknown as ChatCompletionChunk;
}
