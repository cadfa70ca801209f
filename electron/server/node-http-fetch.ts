/**
 * The `fetch` the openai SDK sends upstream calls with: node:http/https requests on
 * keep-alive agents, answered as a standard `Response`. Node's global fetch (undici) takes
 * about 0.4 ms longer per call until the response headers are in (WebIDL conversions,
 * Request/Headers objects, its own dispatcher), measured against node:http to the same
 * local server after an idle pause: on a proxy whose added latency should stay under a
 * millisecond, that is most of the budget. (CPU per streamed answer is the same for both.)
 *
 * It implements what the SDK uses and nothing more: a URL, a method, headers, a string or
 * byte body, an AbortSignal. What fetch does for the caller is kept: the promise settles
 * when the headers are in, the body is a web ReadableStream read as it arrives, the signal
 * aborts the request or the body being read, failures reject with the socket's own error
 * (`ECONNREFUSED`, `ECONNRESET`...) and an abort with an `AbortError`, which is what the
 * SDK's retry and timeout logic looks at. No `accept-encoding` is sent; a body compressed
 * anyway is decompressed, as fetch would.
 *
 * Timeouts: API_TIMEOUT_MS (the SDK's) bounds the wait for the headers, the stream pump's
 * watchdog (upstream-silence.ts) silence within a stream; on top of those, a socket that
 * stays silent for `idleTimeoutMs` (300 s, the limit Node's fetch has for headers and for
 * body silence, and Claude Code's own) fails with an UpstreamIdleTimeoutError, so a JSON
 * answer whose body stalls after its headers cannot hold a call forever.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';
import {
  createBrotliDecompress,
  createGunzip,
  createInflate,
  createZstdDecompress,
} from 'node:zlib';
import type { UpstreamFetch } from './upstream-client.ts';

/** Decoders for the content codings fetch undoes by itself. */
const DECODERS: Readonly<Record<string, () => NodeJS.ReadWriteStream>> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
  zstd: createZstdDecompress,
};

/** Node's fetch gives up after this long without a byte (undici's headers and body timeouts). */
export const UPSTREAM_IDLE_TIMEOUT_MS = 300_000;

/** The upstream's socket was silent for longer than the idle timeout. */
export class UpstreamIdleTimeoutError extends Error {
  override name = 'UpstreamIdleTimeoutError';
  readonly code = 'UPSTREAM_IDLE_TIMEOUT';
  constructor(ms: number) {
    // "timed out" is what the openai SDK looks for to report APIConnectionTimeoutError.
    super(`The upstream connection timed out: no data for ${ms / 1000} s`);
  }
}

/** Statuses whose answer has no body (a `Response` refuses one). */
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

function requestBody(body: RequestInit['body']): string | Uint8Array | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  // The proxy only ever sends JSON; a stream or form body would be a programming error here.
  throw new TypeError(`node-http-fetch sends string or byte bodies only, not ${typeof body}`);
}

function responseHeaders(res: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = res.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  return headers;
}

function decodedBody(res: IncomingMessage): Readable {
  const coding = res.headers['content-encoding']?.trim().toLowerCase();
  const decoder = coding ? DECODERS[coding] : undefined;
  if (!decoder) return res;
  const decoded = decoder() as NodeJS.ReadWriteStream & Readable;
  res.on('error', (error) => decoded.destroy(error));
  return res.pipe(decoded);
}

/**
 * The body as a web stream that takes, at each read, everything the socket has buffered
 * since the last one (`readable.read()` joins it): a flat-out upstream's thousand small
 * writes arrive in a handful of reads, and each costs one promise. Readable.toWeb hands
 * them on one by one, which doubled the proxy's CPU per streamed answer.
 */
function webBody(node: Readable, reasonOf: () => unknown): ReadableStream<Uint8Array> {
  let failure: unknown;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        // Always listening: a socket error between two reads must not go unhandled. The
        // response only says "aborted" when we cut it ourselves; say why instead.
        node.on('error', (error) => {
          failure = reasonOf() ?? error;
          controller.error(failure);
        });
      },
      pull(controller) {
        return new Promise<void>((resolve) => {
          const settle = (): void => {
            node.off('readable', take);
            node.off('end', take);
            node.off('error', settle);
            resolve();
          };
          function take(): void {
            if (failure !== undefined) return settle();
            const bytes = node.read() as Buffer | null;
            if (bytes !== null) controller.enqueue(bytes);
            else if (node.readableEnded) controller.close();
            else return;
            settle();
          }
          node.on('readable', take);
          node.on('end', take);
          node.on('error', settle);
          take();
        });
      },
      cancel() {
        node.destroy();
      },
    },
    { highWaterMark: 0 },
  );
}

export interface NodeHttpFetchOptions {
  /** Socket silence after which the call fails (default UPSTREAM_IDLE_TIMEOUT_MS). */
  idleTimeoutMs?: number;
}

/** A fetch over node:http(s), with one keep-alive agent per protocol. */
export function createNodeHttpFetch(options: NodeHttpFetchOptions = {}): UpstreamFetch {
  const idleTimeoutMs = options.idleTimeoutMs ?? UPSTREAM_IDLE_TIMEOUT_MS;
  const agents = {
    'http:': new HttpAgent({ keepAlive: true }),
    'https:': new HttpsAgent({ keepAlive: true }),
  };
  // async: whatever it refuses, it refuses as a rejected promise, as fetch does.
  return async (input, init = {}) => {
    if (input instanceof Request) throw new TypeError('node-http-fetch takes a URL, not a Request');
    const url = typeof input === 'string' ? new URL(input) : input;
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new TypeError(`Unsupported upstream protocol: ${url.protocol}`);
    }
    const headers: Record<string, string> = {};
    // The SDK hands a Headers object; anything else a caller passes is normalised first.
    const given = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    given.forEach((value, name) => {
      headers[name] = value;
    });
    const body = requestBody(init.body);
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    let timedOut: UpstreamIdleTimeoutError | undefined;
    const reasonOf = (): unknown =>
      init.signal?.aborted
        ? new DOMException('This operation was aborted', 'AbortError')
        : timedOut;
    return new Promise<Response>((resolve, reject) => {
      const req = send(url, {
        method: init.method ?? 'GET',
        headers,
        agent: agents[url.protocol as keyof typeof agents],
        timeout: idleTimeoutMs,
        ...(init.signal && { signal: init.signal }),
      });
      req.setNoDelay(true);
      req.on('timeout', () => {
        timedOut = new UpstreamIdleTimeoutError(idleTimeoutMs);
        req.destroy(timedOut);
      });
      // Also after the answer came: a cut body errors the response, and the request with it.
      req.on('error', reject);
      req.once('response', (res) => {
        const status = res.statusCode ?? 0;
        const nullBody = NULL_BODY_STATUSES.has(status) || init.method === 'HEAD';
        if (nullBody) res.resume();
        try {
          resolve(
            new Response(nullBody ? null : webBody(decodedBody(res), reasonOf), {
              status,
              statusText: res.statusMessage ?? '',
              headers: responseHeaders(res),
            }),
          );
        } catch (error) {
          // A status a Response cannot carry (e.g. above 599): the answer is unusable.
          res.destroy();
          reject(error as Error);
        }
      });
      req.end(body);
    });
  };
}
