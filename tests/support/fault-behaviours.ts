/**
 * Mock-upstream answers for the fault tests that the ready-made behaviours
 * (mock-upstream-behaviours.ts) do not cover: a connection reset before any header, a
 * stream that goes silent after a few chunks, a chunk that is not JSON, a JSON answer whose
 * body stalls after the headers, and a 200 that is an HTML page (a captive portal, a base
 * URL that points at a website).
 */
import type { ServerResponse } from 'node:http';
import type { MockBehaviour, RecordedRequest } from './mock-openai-upstream.ts';
import { answerChunks, sleep, streamChunks, type ScriptedAnswer } from './mock-openai-upstream.ts';

/** Waits until the proxy closes the connection (the mock's abort signal). */
function untilClientCloses(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

function openSse(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  res.flushHeaders();
}

/** The request is read, then the socket is reset (RST): no status line ever comes. */
export function resetBeforeHeaders(): MockBehaviour {
  return ({ res }) => {
    res.socket?.resetAndDestroy();
  };
}

/**
 * Streams the first `afterChunks` chunks of the answer, then sends nothing more and holds
 * the connection open until the proxy hangs up.
 */
export function silentAfterChunks(
  answer: ScriptedAnswer = { text: 'The upstream stops talking here' },
  afterChunks = 2,
): MockBehaviour {
  return async ({ res, signal }) => {
    openSse(res);
    for (const item of answerChunks(answer).slice(0, afterChunks)) {
      res.write(`data: ${JSON.stringify(item)}\n\n`);
    }
    await untilClientCloses(signal);
  };
}

/** Streams a few chunks, then a `data:` line that is not JSON, then the rest as if nothing happened. */
export function invalidJsonInStream(
  answer: ScriptedAnswer = { text: 'Before the broken chunk, after it' },
  afterChunks = 2,
): MockBehaviour {
  const chunks = answerChunks(answer);
  return streamChunks([
    ...chunks.slice(0, afterChunks),
    'data: {"id":"chatcmpl-mock123","choices":[{"delta":{"content":"tru',
    ...chunks.slice(afterChunks),
  ]);
}

/** A JSON completion whose body stops after its first bytes until the proxy hangs up. */
export function jsonBodyStalls(): MockBehaviour {
  return async ({ res, signal }) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"id":"chatcmpl-mock123","object":"chat.completion","choices":[');
    await untilClientCloses(signal);
  };
}

export const HTML_PAGE =
  '<!DOCTYPE html><html><head><title>Sign in to the hotel Wi-Fi</title></head><body><form></form></body></html>';

/** 200 with an HTML page, whatever was asked. */
export function htmlPage200(): MockBehaviour {
  return ({ res }) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(HTML_PAGE);
  };
}

/**
 * The same behaviour, plus a promise of its request as soon as the mock has read it (the
 * moment the proxy is waiting on the upstream), for tests that act at that point.
 */
export function withArrival(behaviour: MockBehaviour): {
  behaviour: MockBehaviour;
  arrived: Promise<RecordedRequest>;
} {
  let arrive!: (request: RecordedRequest) => void;
  const arrived = new Promise<RecordedRequest>((resolve) => (arrive = resolve));
  return {
    behaviour: (ctx) => {
      arrive(ctx.request);
      return behaviour(ctx);
    },
    arrived,
  };
}

/**
 * A model thinking out of sight: after the role chunk only `: OPENROUTER PROCESSING`
 * comments come, every `everyMs` for `forMs`, then the whole answer. Bytes keep arriving,
 * so this is not silence.
 */
export function commentsThenAnswer(
  answer: ScriptedAnswer,
  forMs: number,
  everyMs: number,
): MockBehaviour {
  return async ({ res, signal }) => {
    openSse(res);
    const [first, ...rest] = answerChunks(answer);
    res.write(`data: ${JSON.stringify(first)}\n\n`);
    for (let waited = 0; waited < forMs && !signal.aborted; waited += everyMs) {
      await sleep(everyMs, signal);
      res.write(': OPENROUTER PROCESSING\n\n');
    }
    for (const item of rest) res.write(`data: ${JSON.stringify(item)}\n\n`);
    res.end('data: [DONE]\n\n');
  };
}
