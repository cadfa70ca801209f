/**
 * The upstream SSE reader over read boundaries: wherever the network splits the body (in a
 * field, between `\r` and `\n`, inside a multi-byte character), the same chunks come out,
 * each read giving the chunks it completed; and what the openai SDK's Stream did on top of
 * SSE framing still happens ([DONE], error chunks, malformed JSON, a last event without its
 * blank line, the client going away). Each chunk comes with its `data:` text exactly as
 * received, which is what the traffic recorder keeps.
 */
import { APIError } from 'openai';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { describe, expect, it } from 'vitest';
import {
  ChunkDecoder,
  readChunkBatches,
  type ChunkRead,
} from '../../../electron/server/upstream-sse-reader.ts';
import { describeStreamFailure } from '../../../electron/server/upstream-failure.ts';

const encoder = new TextEncoder();

function chunk(content: string, finish: string | null = null): ChatCompletionChunk {
  return {
    id: 'c1',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'm',
    choices: [{ index: 0, delta: { content }, finish_reason: finish }],
  } as ChatCompletionChunk;
}

const sampleChunks = [chunk('Héllo'), chunk(' wörld 🙂'), chunk('日本語', 'stop')];

/** CRLF line endings, a keep-alive comment, an `event:` line and a data line split in two. */
const sampleBody = [
  ': OPENROUTER PROCESSING\r\n\r\n',
  `data: ${JSON.stringify(sampleChunks[0])}\r\n\r\n`,
  `event: message\r\ndata: ${JSON.stringify(sampleChunks[1])}\r\n\r\n`,
  ':\r\n\r\n',
  `data:${JSON.stringify(sampleChunks[2])}\r\n\r\n`,
  'data: [DONE]\r\n\r\n',
].join('');

/** Feeds `body` in the pieces given and collects every read's outcome. */
function decodeInPieces(pieces: readonly Uint8Array[]): ChunkRead[] {
  const decoder = new ChunkDecoder();
  const reads = pieces.map((piece) => decoder.decode(piece));
  reads.push(decoder.end());
  return reads;
}

function allChunks(reads: readonly ChunkRead[]): ChatCompletionChunk[] {
  return reads.flatMap((read) => read.chunks);
}

function bodyOf(pieces: readonly (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const piece of pieces)
        controller.enqueue(typeof piece === 'string' ? encoder.encode(piece) : piece);
      controller.close();
    },
  });
}

async function collect(
  body: ReadableStream<Uint8Array>,
  signal = new AbortController().signal,
): Promise<{ batches: ChatCompletionChunk[][]; texts: string[][]; error?: unknown }> {
  const batches: ChatCompletionChunk[][] = [];
  const texts: string[][] = [];
  try {
    for await (const read of readChunkBatches(body, signal)) {
      batches.push(read.chunks);
      texts.push(read.texts);
    }
  } catch (error) {
    return { batches, texts, error };
  }
  return { batches, texts };
}

/** The data text JSON.stringify gives a chunk, as most upstreams send it. */
const textOf = (value: unknown): string => JSON.stringify(value);

