/**
 * The upstream side of a call: one `openai` SDK client per (base URL, key, headers,
 * timeout, retries), cached, and the Chat Completions call itself with the status and
 * headers of the answer.
 *
 * The SDK keeps only the `error` member of a JSON error body and drops non-standard bodies
 * (vLLM's flat `{message}`, FastAPI's `{detail}`, HTML pages), yet the upstream's own words
 * must reach the client verbatim. So the client's `fetch` copies the body of every non-2xx
 * answer into a per-call capture (AsyncLocalStorage, so concurrent calls never mix) before
 * the SDK reads it.
 *
 * The transport under that capture is undici's request API (upstream-fetch.ts says why not
 * the global `fetch` or node:http), or the one the caller gives (demo mode's, which answers
 * its simulated upstream in process; see demo/demo-mode.ts).
 *
 * A stream's body is handed back unread: upstream-sse-reader.ts reads it, a batch of chunks
 * per network read, which the SDK's chunk-at-a-time `Stream` cannot do.
 *
 * Retries (MAX_RETRIES) are the SDK's: only before a response arrived, never once a stream
 * has started. Timeouts: API_TIMEOUT_MS bounds the wait for the response headers; the
 * transport also gives up after 300 s without headers or without a byte of body, which
 * matches Claude Code's own idle limit.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import OpenAI from 'openai';
import type {
  ChatCompletion,
  ChatCompletionCreateParams,
  ChatCompletionCreateParamsNonStreaming,
} from 'openai/resources/chat/completions';
import type { Logger } from './logger.ts';
import { createUpstreamFetch } from './upstream-fetch.ts';
import { PROXY_VERSION } from './proxy-version.ts';

export interface UpstreamTarget {
  baseUrl: string;
  apiKey?: string;
  extraHeaders: Readonly<Record<string, string>>;
  timeoutMs: number;
  maxRetries: number;
}

interface ErrorCapture {
  /** Raw body of the last non-2xx answer. */
  body?: string;
}

const errorCaptures = new AsyncLocalStorage<ErrorCapture>();

/** The `fetch` signature the openai SDK accepts. */
export type UpstreamFetch = (
  input: string | URL | Request,
  init?: RequestInit,
) => Promise<Response>;

function capturingFetch(transport: UpstreamFetch): UpstreamFetch {
  return async (input, init) => {
    const response = await transport(input, init);
    const capture = errorCaptures.getStore();
    if (response.ok || !capture) return response;
    const text = await response.text();
    capture.body = text;
    return new Response(text, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

/** Local servers (Ollama, LM Studio, vLLM) need no key, but the SDK insists on one. */
const NO_KEY = 'no-key-configured';

export interface UpstreamClients {
  clientFor(target: UpstreamTarget): OpenAI;
}

/** @param transport what the clients send with; upstream-fetch.ts (undici) by default. */
export function createUpstreamClients(
  logger: Logger,
  transport: UpstreamFetch = createUpstreamFetch(),
): UpstreamClients {
  const cache = new Map<string, OpenAI>();
  const clientFetch = capturingFetch(transport);
  const sdkLogger = logger.child({ component: 'openai-sdk' });
  return {
    clientFor(target) {
      const key = JSON.stringify([
        target.baseUrl,
        target.apiKey,
        target.extraHeaders,
        target.timeoutMs,
        target.maxRetries,
      ]);
      let client = cache.get(key);
      if (!client) {
        client = new OpenAI({
          apiKey: target.apiKey ?? NO_KEY,
          baseURL: target.baseUrl,
          timeout: target.timeoutMs,
          maxRetries: target.maxRetries,
          defaultHeaders: {
            'user-agent': `anthropic-proxy/${PROXY_VERSION}`,
            ...target.extraHeaders,
          },
          fetch: clientFetch,
          logger: sdkLogger,
          logLevel: 'warn',
        });
        cache.set(key, client);
      }
      return client;
    },
  };
}

/** The headers we send, for the inspector: the key masked, the rest as sent. */
export function upstreamRequestHeaders(
  target: UpstreamTarget,
  maskedKey: string,
): Record<string, string> {
  return {
    'content-type': 'application/json',
    authorization: `Bearer ${maskedKey}`,
    ...target.extraHeaders,
  };
}

export type UpstreamAnswer =
  | {
      kind: 'stream';
      /** The SSE body, read with readChunkBatches (upstream-sse-reader.ts), not the SDK. */
      body: ReadableStream<Uint8Array> | null;
      status: number;
      headers: Record<string, string>;
    }
  /** A JSON completion, or whatever else a broken upstream sent with a 2xx (text, HTML). */
  | {
      kind: 'json';
      body: ChatCompletion | unknown;
      status: number;
      headers: Record<string, string>;
    };

/** A failed call, with the raw error body the SDK would have dropped. */
export class UpstreamCallError extends Error {
  override name = 'UpstreamCallError';
  override readonly cause: unknown;
  readonly rawBody: string | undefined;
  constructor(cause: unknown, rawBody: string | undefined) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.cause = cause;
    this.rawBody = rawBody;
  }
}

export function headersRecord(headers: Headers | undefined): Record<string, string> {
  return headers ? Object.fromEntries(headers.entries()) : {};
}

export function callChatCompletions(
  client: OpenAI,
  body: ChatCompletionCreateParams,
  signal: AbortSignal,
): Promise<UpstreamAnswer> {
  const capture: ErrorCapture = {};
  return errorCaptures.run(capture, async (): Promise<UpstreamAnswer> => {
    try {
      if (body.stream === true) {
        // The SDK still makes the request (retries, timeout, error statuses); the body is
        // left unread for the pump.
        const response = await client.chat.completions.create(body, { signal }).asResponse();
        return {
          kind: 'stream',
          body: response.body,
          status: response.status,
          headers: headersRecord(response.headers),
        };
      }
      // Sent exactly as translated (and as the tap recorded it): no `stream` key is added.
      const { data, response } = await client.chat.completions
        .create(body as ChatCompletionCreateParamsNonStreaming, { signal })
        .withResponse();
      return {
        kind: 'json',
        body: data as unknown,
        status: response.status,
        headers: headersRecord(response.headers),
      };
    } catch (error) {
      throw new UpstreamCallError(error, capture.body);
    }
  });
}
