/**
 * Ready-made answers for the mock OpenAI upstream (see mock-openai-upstream.ts): each
 * returns a behaviour that writes one HTTP answer the way real OpenAI-compatible servers
 * do, including their failure modes.
 */
import type { ServerResponse } from 'node:http';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import type { MockBehaviour, MockContext } from './mock-openai-upstream.ts';
import {
  answerChunks,
  answerCompletion,
  chunk,
  usage,
  usageChunk,
  type ScriptedAnswer,
} from './mock-upstream-chunks.ts';

/** Resolves after `ms`, or at once when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve();
      return;
    }
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

function openSse(res: ServerResponse, headers: Record<string, string> = {}): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    'x-request-id': 'mock-req-1',
    ...headers,
  });
  res.flushHeaders();
  res.socket?.setNoDelay(true);
}

function sse(item: ChatCompletionChunk | string): string {
  // Strings are raw SSE text: comments (": OPENROUTER PROCESSING") or hand-made lines.
  return typeof item === 'string' ? `${item}\n\n` : `data: ${JSON.stringify(item)}\n\n`;
}

export interface StreamOptions {
  /** Wait this long before each chunk (default 0: as fast as the event loop goes). */
  paceMs?: number;
  /** Write ": OPENROUTER PROCESSING" before the first chunk and between chunks. */
  keepAlive?: boolean;
  /** End with `data: [DONE]` (default true). */
  done?: boolean;
  headers?: Record<string, string>;
}

/** Streams the given chunks (or raw SSE lines) one write each. */
export function streamChunks(
  items: readonly (ChatCompletionChunk | string)[],
  options: StreamOptions = {},
): MockBehaviour {
  return async ({ res, signal }) => {
    openSse(res, options.headers);
    for (const item of items) {
      if (options.paceMs) await sleep(options.paceMs, signal);
      if (signal.aborted) return;
      if (options.keepAlive) res.write(': OPENROUTER PROCESSING\n\n');
      res.write(sse(item));
    }
    if (options.done !== false) res.write('data: [DONE]\n\n');
    res.end();
  };
}

/** A scripted answer as a stream: role, reasoning, text, tool calls, finish, usage-only chunk. */
export function streamAnswer(answer: ScriptedAnswer, options: StreamOptions = {}): MockBehaviour {
  return streamChunks(answerChunks(answer), options);
}

/** The same answer as a JSON completion. */
export function jsonAnswer(
  answer: ScriptedAnswer,
  headers: Record<string, string> = {},
): MockBehaviour {
  return ({ res }) => {
    res.writeHead(200, {
      'content-type': 'application/json',
      'x-request-id': 'mock-req-1',
      ...headers,
    });
    res.end(JSON.stringify(answerCompletion(answer)));
  };
}

/** Answers JSON or a stream, whichever the request asked for. */
export const defaultBehaviour: MockBehaviour = (ctx: MockContext) => {
  const streaming = (ctx.request.body as { stream?: unknown } | undefined)?.stream === true;
  const answer = { text: 'Hello from the mock upstream.' };
  return streaming ? streamAnswer(answer)(ctx) : jsonAnswer(answer)(ctx);
};

/**
 * `count` text chunks of `textPerChunk` each, written back to back without waiting, then
 * finish and usage: the upstream is never the bottleneck (throughput benchmarks).
 */
export function flatOutStream(count: number, textPerChunk = 'token '): MockBehaviour {
  return ({ res }) => {
    openSse(res);
    res.write(sse(chunk({ role: 'assistant', content: '' })));
    const line = sse(chunk({ content: textPerChunk }));
    for (let i = 0; i < count; i += 1) res.write(line);
    res.write(sse(chunk({}, 'stop')));
    res.write(sse(usageChunk(usage(10, count))));
    res.end('data: [DONE]\n\n');
  };
}

/**
 * Streams `text` with every SSE event cut into pieces of `bytesPerWrite` bytes, written
 * separately with a pause, so multi-byte UTF-8 characters arrive split across TCP reads.
 */
export function utf8SplitStream(text: string, bytesPerWrite = 3, pauseMs = 2): MockBehaviour {
  return async ({ res, signal }) => {
    openSse(res);
    const payload = Buffer.from(
      [
        chunk({ role: 'assistant', content: '' }),
        chunk({ content: text }),
        chunk({}, 'stop'),
        usageChunk(usage(5, 5)),
      ]
        .map(sse)
        .join('') + 'data: [DONE]\n\n',
    );
    for (let offset = 0; offset < payload.length; offset += bytesPerWrite) {
      if (signal.aborted) return;
      res.write(payload.subarray(offset, offset + bytesPerWrite));
      await sleep(pauseMs, signal);
    }
    res.end();
  };
}

/**
 * An error answer. `body`: an object (sent as JSON), a string (sent as is, e.g. an HTML
 * page or plain text), or undefined (no body).
 */
export function httpError(
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
): MockBehaviour {
  return ({ res }) => {
    const isText = typeof body === 'string';
    const contentType = isText
      ? /^\s*</.test(body)
        ? 'text/html'
        : 'text/plain'
      : 'application/json';
    res.writeHead(status, {
      ...(body !== undefined && { 'content-type': contentType }),
      ...headers,
    });
    res.end(body === undefined ? undefined : isText ? body : JSON.stringify(body));
  };
}

/** Streams the first `afterChunks` chunks of the answer, then destroys the socket. */
export function cutMidStream(
  answer: ScriptedAnswer = { text: 'This answer will be cut off' },
  afterChunks = 2,
): MockBehaviour {
  return async ({ res, signal }) => {
    openSse(res);
    for (const item of answerChunks(answer).slice(0, afterChunks)) res.write(sse(item));
    await sleep(20, signal);
    res.socket?.destroy();
  };
}

/** Never answers: the request hangs before any header until the client gives up. */
export function hangBeforeHeaders(): MockBehaviour {
  return ({ signal }) =>
    new Promise<void>((resolve) => {
      if (signal.aborted) resolve();
      else signal.addEventListener('abort', () => resolve(), { once: true });
    });
}

/** Streams a few chunks, then OpenRouter's mid-stream failure: an `error` object in a 200 stream. */
export function errorInStream(
  error: { code: number | string; message: string },
  answer: ScriptedAnswer = { text: 'Partial answer' },
  afterChunks = 2,
): MockBehaviour {
  const failure = {
    ...chunk({ content: '' }, 'error' as ChatCompletionChunk.Choice['finish_reason']),
    error,
  };
  return streamChunks(
    [...answerChunks(answer).slice(0, afterChunks), JSON.stringify(failure)].map((item) =>
      typeof item === 'string' ? `data: ${item}` : item,
    ),
  );
}
