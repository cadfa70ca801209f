/**
 * Rebuilds the assistant message an OpenAI-compatible client assembles from Chat Completions
 * chunks: content and reasoning concatenated, tool calls keyed by their index with argument
 * fragments joined, the finish reason and the usage-only final chunk. Provider extras the
 * openai types do not declare (`reasoning_content`, `reasoning`, a mid-stream `error`) are
 * read defensively.
 */
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { asArray, asNumber, asObject, asString } from './json-shape.ts';

export interface AccumulatedToolCall {
  index: number;
  id?: string;
  name?: string;
  arguments: string;
}

export interface AccumulatedCompletion {
  id?: string;
  model?: string;
  content: string;
  reasoning: string;
  toolCalls: AccumulatedToolCall[];
  finishReason?: string;
  usage?: ChatCompletionChunk['usage'];
  /** An `error` object some providers send inside a 200 stream. */
  error?: unknown;
  chunkCount: number;
}

export function reconstructOpenAiStream(chunks: readonly unknown[]): AccumulatedCompletion {
  const out: AccumulatedCompletion = { content: '', reasoning: '', toolCalls: [], chunkCount: 0 };
  const byIndex = new Map<number, AccumulatedToolCall>();
  for (const raw of chunks) {
    const chunk = asObject(raw);
    if (!chunk) continue;
    out.chunkCount += 1;
    out.id ??= asString(chunk.id);
    out.model ??= asString(chunk.model);
    if (chunk.error !== undefined) out.error = chunk.error;
    if (asObject(chunk.usage)) out.usage = chunk.usage as ChatCompletionChunk['usage'];
    for (const rawChoice of asArray(chunk.choices) ?? []) {
      const choice = asObject(rawChoice);
      if (!choice) continue;
      const finish = asString(choice.finish_reason);
      if (finish) out.finishReason = finish;
      const delta = asObject(choice.delta);
      if (!delta) continue;
      out.content += asString(delta.content) ?? '';
      out.reasoning += asString(delta.reasoning_content) ?? asString(delta.reasoning) ?? '';
      for (const rawCall of asArray(delta.tool_calls) ?? []) {
        const call = asObject(rawCall);
        if (!call) continue;
        const fn = asObject(call.function);
        // Some upstreams omit the index; a call with a new id is then a new call.
        const index =
          asNumber(call.index) ??
          (asString(call.id) ? byIndex.size : Math.max(0, byIndex.size - 1));
        let acc = byIndex.get(index);
        if (!acc) {
          acc = { index, arguments: '' };
          byIndex.set(index, acc);
          out.toolCalls.push(acc);
        }
        acc.id ??= asString(call.id);
        acc.name ??= asString(fn?.name);
        acc.arguments += asString(fn?.arguments) ?? '';
      }
    }
  }
  return out;
}
