import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { describe, expect, it } from 'vitest';
import { UpstreamCallError } from '../../../electron/server/upstream-client.ts';
import {
  describeMalformedCompletion,
  describeStreamFailure,
  describeUpstreamFailure,
  transportDetail,
} from '../../../electron/server/upstream-failure.ts';

const options = { upstreamUrl: 'http://127.0.0.1:9/v1', timeoutMs: 1000, aborted: false };

describe('describeUpstreamFailure', () => {
  it('uses the raw body the SDK would have dropped', () => {
    const sdkError = APIError.generate(
      422,
      undefined,
      undefined,
      new Headers({ 'x-request-id': 'u1' }),
    );
    const failure = describeUpstreamFailure(
      new UpstreamCallError(sdkError, '{"object":"error","message":"bad tool_choice","code":422}'),
      options,
    );
    expect(failure).toMatchObject({
      kind: 'http',
      status: 422,
      headers: { 'x-request-id': 'u1' },
      body: { message: 'bad tool_choice' },
      error: { status: 400, type: 'invalid_request_error', message: 'bad tool_choice' },
    });
  });

  it('falls back to the SDK error object when no raw body was captured', () => {
    const sdkError = APIError.generate(
      429,
      { error: { message: 'slow down' } },
      undefined,
      new Headers({ 'retry-after': '2' }),
    );
    expect(describeUpstreamFailure(sdkError, options)).toMatchObject({
      kind: 'http',
      error: { status: 429, type: 'rate_limit_error', message: 'slow down', retryAfter: 2 },
    });
  });

  it('names the URL and the cause of a connection failure', () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), {
      code: 'ECONNREFUSED',
    });
    const failure = describeUpstreamFailure(
      new APIConnectionError({ cause: new TypeError('fetch failed', { cause }) }),
      options,
    );
    expect(failure).toEqual({
      kind: 'unreachable',
      error: {
        status: 502,
        type: 'api_error',
        message:
          'Could not reach the upstream at http://127.0.0.1:9/v1: fetch failed: ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9',
      },
    });
  });

  it('reports a timeout as 504', () => {
    expect(describeUpstreamFailure(new APIConnectionTimeoutError(), options)).toMatchObject({
      kind: 'unreachable',
      error: { status: 504, type: 'timeout_error' },
    });
  });

  it("names the transport's own header timeout when that fired first", () => {
    const cause = Object.assign(new Error('Headers Timeout Error'), {
      code: 'UND_ERR_HEADERS_TIMEOUT',
    });
    const timeout = Object.assign(new APIConnectionTimeoutError(), { cause });
    expect(describeUpstreamFailure(timeout, options)).toMatchObject({
      kind: 'unreachable',
      error: {
        status: 504,
        type: 'timeout_error',
        message:
          'The upstream at http://127.0.0.1:9/v1 timed out: UND_ERR_HEADERS_TIMEOUT: Headers Timeout Error',
      },
    });
  });

  it('recognises an abort, whether from the SDK or from the client signal', () => {
    expect(describeUpstreamFailure(new APIUserAbortError(), options)).toEqual({ kind: 'aborted' });
    expect(describeUpstreamFailure(new Error('x'), { ...options, aborted: true })).toEqual({
      kind: 'aborted',
    });
  });

  it('reports an unreadable answer as 500 api_error', () => {
    expect(describeUpstreamFailure(new SyntaxError('Unexpected token <'), options)).toMatchObject({
      kind: 'unreachable',
      error: {
        status: 500,
        type: 'api_error',
        message: expect.stringContaining('Unexpected token <'),
      },
    });
  });
});

describe('describeStreamFailure', () => {
  it('classifies an error object from a 200 stream by its code', () => {
    const sdkError = new APIError(
      undefined,
      { code: 429, message: 'Rate limited by provider' },
      undefined,
      undefined,
    );
    expect(describeStreamFailure(sdkError)).toEqual({
      status: 429,
      type: 'rate_limit_error',
      message: 'Rate limited by provider',
    });
  });

  it('reports a cut connection as api_error with the transport detail', () => {
    const cut = new TypeError('terminated', {
      cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }),
    });
    expect(describeStreamFailure(cut)).toEqual({
      status: 500,
      type: 'api_error',
      message: 'The upstream stream broke off: terminated: UND_ERR_SOCKET: other side closed',
    });
  });
});

describe('describeMalformedCompletion', () => {
  it('accepts a completion', () => {
    expect(describeMalformedCompletion({ choices: [] }, 'u')).toBeUndefined();
  });
  it('maps an error object sent with 200', () => {
    expect(
      describeMalformedCompletion({ error: { message: 'no credits', code: 402 } }, 'u'),
    ).toMatchObject({
      status: 402,
      type: 'billing_error',
      message: 'no credits',
    });
  });
  it('refuses text or HTML sent with 200', () => {
    expect(
      describeMalformedCompletion('<html><title>Login</title></html>', 'http://u/v1'),
    ).toMatchObject({
      status: 500,
      type: 'api_error',
      message: expect.stringContaining('Login'),
    });
  });
});

describe('transportDetail', () => {
  it('joins codes and messages along the cause chain without repeats', () => {
    const inner = Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.invalid'), {
      code: 'ENOTFOUND',
    });
    expect(transportDetail(new TypeError('fetch failed', { cause: inner }))).toBe(
      'fetch failed: ENOTFOUND: getaddrinfo ENOTFOUND nowhere.invalid',
    );
  });
});
