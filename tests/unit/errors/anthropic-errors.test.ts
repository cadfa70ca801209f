import { describe, expect, it } from 'vitest';
import {
  anthropicErrorBody,
  errorTypeForStatus,
  mapUpstreamError,
  retryAfterSeconds,
  STATUS_FOR_ERROR_TYPE,
  upstreamConnectionError,
  upstreamTimeoutError,
} from '../../../shared/errors/anthropic-errors.ts';

describe('anthropicErrorBody', () => {
  it('builds the Anthropic error envelope with an optional request id', () => {
    expect(anthropicErrorBody('api_error', 'boom', 'req_1')).toEqual({
      type: 'error',
      error: { type: 'api_error', message: 'boom' },
      request_id: 'req_1',
    });
    expect(anthropicErrorBody('api_error', 'boom')).not.toHaveProperty('request_id');
  });
});

describe('status ↔ type table', () => {
  it.each([
    [400, 'invalid_request_error'],
    [401, 'authentication_error'],
    [402, 'billing_error'],
    [403, 'permission_error'],
    [404, 'not_found_error'],
    [413, 'request_too_large'],
    [429, 'rate_limit_error'],
    [500, 'api_error'],
    [504, 'timeout_error'],
    [529, 'overloaded_error'],
  ] as const)('%i is %s both ways', (status, type) => {
    expect(errorTypeForStatus(status)).toBe(type);
    expect(STATUS_FOR_ERROR_TYPE[type]).toBe(status);
  });

  it('falls back to invalid_request_error for other 4xx and api_error otherwise', () => {
    expect(errorTypeForStatus(405)).toBe('invalid_request_error');
    expect(errorTypeForStatus(503)).toBe('api_error');
  });
});

describe('mapUpstreamError', () => {
  it.each([
    [400, 400, 'invalid_request_error'],
    [422, 400, 'invalid_request_error'],
    [401, 401, 'authentication_error'],
    [402, 402, 'billing_error'],
    [403, 403, 'permission_error'],
    [404, 404, 'not_found_error'],
    [408, 504, 'timeout_error'],
    [409, 400, 'invalid_request_error'],
    [413, 413, 'request_too_large'],
    [429, 429, 'rate_limit_error'],
    [500, 500, 'api_error'],
    [501, 500, 'api_error'],
    [502, 529, 'overloaded_error'],
    [503, 529, 'overloaded_error'],
    [504, 504, 'timeout_error'],
    [524, 504, 'timeout_error'],
    [200, 500, 'api_error'],
  ] as const)('upstream %i → %i %s', (upstream, status, type) => {
    expect(mapUpstreamError(upstream, 'm')).toEqual({ status, type, message: 'm' });
  });

  it('treats a missing status as a 502 api_error (no answer from the upstream)', () => {
    expect(mapUpstreamError(undefined, 'x')).toEqual({
      status: 502,
      type: 'api_error',
      message: 'x',
    });
  });

  it('keeps the upstream wording verbatim, LiteLLM prefix included', () => {
    const message = 'litellm.BadRequestError: OpenAIException - context_length_exceeded';
    expect(mapUpstreamError(400, message).message).toBe(message);
  });

  it('forwards retry-after in whole seconds and x-should-retry', () => {
    expect(mapUpstreamError(429, 'slow down', { 'retry-after': '1.2' }).retryAfter).toBe(2);
    expect(mapUpstreamError(402, 'no credits', { 'x-should-retry': 'false' })).toEqual({
      status: 402,
      type: 'billing_error',
      message: 'no credits',
      shouldRetry: false,
    });
  });
});

describe('retryAfterSeconds', () => {
  it('prefers retry-after-ms and rounds up', () => {
    expect(retryAfterSeconds({ 'retry-after-ms': '1500', 'retry-after': '9' })).toBe(2);
  });
  it('reads an HTTP date relative to now', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterSeconds({ 'retry-after': 'Thu, 01 Jan 2026 00:00:30 GMT' }, now)).toBe(30);
  });
  it('ignores garbage and negatives', () => {
    expect(retryAfterSeconds({ 'retry-after': 'soon' })).toBeUndefined();
    expect(retryAfterSeconds({ 'retry-after': '-3' })).toBeUndefined();
    expect(retryAfterSeconds({})).toBeUndefined();
  });
});

describe('connection and timeout errors', () => {
  it('names the upstream URL in a 502 api_error', () => {
    expect(upstreamConnectionError('http://127.0.0.1:9/v1', 'ECONNREFUSED')).toEqual({
      status: 502,
      type: 'api_error',
      message: 'Could not reach the upstream at http://127.0.0.1:9/v1: ECONNREFUSED',
    });
  });
  it('reports a timeout as 504 timeout_error', () => {
    const mapped = upstreamTimeoutError('https://api.example/v1', 600_000);
    expect(mapped.status).toBe(504);
    expect(mapped.type).toBe('timeout_error');
    expect(mapped.message).toContain('600 s');
  });
});
