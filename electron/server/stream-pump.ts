/**
 * Moves one streaming call from the upstream to the client as it happens: SSE headers and
 * `message_start` the moment the upstream answered 200, then for every network read of the
 * upstream body the events its chunks translate to, in one write (a read holds one chunk
 * when the model is slow, dozens when it is fast; nothing waits beyond the read at hand), a `ping` after a stretch of upstream silence (Claude Code
 * gives up after 300 s without a byte), and at the end either the closing events or, when
 * the upstream failed mid-way, an `error` event and no `message_stop` (the SDK then throws
 * instead of returning a truncated answer as complete). Chunks and events reach the tap by
 * reference. The client going away aborts the upstream through the call's signal (the
 * reader then ends the iteration); nothing more is written then.
 */
import type { Response } from 'express';
import type { AnthropicStreamEvent } from '../../shared/translate/anthropic-stream-event.ts';
import {
  failStream,
  finishStream,
  startStream,
  stepStream,
  streamResult,
  type StreamState,
} from '../../shared/translate/stream-translator.ts';
import type { ExchangeEnd, ExchangeTap } from './exchange-tap.ts';
import type { ProxyCall } from './proxy-call.ts';
import type { Redactor } from './secret-redactor.ts';
import { SseWriter } from './sse-writer.ts';
import { describeStreamFailure } from './upstream-failure.ts';
import { readChunkBatches } from './upstream-sse-reader.ts';

export interface StreamPumpOptions {
  call: ProxyCall;
  res: Response;
  /** The upstream's SSE body, unread. */
  upstream: ReadableStream<Uint8Array> | null;
  state: StreamState;
  tap: ExchangeTap;
  pingIntervalMs: number;
  redact: Redactor;
}

export async function pumpStream(options: StreamPumpOptions): Promise<ExchangeEnd> {
  const { call, res, upstream, state, tap } = options;
  const writer = new SseWriter(res, tap, call.id);
  tap.anthropicResponse(call.id, undefined, writer.open());
  await writer.write(startStream(state));

  const ping = setTimeout(function keepAlive() {
    void writer.write([{ type: 'ping' }]);
    ping.refresh();
  }, options.pingIntervalMs);

  try {
    for await (const chunks of readChunkBatches(upstream, call.signal)) {
      ping.refresh();
      const events: AnthropicStreamEvent[] = [];
      for (const chunk of chunks) {
        tap.openaiChunk(call.id, chunk);
        for (const event of stepStream(state, chunk)) events.push(event);
      }
      if (
        call.firstChunkMs === undefined &&
        events.some((event) => event.type === 'content_block_delta')
      ) {
        call.markFirstChunk();
      }
      await writer.write(events);
      if (call.clientGone) break;
    }
    if (!call.clientGone) await writer.write(finishStream(state));
  } catch (thrown) {
    if (!call.clientGone) {
      const failure = describeStreamFailure(thrown);
      await writer.write(
        failStream(state, { type: failure.type, message: options.redact(failure.message) }),
      );
    }
  } finally {
    clearTimeout(ping);
  }

  const result = streamResult(state);
  if (result.notes.length) call.notes = [...call.notes, ...result.notes];
  const end: ExchangeEnd = { status: 200, stopReason: result.stopReason, usage: result.usage };
  if (call.clientGone) {
    end.aborted = true;
    return end;
  }
  writer.end();
  if (result.error) end.error = result.error;
  return end;
}
