/**
 * Reads the body of a streaming Chat Completions answer ourselves instead of through the
 * openai SDK's `Stream`: the SDK hands out one chunk per promise (four nested async
 * iterators per chunk), which cost a quarter of the proxy's CPU on a flat-out stream, and
 * one chunk per `res.write` after it. Here each network read is decoded at once and gives
 * every complete chunk it holds as one batch, so the pump translates and writes a read of
 * fifty chunks in one go. Nothing waits for more than the read at hand.
 *
 * SSE framing (`\r\n`, comments, `event:` lines, fields split across reads) is
 * eventsource-parser's. What the SDK's `Stream` did on top is kept: `[DONE]` ends the
 * stream, an event left open at the end of the body still counts, a chunk carrying an
 * `error` object (OpenRouter's mid-stream failure) or an `event: error` throws the same
 * `APIError` the SDK threw (describeStreamFailure in upstream-failure.ts maps it), data that
 * is not a JSON object throws a `SyntaxError`. Chunks are passed on as parsed, not copied,
 * each with the `data:` text it was parsed from (the traffic recorder keeps that text rather
 * than the object: a slice of the read's text, so it costs no copy).
 *
 * The client going away (the call's signal) cancels the body reader at once; the SDK, which
 * was handed the same signal, aborts the request. The iteration then just ends. `onBytes`
 * hears every read, also those holding only comments or part of a chunk (the pump's idle
 * timeout: an upstream sending keep-alive comments is not silent).
 */
import { createParser, type EventSourceMessage, type EventSourceParser } from 'eventsource-parser';
import { APIError } from 'openai';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';

/** What one read of the body gave. */
export interface ChunkRead {
  chunks: ChatCompletionChunk[];
  /** The `data:` text of each of `chunks`, as received (same order and length). */
  texts: string[];
  /** Set when the stream is over: `[DONE]`, or a failure to throw after `chunks`. */
  stop?: { kind: 'done' } | { kind: 'failed'; error: Error };
}

const DONE = '[DONE]';

/** Bytes in, chunks out, read by read; knows nothing about where the bytes come from. */
export class ChunkDecoder {
  readonly #text = new TextDecoder();
  readonly #events: EventSourceMessage[] = [];
  readonly #parser: EventSourceParser;

  constructor() {
    this.#parser = createParser({ onEvent: (event) => this.#events.push(event) });
  }

  /** Every chunk completed by these bytes (a multi-byte character may span two reads). */
  decode(bytes: Uint8Array): ChunkRead {
    this.#parser.feed(this.#text.decode(bytes, { stream: true }));
    return this.#take();
  }

  /** The end of the body: an event the upstream left without its blank line still counts. */
  end(): ChunkRead {
    this.#parser.feed(`${this.#text.decode()}\n\n`);
    return this.#take();
  }

  #take(): ChunkRead {
    const chunks: ChatCompletionChunk[] = [];
    const texts: string[] = [];
    let stop: ChunkRead['stop'];
    for (const event of this.#events) {
      if (event.data === DONE) {
        stop = { kind: 'done' };
        break;
      }
      const parsed = chunkOf(event);
      if (parsed instanceof Error) {
        stop = { kind: 'failed', error: parsed };
        break;
      }
      chunks.push(parsed);
      texts.push(event.data);
    }
    this.#events.length = 0;
    return stop ? { chunks, texts, stop } : { chunks, texts };
  }
}

function chunkOf(event: EventSourceMessage): ChatCompletionChunk | Error {
  let data: unknown;
  try {
    data = JSON.parse(event.data);
  } catch {
    return new SyntaxError(
      `Error reading response: malformed server-sent event JSON: ${event.data.slice(0, 200)}`,
    );
  }
  if (typeof data !== 'object' || data === null) {
    return new SyntaxError(
      `Error reading response: server-sent event is not a JSON object: ${event.data.slice(0, 200)}`,
    );
  }
  const { error } = data as { error?: unknown };
  // As the SDK's Stream does: the status is undefined, the payload is the error object.
  if (event.event === 'error') return new APIError(undefined, error ?? data, undefined, undefined);
  if (error) return new APIError(undefined, error, undefined, undefined);
  return data as ChatCompletionChunk;
}

/**
 * The chunks of a streaming answer (with their texts), one read per network read that
 * completed any (never one with no chunks). Throws what broke the stream (a cut connection,
 * an error chunk) after yielding the chunks that came before it in the same read; ends
 * quietly once `signal` aborted.
 */
export async function* readChunkBatches(
  body: ReadableStream<Uint8Array> | null,
  signal: AbortSignal,
  onBytes?: () => void,
): AsyncGenerator<ChunkRead, void, undefined> {
  if (!body) throw new TypeError('The upstream answered the stream request without a body');
  const reader = body.getReader();
  const cancel = (): void => {
    reader.cancel().catch(() => undefined);
  };
  signal.addEventListener('abort', cancel, { once: true });
  const decoder = new ChunkDecoder();
  let ended = false;
  try {
    while (!signal.aborted) {
      const { done, value } = await reader.read();
      if (signal.aborted) return;
      onBytes?.();
      ended = done;
      const read = done ? decoder.end() : decoder.decode(value);
      if (read.chunks.length) yield read;
      if (read.stop?.kind === 'failed') throw read.stop.error;
      if (done || read.stop) return;
    }
  } catch (error) {
    if (signal.aborted) return;
    throw error;
  } finally {
    signal.removeEventListener('abort', cancel);
    // After [DONE], a failure or a consumer's break the rest of the body is not wanted.
    if (!ended) cancel();
  }
}
