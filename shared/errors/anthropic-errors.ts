/**
 * Errors in Anthropic's shape, and the mapping from whatever an OpenAI-compatible upstream
 * answered to the status and type Anthropic clients expect (protocol checklist §4). Clients
 * act on the pair: Claude Code retries 408/409/429/5xx, honours `x-should-retry` and
 * `retry-after`, and matches the message text to drop features an upstream rejected, so
 * the upstream wording is passed on verbatim and only the status/type are translated.
 */

/**
 * Anthropic's error types. The SDK's `ErrorType` lacks `request_too_large` (the API's 413
 * type), so the union is spelled out here.
 */
export type AnthropicErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'billing_error'
  | 'permission_error'
  | 'not_found_error'
  | 'request_too_large'
  | 'rate_limit_error'
  | 'api_error'
  | 'timeout_error'
  | 'overloaded_error';

/** `{"type":"error","error":{"type","message"},"request_id"}` as Anthropic sends it. */
export interface AnthropicErrorBody {
  type: 'error';
  error: { type: AnthropicErrorType; message: string };
  request_id?: string;
}

/** An error ready to send: HTTP status, Anthropic type, message and retry hints. */
export interface MappedError {
  status: number;
  type: AnthropicErrorType;
  message: string;
  /** Whole seconds, for the `retry-after` response header. */
  retryAfter?: number;
  /** From the upstream's `x-should-retry`, forwarded so clients stop retrying hopeless calls. */
  shouldRetry?: boolean;
}

/** Response headers with lower-case names. */
export type HeaderValues = Readonly<Record<string, string | undefined>>;

export const STATUS_FOR_ERROR_TYPE: Readonly<Record<AnthropicErrorType, number>> = {
  invalid_request_error: 400,
  authentication_error: 401,
  billing_error: 402,
  permission_error: 403,
  not_found_error: 404,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  timeout_error: 504,
  overloaded_error: 529,
};

/** The Anthropic type for a status this proxy itself sends. */
export function errorTypeForStatus(status: number): AnthropicErrorType {
  const exact = (Object.keys(STATUS_FOR_ERROR_TYPE) as AnthropicErrorType[]).find(
    (type) => STATUS_FOR_ERROR_TYPE[type] === status,
  );
  if (exact) return exact;
  return status >= 400 && status < 500 ? 'invalid_request_error' : 'api_error';
}

export function anthropicErrorBody(
  type: AnthropicErrorType,
  message: string,
  requestId?: string,
): AnthropicErrorBody {
  const body: AnthropicErrorBody = { type: 'error', error: { type, message } };
  if (requestId !== undefined) body.request_id = requestId;
  return body;
}

/** Where each upstream HTTP status lands on Anthropic's table. */
function mapUpstreamStatus(status: number): { status: number; type: AnthropicErrorType } {
  switch (status) {
    case 400:
    case 422:
      return { status: 400, type: 'invalid_request_error' };
    case 401:
      return { status: 401, type: 'authentication_error' };
    case 402:
      return { status: 402, type: 'billing_error' };
    case 403:
      return { status: 403, type: 'permission_error' };
    case 404:
      return { status: 404, type: 'not_found_error' };
    case 408:
    case 504:
    case 524: // Cloudflare's "a timeout occurred" in front of many hosted upstreams
      return { status: 504, type: 'timeout_error' };
    case 413:
      return { status: 413, type: 'request_too_large' };
    case 429:
      return { status: 429, type: 'rate_limit_error' };
    case 502:
    case 503:
    case 529:
      return { status: 529, type: 'overloaded_error' };
    default:
      if (status >= 400 && status < 500) return { status: 400, type: 'invalid_request_error' };
      // 5xx, and anything an error path should never see (1xx-3xx): the upstream misbehaved.
      return { status: 500, type: 'api_error' };
  }
}

/** `retry-after-ms`, `retry-after` in seconds or as an HTTP date → whole seconds, rounded up. */
export function retryAfterSeconds(
  headers: HeaderValues,
  now: number = Date.now(),
): number | undefined {
  const ms = Number(headers['retry-after-ms']);
  if (headers['retry-after-ms'] !== undefined && Number.isFinite(ms) && ms >= 0) {
    return Math.ceil(ms / 1000);
  }
  const value = headers['retry-after']?.trim();
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds >= 0 ? Math.ceil(seconds) : undefined;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * Maps an upstream failure. `status` is the upstream HTTP status, or undefined when no
 * response arrived (the message should then name the upstream URL, see
 * `upstreamConnectionError`). The message is kept verbatim, LiteLLM's `litellm.XError:`
 * prefix included.
 */
export function mapUpstreamError(
  status: number | undefined,
  message: string,
  headers: HeaderValues = {},
): MappedError {
  const mapped: MappedError =
    status === undefined
      ? { status: 502, type: 'api_error', message }
      : { ...mapUpstreamStatus(status), message };
  const retryAfter = retryAfterSeconds(headers);
  if (retryAfter !== undefined) mapped.retryAfter = retryAfter;
  const shouldRetry = headers['x-should-retry'];
  if (shouldRetry === 'true' || shouldRetry === 'false')
    mapped.shouldRetry = shouldRetry === 'true';
  return mapped;
}

/** Connection refused, DNS or TLS failure: no answer at all from the upstream. */
export function upstreamConnectionError(upstreamUrl: string, detail: string): MappedError {
  return {
    status: 502,
    type: 'api_error',
    message: `Could not reach the upstream at ${upstreamUrl}: ${detail}`,
  };
}

/** The upstream took longer than the configured timeout. */
export function upstreamTimeoutError(upstreamUrl: string, timeoutMs: number): MappedError {
  return {
    status: 504,
    type: 'timeout_error',
    message: `The upstream at ${upstreamUrl} did not answer within ${timeoutMs / 1000} s (API_TIMEOUT_MS).`,
  };
}
