/**
 * Moves one streaming call from the upstream to the client as it happens: SSE headers and
 * `message_start`, in one write, the moment the upstream answered 200; then for every
 * network read of the upstream body the events its chunks translate to, in one write (a read
 * holds one chunk when the model is slow, dozens when it is fast; nothing waits beyond the
 * read at hand); a `ping` after a stretch of upstream silence (Claude Code gives up after
 * 300 s without a byte); and at the end either the closing events or, when the upstream
 * failed mid-way, an `error` event and no `message_stop` (the SDK then throws instead of
 * returning a truncated answer as complete). The tap hears each read's chunks and each
 * write's events in one call, as their JSON text (the strings the reader and the writer have
 * anyway). The client going away aborts the upstream through the call's signal (the reader
 * then ends the iteration); nothing more is written then. An upstream silent for longer than
 * STREAM_IDLE_TIMEOUT_MS is cancelled the same way and reported as an `error` event
 * (upstream-silence.ts).
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
import { DEFAULT_STREAM_IDLE_TIMEOUT_MS, watchUpstreamSilence } from './upstream-silence.ts';
import { readChunkBatches } from './upstream-sse-reader.ts';

export interface StreamPumpOptions {
  call: ProxyCall;
  res: Response;
  /** The upstream's SSE body, unread. */
  upstream: ReadableStream<Uint8Array> | null;
  state: StreamState;
  tap: ExchangeTap;
  pingIntervalMs: number;
  /** Upstream silence after which the stream is abandoned with an `error` event (default 120 s). */
  idleTimeoutMs?: number;
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

  const silence = watchUpstreamSilence(options.idleTimeoutMs ?? DEFAULT_STREAM_IDLE_TIMEOUT_MS);
  try {
    const reading = AbortSignal.any([call.signal, silence.signal]);
    for await (const read of readChunkBatches(upstream, reading, silence.heard)) {
      ping.refresh();
      tap.openaiChunks(call.id, read.texts);
      const events: AnthropicStreamEvent[] = [];
      for (const chunk of read.chunks) {
        for (const event of stepStream(state, chunk)) events.push(event);
      }
      if (
        call.firstChunkMs === undefined &&
        events.some((event) => event.type === 'content_block_delta')
      ) {
        call.markFirstChunk();
      }
      const written = writer.write(events);
      if (written) await silence.pauseDuring(written);
      if (call.clientGone) break;
    }
    // The reader ends quietly when its signal aborts; silence is a failure to report.
    if (silence.signal.aborted && !call.clientGone) throw silence.signal.reason;
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
    silence.stop();
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
