/**
 * The `fetch` the openai SDK sends upstream calls with: undici's `request` (the HTTP/1.1
 * client under Node's own fetch, without the fetch layer) on one keep-alive agent, answered
 * as a standard `Response`. Measured against the alternatives on the same mock upstream
 * (interleaved A/B, two proxies): Node's global fetch took about 0.4 ms longer until the
 * response headers were in after an idle pause (WebIDL conversions, Request/Headers
 * objects); node:http matched this on latency but cost 1.2 ms more CPU per 1,000-chunk
 * stream, because its parser copies every chunk of a chunked body into a fresh Buffer and
 * calls into JavaScript for it, where undici's parser hands out views.
 *
 * It implements what the SDK uses and nothing more: a URL, a method, headers, a string or
 * byte body, an AbortSignal. What fetch does for the caller is kept: the promise settles
 * when the headers are in, the body is a web ReadableStream read as it arrives, the signal
 * aborts the request or the body being read, failures reject with undici's own errors (the
 * same as Node's fetch has as `cause`: `ECONNREFUSED`, `UND_ERR_SOCKET`...) and an abort with
 * an `AbortError`, which is what the SDK's retry and timeout logic looks at. No
 * `accept-encoding` is sent; a body compressed anyway is decompressed, as fetch would.
 *
 * Timeouts: API_TIMEOUT_MS (the SDK's) bounds the wait for the headers, the stream pump's
 * watchdog (upstream-silence.ts) silence within a stream; under those, undici gives up after
 * 300 s without headers (UND_ERR_HEADERS_TIMEOUT) or without a byte of body
 * (UND_ERR_BODY_TIMEOUT), as Node's fetch does, and as Claude Code itself would.
 */
import type { Readable } from 'node:stream';
import {
  createBrotliDecompress,
  createGunzip,
  createInflate,
  createZstdDecompress,
} from 'node:zlib';
import { Agent, EnvHttpProxyAgent, type Dispatcher } from 'undici';
import type { UpstreamFetch } from './upstream-client.ts';

/** Decoders for the content codings fetch undoes by itself. */
const DECODERS: Readonly<Record<string, () => NodeJS.ReadWriteStream>> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
  zstd: createZstdDecompress,
};

/** Node's fetch gives up after this long without headers, or without a byte of body. */
const UPSTREAM_SILENCE_LIMIT_MS = 300_000;

/** Hosts a proxy is never asked for. */
const LOOPBACK_HOSTS = 'localhost,127.0.0.1,[::1]';

/** Statuses whose answer has no body (a `Response` refuses one). */
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

function requestBody(body: RequestInit['body']): string | Uint8Array | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  // The proxy only ever sends JSON; a stream or form body would be a programming error here.
  throw new TypeError(`The upstream fetch sends string or byte bodies only, not ${typeof body}`);
}

function responseHeaders(raw: Dispatcher.ResponseData['headers']): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.append(name, value);
  }
  return headers;
}

function decodedBody(body: Readable, coding: string | undefined): Readable {
  const decoder = coding ? DECODERS[coding.trim().toLowerCase()] : undefined;
  if (!decoder) return body;
  const decoded = decoder() as NodeJS.ReadWriteStream & Readable;
  body.on('error', (error) => decoded.destroy(error));
  return body.pipe(decoded);
}

/**
 * The body as a web stream that takes, at each read, everything buffered since the last one
 * (`readable.read()` joins it): a flat-out upstream's thousand small writes arrive in a
 * handful of reads, and each costs one promise. Readable.toWeb hands them on one by one,
 * which doubled the proxy's CPU per streamed answer.
 */
function webBody(node: Readable): ReadableStream<Uint8Array> {
  let failed = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        // Always listening: an error between two reads must not go unhandled.
        node.on('error', (error) => {
          failed = true;
          controller.error(error);
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
            if (failed) return settle();
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

export interface UpstreamFetchOptions {
  /** Wait for the headers before UND_ERR_HEADERS_TIMEOUT (default UPSTREAM_SILENCE_LIMIT_MS). */
  headersTimeoutMs?: number;
  /** Body silence before UND_ERR_BODY_TIMEOUT (default UPSTREAM_SILENCE_LIMIT_MS). */
  bodyTimeoutMs?: number;
  /** Where HTTP(S)_PROXY and NO_PROXY are read (default process.env). */
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * The agent calls go out through: direct, or through the proxy that HTTPS_PROXY / HTTP_PROXY
 * name (upper or lower case; NO_PROXY exempts hosts), as curl and most CLIs do; loopback
 * hosts always go direct. Only when one is set: a machine with none pays nothing.
 */
function upstreamAgent(options: UpstreamFetchOptions): Dispatcher {
  const env = options.env ?? process.env;
  const timeouts = {
    headersTimeout: options.headersTimeoutMs ?? UPSTREAM_SILENCE_LIMIT_MS,
    bodyTimeout: options.bodyTimeoutMs ?? UPSTREAM_SILENCE_LIMIT_MS,
  };
  const httpProxy = env.HTTP_PROXY || env.http_proxy;
  const httpsProxy = env.HTTPS_PROXY || env.https_proxy;
  if (!httpProxy && !httpsProxy) return new Agent(timeouts);
  // A proxy elsewhere cannot reach this machine's loopback (Ollama, LM Studio, a local
  // gateway), so loopback hosts always go direct.
  const noProxy = [env.NO_PROXY || env.no_proxy, LOOPBACK_HOSTS].filter(Boolean).join(',');
  return new EnvHttpProxyAgent({
    ...timeouts,
    ...(httpProxy && { httpProxy }),
    ...(httpsProxy && { httpsProxy }),
    noProxy,
  });
}

/** A fetch over undici's request API, with one keep-alive agent for every upstream. */
export function createUpstreamFetch(options: UpstreamFetchOptions = {}): UpstreamFetch {
  const agent = upstreamAgent(options);
  // async: whatever it refuses, it refuses as a rejected promise, as fetch does.
  return async (input, init = {}) => {
    if (input instanceof Request)
      throw new TypeError('The upstream fetch takes a URL, not a Request');
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
    const method = (init.method ?? 'GET') as Dispatcher.HttpMethod;
    const answer = await agent.request({
      origin: url.origin,
      path: url.pathname + url.search,
      method,
      headers,
      body: requestBody(init.body) ?? null,
      ...(init.signal && { signal: init.signal }),
    });
    const status = answer.statusCode;
    const nullBody = NULL_BODY_STATUSES.has(status) || method === 'HEAD';
    if (nullBody) answer.body.resume();
    const contentCoding = answer.headers['content-encoding'];
    try {
      return new Response(
        nullBody
          ? null
          : webBody(
              decodedBody(answer.body, Array.isArray(contentCoding) ? undefined : contentCoding),
            ),
        { status, statusText: answer.statusText, headers: responseHeaders(answer.headers) },
      );
    } catch (error) {
      // A status a Response cannot carry (e.g. above 599): the answer is unusable.
      answer.body.destroy();
      throw error;
    }
  };
}