describe('ChunkDecoder', () => {
  it('gives the same chunks and [DONE] whichever byte the body is split at', () => {
    const bytes = encoder.encode(sampleBody);
    for (let split = 0; split <= bytes.length; split += 1) {
      const reads = decodeInPieces([bytes.subarray(0, split), bytes.subarray(split)]);
      expect(allChunks(reads), `split at byte ${split}`).toEqual(sampleChunks);
      expect(reads.some((read) => read.stop?.kind === 'done')).toBe(true);
    }
  });

  it('gives the same chunks when every byte is its own read', () => {
    const bytes = encoder.encode(sampleBody);
    const reads = decodeInPieces([...bytes].map((byte) => Uint8Array.of(byte)));
    expect(allChunks(reads)).toEqual(sampleChunks);
  });

  it('gives every chunk a read completes in that read, in order, each with its data text', () => {
    const bytes = encoder.encode(sampleBody);
    const reads = decodeInPieces([bytes]);
    expect(reads[0]).toEqual({
      chunks: sampleChunks,
      texts: sampleChunks.map(textOf),
      stop: { kind: 'done' },
    });
  });

  it('gives the data text exactly as received (spacing kept), whichever byte the body is split at', () => {
    const spaced = '{ "id": "c1",  "choices": [ {"index": 0, "delta": {"content": "é"}} ] }';
    const body = `: comment\n\ndata: ${spaced}\n\ndata:${textOf(chunk('x'))}\r\n\r\ndata: [DONE]\n\n`;
    const bytes = encoder.encode(body);
    for (let split = 0; split <= bytes.length; split += 7) {
      const reads = decodeInPieces([bytes.subarray(0, split), bytes.subarray(split)]);
      expect(
        reads.flatMap((read) => read.texts),
        `split at byte ${split}`,
      ).toEqual([spaced, textOf(chunk('x'))]);
      for (const read of reads) expect(read.texts).toHaveLength(read.chunks.length);
    }
  });

  it('keeps a character whose UTF-8 bytes are split across reads whole', () => {
    const text = `data: ${JSON.stringify(chunk('🙂'))}\n\n`;
    const bytes = encoder.encode(text);
    const emojiStart = bytes.indexOf(0xf0);
    for (let split = emojiStart + 1; split < emojiStart + 4; split += 1) {
      const reads = decodeInPieces([bytes.subarray(0, split), bytes.subarray(split)]);
      expect(reads[0]?.chunks).toEqual([]);
      expect(reads[1]?.chunks).toEqual([chunk('🙂')]);
    }
  });

  it('ignores everything after [DONE]', () => {
    const reads = decodeInPieces([
      encoder.encode(`data: [DONE]\n\ndata: ${JSON.stringify(chunk('late'))}\n\n`),
    ]);
    expect(reads[0]).toEqual({ chunks: [], texts: [], stop: { kind: 'done' } });
  });

  it('counts a last event the upstream ended without its blank line', () => {
    const reads = decodeInPieces([encoder.encode(`data: ${JSON.stringify(chunk('end'))}`)]);
    expect(reads[0]?.chunks).toEqual([]);
    expect(reads[1]).toEqual({ chunks: [chunk('end')], texts: [textOf(chunk('end'))] });
  });

  it('gives nothing for comments and blank keep-alives', () => {
    const reads = decodeInPieces([encoder.encode(': ping\n\n\n\n:\r\n\r\n')]);
    expect(reads).toEqual([
      { chunks: [], texts: [] },
      { chunks: [], texts: [] },
    ]);
  });

  it('fails with the error object of an error chunk, after the chunks before it', () => {
    const failure = { code: 429, message: 'Rate limited by provider' };
    const reads = decodeInPieces([
      encoder.encode(
        `data: ${JSON.stringify(chunk('a'))}\n\n` +
          `data: ${JSON.stringify({ id: 'x', object: 'chat.completion.chunk', error: failure })}\n\n` +
          `data: ${JSON.stringify(chunk('b'))}\n\n`,
      ),
    ]);
    expect(reads[0]?.chunks).toEqual([chunk('a')]);
    // The error chunk's text is not a chunk's: it is not given either.
    expect(reads[0]?.texts).toEqual([textOf(chunk('a'))]);
    const stop = reads[0]?.stop;
    expect(stop?.kind).toBe('failed');
    const error = stop?.kind === 'failed' ? stop.error : undefined;
    expect(error).toBeInstanceOf(APIError);
    expect(describeStreamFailure(error)).toEqual({
      status: 429,
      type: 'rate_limit_error',
      message: 'Rate limited by provider',
    });
  });

  it('fails on an `event: error` with the error it carries', () => {
    const reads = decodeInPieces([
      encoder.encode('event: error\ndata: {"error":{"message":"overloaded"}}\n\n'),
    ]);
    const stop = reads[0]?.stop;
    expect(stop?.kind === 'failed' && describeStreamFailure(stop.error).message).toBe('overloaded');
  });

  it('fails with a SyntaxError on data that is not JSON, naming the data', () => {
    const reads = decodeInPieces([
      encoder.encode(`data: ${JSON.stringify(chunk('a'))}\n\ndata: {"choices": [\n\n`),
    ]);
    expect(reads[0]?.chunks).toEqual([chunk('a')]);
    const stop = reads[0]?.stop;
    expect(stop?.kind === 'failed' && stop.error).toBeInstanceOf(SyntaxError);
    expect(stop?.kind === 'failed' && describeStreamFailure(stop.error).message).toBe(
      'The upstream stream broke off: Error reading response: malformed server-sent event JSON: {"choices": [',
    );
  });

  it('fails on data that is JSON but not an object', () => {
    const reads = decodeInPieces([encoder.encode('data: 42\n\n')]);
    expect(reads[0]?.stop?.kind).toBe('failed');
  });
});

