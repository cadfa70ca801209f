/**
 * The server's stream path without sockets, for the stream fuzz: the upstream body arrives
 * as a ReadableStream in exactly the reads given (so the test picks every split point), goes
 * through the real pumpStream (upstream-sse-reader, stream translator, SSE writer), and what
 * the writer sends is captured as text. The other end replays that text, cut into given
 * pieces, into the official SDK's MessageStream.
 */
import Anthropic from '@anthropic-ai/sdk';
import { EventEmitter } from 'node:events';
import type { Response } from 'express';
import { noopExchangeTap } from '../../electron/server/exchange-tap.ts';
import type { ProxyCall } from '../../electron/server/proxy-call.ts';
import { pumpStream } from '../../electron/server/stream-pump.ts';
import type { AnthropicStreamEvent } from '../../shared/translate/anthropic-stream-event.ts';
import { createStreamState } from '../../shared/translate/stream-translator.ts';

export const FUZZ_MESSAGE_ID = 'msg_fuzz';

/** Just what SseWriter uses of an express Response; every write is kept. */
class CapturedResponse extends EventEmitter {
  readonly writes: string[] = [];
  readonly headers = new Map<string, string>();
  statusCode = 0;
  destroyed = false;
  writableEnded = false;
  status(code: number): this {
    this.statusCode = code;
    return this;
  }
  setHeader(name: string, value: string): void {
    this.headers.set(name, value);
  }
  getHeaders(): Record<string, string> {
    return Object.fromEntries(this.headers);
  }
  flushHeaders(): void {}
  write(text: string): boolean {
    if (this.writableEnded) throw new Error('write after end');
    this.writes.push(text);
    return true;
  }
  end(): void {
    this.writableEnded = true;
  }
}

export interface PumpedStream {
  /** Everything written to the client, in order. */
  text: string;
  ended: boolean;
}

/** Runs the server's stream pump over an upstream body delivered in these reads. */
export async function pumpReads(reads: readonly Uint8Array[]): Promise<PumpedStream> {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const read of reads) controller.enqueue(read);
      controller.close();
    },
  });
  const res = new CapturedResponse();
  const call = {
    id: 'req_fuzz',
    signal: new AbortController().signal,
    clientGone: false,
    firstChunkMs: undefined as number | undefined,
    notes: [],
    markFirstChunk() {
      call.firstChunkMs ??= 1;
    },
  };
  await pumpStream({
    call: call as unknown as ProxyCall,
    res: res as unknown as Response,
    upstream: body,
    state: createStreamState({
      requestedModel: 'claude-sonnet-4-6',
      toolNames: new Map([['mcp__x__y', 'mcp.x.y']]),
      estimatedInputTokens: 1000,
      messageId: FUZZ_MESSAGE_ID,
    }),
    tap: noopExchangeTap,
    pingIntervalMs: 3_600_000,
    redact: (text) => text,
  });
  return { text: res.writes.join(''), ended: res.writableEnded };
}

/** The events of an SSE text as this proxy frames them (`event:` + one `data:` line). */
export function eventsOf(sse: string): AnthropicStreamEvent[] {
  return sse
    .split('\n\n')
    .filter((frame) => frame !== '')
    .map((frame) => {
      const data = frame.split('\n').find((line) => line.startsWith('data: '));
      return JSON.parse(data!.slice('data: '.length)) as AnthropicStreamEvent;
    });
}

export type SdkOutcome = { message: unknown } | { error: string };

/** What the official SDK makes of the client's stream, delivered in these reads. */
export async function sdkOutcome(reads: readonly Uint8Array[]): Promise<SdkOutcome> {
  const client = new Anthropic({
    apiKey: 'fuzz',
    baseURL: 'http://127.0.0.1:9',
    maxRetries: 0,
    fetch: async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(controller) {
            for (const read of reads) controller.enqueue(read);
            controller.close();
          },
        }),
        { status: 200, headers: { 'content-type': 'text/event-stream' } },
      ),
  });
  const stream = client.messages.stream({
    model: 'claude-sonnet-4-6',
    max_tokens: 1024,
    messages: [{ role: 'user', content: 'hi' }],
  });
  try {
    return { message: JSON.parse(JSON.stringify(await stream.finalMessage())) as unknown };
  } catch (error) {
    return { error: `${(error as Error).name}: ${(error as Error).message}` };
  }
}
