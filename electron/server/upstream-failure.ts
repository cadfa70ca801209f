/**
 * Turns what the openai SDK throws into the Anthropic error to send, keeping the upstream's
 * wording: HTTP errors by status (with the raw body captured by upstream-client.ts),
 * connection failures as 502 naming the upstream URL (never its credentials), timeouts as
 * 504, and failures inside a started stream (OpenRouter's `error` chunk, a cut connection,
 * an upstream silent past STREAM_IDLE_TIMEOUT_MS) as the type for an `error` event.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import {
  mapUpstreamError,
  upstreamConnectionError,
  upstreamTimeoutError,
  type MappedError,
} from '../../shared/errors/anthropic-errors.ts';
import {
  upstreamErrorCode,
  upstreamErrorMessage,
} from '../../shared/errors/upstream-error-message.ts';
import { headersRecord, UpstreamCallError } from './upstream-client.ts';
import { UpstreamSilenceError } from './upstream-silence.ts';

export type UpstreamFailure =
  | { kind: 'aborted' }
  /** The upstream answered with an error status. */
  | {
      kind: 'http';
      status: number;
      headers: Record<string, string>;
      body: unknown;
      error: MappedError;
    }
  /** No usable answer: connection, timeout, or an unreadable body. */
  | { kind: 'unreachable'; error: MappedError };

/** "ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9" from the cause chain of a fetch failure. */
export function transportDetail(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 5; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && !parts.includes(code)) parts.push(code);
    if (current.message && !parts.includes(current.message)) parts.push(current.message);
    current = current.cause;
  }
  return parts.join(': ') || 'unknown error';
}

function parsedBody(raw: string | undefined, fallback: unknown): unknown {
  if (raw === undefined) return fallback;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

export function describeUpstreamFailure(
  thrown: unknown,
  options: { upstreamUrl: string; timeoutMs: number; aborted: boolean },
): UpstreamFailure {
  const error = thrown instanceof UpstreamCallError ? thrown.cause : thrown;
  const rawBody = thrown instanceof UpstreamCallError ? thrown.rawBody : undefined;
  if (options.aborted || error instanceof APIUserAbortError) return { kind: 'aborted' };
  if (error instanceof APIConnectionTimeoutError) {
    // The transport's own 300 s limits (headers, then silence in the body) can fire before
    // API_TIMEOUT_MS; say which limit it was.
    const detail = transportDetail(error.cause);
    const mapped: MappedError = /UND_ERR_(HEADERS|BODY)_TIMEOUT/.test(detail)
      ? {
          status: 504,
          type: 'timeout_error',
          message: `The upstream at ${options.upstreamUrl} timed out: ${detail}`,
        }
      : upstreamTimeoutError(options.upstreamUrl, options.timeoutMs);
    return { kind: 'unreachable', error: mapped };
  }
  if (error instanceof APIConnectionError) {
    return {
      kind: 'unreachable',
      error: upstreamConnectionError(options.upstreamUrl, transportDetail(error.cause ?? error)),
    };
  }
  if (error instanceof APIError && error.status !== undefined) {
    const body = parsedBody(rawBody, error.error);
    const headers = headersRecord(error.headers);
    const message = upstreamErrorMessage(error.status, rawBody ?? error.error);
    return {
      kind: 'http',
      status: error.status,
      headers,
      body,
      error: mapUpstreamError(error.status, message, headers),
    };
  }
  return {
    kind: 'unreachable',
    error: {
      status: 500,
      type: 'api_error',
      message: `The upstream at ${options.upstreamUrl} sent an answer that could not be read: ${transportDetail(error)}`,
    },
  };
}

/** The `error` event for a failure after the stream started. */
export function describeStreamFailure(thrown: unknown): MappedError {
  if (thrown instanceof UpstreamSilenceError) {
    return { status: 504, type: 'timeout_error', message: thrown.message };
  }
  if (thrown instanceof APIError && thrown.status === undefined && thrown.error !== undefined) {
    // An error object inside a 200 stream (OpenRouter: `{error:{code,message}}`).
    const message = upstreamErrorMessage(undefined, thrown.error);
    const code = upstreamErrorCode(thrown.error);
    return code === undefined
      ? { status: 500, type: 'api_error', message }
      : mapUpstreamError(code, message);
  }
  return {
    status: 500,
    type: 'api_error',
    message: `The upstream stream broke off: ${transportDetail(thrown)}`,
  };
}

/** A 2xx answer that is not a chat completion (HTML, text, an `error` object). */
export function describeMalformedCompletion(
  body: unknown,
  upstreamUrl: string,
): MappedError | undefined {
  if (typeof body === 'object' && body !== null) {
    const record = body as Record<string, unknown>;
    if (record.error !== undefined && record.error !== null) {
      const message = upstreamErrorMessage(undefined, record);
      return mapUpstreamError(upstreamErrorCode(record) ?? 500, message);
    }
    if (Array.isArray(record.choices)) return undefined;
  }
  const what =
    typeof body === 'string'
      ? upstreamErrorMessage(200, body)
      : JSON.stringify(body)?.slice(0, 500);
  return {
    status: 500,
    type: 'api_error',
    message: `The upstream at ${upstreamUrl} answered 200 without a chat completion: ${what}`,
  };
}
