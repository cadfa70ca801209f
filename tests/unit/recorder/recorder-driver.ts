/**
 * Drives a recorder the way the proxy's route handler does, with realistic stage objects, so
 * each recorder test reads as the call it simulates. Not a test file itself.
 */
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import type { RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages';
import type { IncomingHttpHeaders } from 'node:http';
import type { ExchangeEnd } from '../../../electron/server/exchange-tap.ts';
import type {
  RecorderEventArgs,
  TrafficRecorder,
} from '../../../electron/server/recorder/traffic-recorder.ts';

export const CLIENT_KEY = 'sk-ant-client-key-0000000000001234';
export const UPSTREAM_KEY = 'sk-or-v1-upstream-secret-99999999wxyz';

export function anthropicBody(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    model: 'claude-sonnet-4-5',
    max_tokens: 1024,
    stream: true,
    messages: [{ role: 'user', content: 'Say hello.' }],
    ...extra,
  };
}

export function startExchange(
  recorder: TrafficRecorder,
  id: string,
  options: { body?: unknown; headers?: IncomingHttpHeaders; receivedAt?: number } = {},
): void {
  recorder.started({
    id,
    receivedAt: options.receivedAt ?? 1_750_000_000_000,
    method: 'POST',
    path: '/v1/messages?beta=true',
    clientHeaders: options.headers ?? {
      host: '127.0.0.1:8080',
      'content-type': 'application/json',
      'x-api-key': CLIENT_KEY,
      'user-agent': 'claude-cli/2.1.332 (external, sdk-cli)',
      'anthropic-version': '2023-06-01',
    },
    anthropicRequest: options.body ?? anthropicBody(),
  });
  recorder.routed(id, {
    requestedModel: 'claude-sonnet-4-5',
    provider: 'openrouter',
    upstreamModel: 'openai/gpt-4o',
    rule: 'big (opus/sonnet)',
    stream: true,
    estimatedInputTokens: 12,
  });
  recorder.upstreamRequest(
    id,
    { model: 'openai/gpt-4o', stream: true, messages: [{ role: 'user', content: 'Say hello.' }] },
    { authorization: `Bearer ${UPSTREAM_KEY}`, 'content-type': 'application/json' },
    [{ kind: 'dropped', field: 'top_k', detail: 'no OpenAI equivalent' }],
    'https://openrouter.ai/api/v1/chat/completions',
  );
  recorder.upstreamResponseHeaders(id, 200, { 'content-type': 'text/event-stream' });
}

export function textChunk(i: number): ChatCompletionChunk {
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion.chunk',
    created: 1_750_000_000,
    model: 'gpt-4o',
    choices: [{ index: 0, delta: { content: `word${i} ` }, finish_reason: null, logprobs: null }],
  };
}

export function textDelta(i: number): RawMessageStreamEvent {
  return {
    type: 'content_block_delta',
    index: 0,
    delta: { type: 'text_delta', text: `word${i} ` },
  };
}

/** One upstream read's chunks, as the stream pump hands them over: their JSON text. */
export function recordChunks(
  recorder: TrafficRecorder,
  id: string,
  ...chunks: ChatCompletionChunk[]
): void {
  recorder.openaiChunks(
    id,
    chunks.map((chunk) => JSON.stringify(chunk)),
  );
}

/** One write's events, as the SSE writer hands them over: their JSON text. */
export function recordEvents(
  recorder: TrafficRecorder,
  id: string,
  ...events: (RawMessageStreamEvent | { type: 'error'; error: { type: string; message: string } })[]
): void {
  recorder.anthropicEvents(
    id,
    events.map((event) => JSON.stringify(event)),
  );
}

/** One upstream chunk and the Anthropic event it became, as the stream handler reports them. */
export function streamStep(recorder: TrafficRecorder, id: string, i: number): void {
  recordChunks(recorder, id, textChunk(i));
  recordEvents(recorder, id, textDelta(i));
}

export const OK_END: ExchangeEnd = {
  status: 200,
  stopReason: 'end_turn',
  usage: { input_tokens: 1000, output_tokens: 500, cache_read_input_tokens: 200 },
};

/** Every event a recorder pushes, in order. */
export function collectEvents(recorder: TrafficRecorder): RecorderEventArgs[] {
  const seen: RecorderEventArgs[] = [];
  recorder.subscribe((...args) => seen.push(args));
  return seen;
}
