/**
 * A scriptable OpenAI-compatible upstream on a real loopback socket, for integration tests,
 * the benchmark and the Claude Code end-to-end tests.
 *
 * ```ts
 * const upstream = await startMockUpstream();          // 127.0.0.1, port 0
 * upstream.enqueue(streamAnswer({ text: 'Hi', reasoning: 'hmm' }), httpError(429, {...}));
 * upstream.setHandler(jsonAnswer({ text: 'default' })); // after the queue is empty
 * // BASE_URL = upstream.url (ends in /v1)
 * const seen = await upstream.nextRequest();            // or upstream.requests[i]
 * seen.body; seen.headers; await seen.ended;            // 'completed' | 'client-closed'
 * seen.clientClosedAt - seen.receivedAt;                // how fast the proxy aborted us
 * await upstream.close();
 * ```
 *
 * Each request is answered by the next queued behaviour, else the handler (default: a short
 * JSON or streamed answer matching the request's `stream` flag). A behaviour gets the
 * recorded request, the raw response and an abort signal that fires when the client (the
 * proxy) closes the connection before the answer is complete; `clientClosedAt` records when
 * (performance.now()).
 *
 * Ready-made behaviours (mock-upstream-behaviours.ts, re-exported here): `jsonAnswer`,
 * `streamAnswer` (reasoning/text/parallel tool calls, keep-alive comments, pace, fragmented
 * or interleaved arguments, usage-only chunk with cached tokens), `streamChunks` (any chunk
 * list or raw SSE lines), `flatOutStream` (N chunks at once, for throughput), `utf8SplitStream`
 * (multi-byte characters split across TCP writes), `httpError` (status with JSON, text, HTML
 * or no body, and headers), `cutMidStream` (socket destroyed), `hangBeforeHeaders`,
 * `errorInStream` (OpenRouter's `error` object in a 200 stream).
 */
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { defaultBehaviour } from './mock-upstream-behaviours.ts';

export * from './mock-upstream-behaviours.ts';
export * from './mock-upstream-chunks.ts';

export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. "/v1/chat/completions". */
  path: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, or the raw text when it is not JSON (undefined when empty). */
  body: unknown;
  /** performance.now() when the request was fully received. */
  receivedAt: number;
  /** performance.now() when the client closed the connection before the answer ended. */
  clientClosedAt?: number;
  /** Settles when the answer ended or the client went away, whichever came first. */
  ended: Promise<'completed' | 'client-closed'>;
}

export interface MockContext {
  request: RecordedRequest;
  res: ServerResponse;
  /** Aborted when the client closes the connection before the answer is complete. */
  signal: AbortSignal;
}

/** Writes one answer. May be async; the mock ends the response if the behaviour did not. */
export type MockBehaviour = (ctx: MockContext) => void | Promise<void>;

export interface MockUpstream {
  /** OpenAI-style base URL ending in /v1, as BASE_URL takes it. */
  url: string;
  requests: RecordedRequest[];
  /** The behaviour for requests once the queue is empty. */
  setHandler(behaviour: MockBehaviour): void;
  /** Behaviours for the next requests, in order. */
  enqueue(...behaviours: MockBehaviour[]): void;
  /** Resolves with the next request to arrive (or the oldest one not yet taken). */
  nextRequest(): Promise<RecordedRequest>;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

function parse(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export async function startMockUpstream(): Promise<MockUpstream> {
  const requests: RecordedRequest[] = [];
  const queue: MockBehaviour[] = [];
  let handler: MockBehaviour = defaultBehaviour;
  let taken = 0;
  const waiters: ((request: RecordedRequest) => void)[] = [];

  const server = createServer((req, res) => {
    void (async () => {
      const text = await readBody(req);
      const controller = new AbortController();
      let settle!: (how: 'completed' | 'client-closed') => void;
      const request: RecordedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: parse(text),
        receivedAt: performance.now(),
        ended: new Promise((resolve) => (settle = resolve)),
      };
      res.once('close', () => {
        if (res.writableFinished) {
          settle('completed');
          return;
        }
        request.clientClosedAt = performance.now();
        controller.abort();
        settle('client-closed');
      });
      requests.push(request);
      const waiter = waiters.shift();
      if (waiter) {
        taken += 1;
        waiter(request);
      }
      const behaviour = queue.shift() ?? handler;
      try {
        await behaviour({ request, res, signal: controller.signal });
      } catch (error) {
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: { message: `mock behaviour threw: ${String(error)}` } }));
        }
      }
      if (!res.writableEnded && !res.destroyed) res.end();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    setHandler(behaviour) {
      handler = behaviour;
    },
    enqueue(...behaviours) {
      queue.push(...behaviours);
    },
    nextRequest() {
      const pending = requests[taken];
      if (pending) {
        taken += 1;
        return Promise.resolve(pending);
      }
      return new Promise((resolve) => waiters.push(resolve));
    },
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