describe('readChunkBatches', () => {
  it('yields one batch per read that completed chunks, and stops at [DONE]', async () => {
    const first = `data: ${JSON.stringify(chunk('a'))}\n\ndata: ${JSON.stringify(chunk('b'))}\n\ndata: {"id"`;
    const second = `:"x","choices":[]}\n\n: keep-alive\n\n`;
    const third = `data: ${JSON.stringify(chunk('c', 'stop'))}\n\ndata: [DONE]\n\n`;
    const { batches, texts, error } = await collect(
      bodyOf([first, second, ': only a comment\n\n', third]),
    );
    expect(error).toBeUndefined();
    expect(batches).toEqual([
      [chunk('a'), chunk('b')],
      [{ id: 'x', choices: [] }],
      [chunk('c', 'stop')],
    ]);
    expect(texts).toEqual([
      [textOf(chunk('a')), textOf(chunk('b'))],
      ['{"id":"x","choices":[]}'],
      [textOf(chunk('c', 'stop'))],
    ]);
  });

  it('ends at the end of the body without [DONE]', async () => {
    const { batches, error } = await collect(bodyOf([`data: ${JSON.stringify(chunk('a'))}\n\n`]));
    expect(error).toBeUndefined();
    expect(batches).toEqual([[chunk('a')]]);
  });

  it('yields the chunks before an error chunk of the same read, then throws', async () => {
    const { batches, error } = await collect(
      bodyOf([`data: ${JSON.stringify(chunk('a'))}\n\ndata: {"error":{"message":"boom"}}\n\n`]),
    );
    expect(batches).toEqual([[chunk('a')]]);
    expect(error).toBeInstanceOf(APIError);
  });

  it('throws what broke the body, as the transport threw it', async () => {
    const cut = new TypeError('terminated');
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(`data: ${JSON.stringify(chunk('a'))}\n\n`));
      },
      pull(controller) {
        controller.error(cut);
      },
    });
    const { batches, error } = await collect(body);
    expect(batches).toEqual([[chunk('a')]]);
    expect(error).toBe(cut);
  });

  it('cancels the body at once and ends quietly when the signal aborts mid-read', async () => {
    let cancelled: unknown = 'not cancelled';
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(`data: ${JSON.stringify(chunk('a'))}\n\n`));
      },
      cancel(reason) {
        cancelled = reason;
      },
    });
    const abort = new AbortController();
    const batches: ChatCompletionChunk[][] = [];
    for await (const read of readChunkBatches(body, abort.signal)) {
      batches.push(read.chunks);
      // The upstream is silent now; the next read waits until the abort cancels it.
      abort.abort();
    }
    expect(batches).toEqual([[chunk('a')]]);
    expect(cancelled).toBeUndefined();
  });

  it('cancels the rest of the body when the consumer stops early', async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(`data: ${JSON.stringify(chunk('a'))}\n\n`));
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const read of readChunkBatches(body, new AbortController().signal)) {
      expect(read.chunks).toEqual([chunk('a')]);
      break;
    }
    expect(cancelled).toBe(true);
  });

  it('throws when the answer has no body', async () => {
    const batches = readChunkBatches(null, new AbortController().signal);
    await expect(batches.next()).rejects.toThrow('without a body');
  });
});
