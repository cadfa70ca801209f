/**
 * Proof that a client nobody here wrote accepts our events: the events are framed with
 * formatSseEvent and served, through an injected fetch, to the official @anthropic-ai/sdk
 * client's messages.stream(), which parses the SSE and accumulates the final Message.
 */
import Anthropic from '@anthropic-ai/sdk';
import type { Message } from '@anthropic-ai/sdk/resources/messages';
import type { AnthropicStreamEvent } from '../../../shared/translate/anthropic-stream-event.ts';
import { formatSseEvent } from '../../../shared/translate/sse-format.ts';

export function toSse(events: readonly AnthropicStreamEvent[]): string {
  let sse = '';
  for (const event of events) sse += formatSseEvent(event);
  return sse;
}

/** Serves `sse` in pieces of `pieceSize` bytes, so event framing is split across reads. */
function sseResponse(sse: string, pieceSize: number): Response {
  const bytes = new TextEncoder().encode(sse);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let at = 0; at < bytes.length; at += pieceSize) {
        controller.enqueue(bytes.slice(at, at + pieceSize));
      }
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

/** The SDK's final message for these events; rejects when the SDK rejects the stream. */
export async function replayThroughSdk(
  events: readonly AnthropicStreamEvent[],
  pieceSize = 4096,
): Promise<Message> {
  const sse = toSse(events);
  const client = new Anthropic({
    apiKey: 'test-key',
    baseURL: 'http://127.0.0.1:9',
    maxRetries: 0,
    fetch: async () => sseResponse(sse, pieceSize),
  });
  const stream = client.messages.stream({
    model: 'claude-sonnet-4-6',
    max_tokens: 1024,
    messages: [{ role: 'user', content: 'hi' }],
  });
  return plain(await stream.finalMessage());
}

/** A plain-data copy (drops the SDK's getters and non-enumerable fields) for toEqual. */
export function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
