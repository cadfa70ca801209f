/**
 * Upstream HTTP errors reach the client in Anthropic's shape with the status/type of the
 * protocol checklist (§4), the upstream's wording verbatim, `retry-after` and
 * `x-should-retry` forwarded, and a `request-id`; the server keeps serving afterwards.
 */
import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { defaultBehaviour, httpError, jsonAnswer, sleep } from '../support/mock-openai-upstream.ts';
import { startTestProxy, useProxyWithMockUpstream } from '../support/start-test-proxy.ts';

const rig = useProxyWithMockUpstream();

const params = {
  model: 'claude-sonnet-4-6',
  max_tokens: 64,
  messages: [{ role: 'user' as const, content: 'Hi' }],
};

async function failure(call: Promise<unknown>): Promise<InstanceType<typeof Anthropic.APIError>> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(Anthropic.APIError);
  return error as InstanceType<typeof Anthropic.APIError>;
}

const html502 =
  '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>nginx</h1></body></html>';

describe('upstream error statuses', () => {
  it.each([
    [
      400,
      { error: { message: "Invalid value for 'max_tokens'", type: 'invalid_request_error' } },
      400,
      'invalid_request_error',
      "Invalid value for 'max_tokens'",
    ],
    [
      400,
      { error: { message: 'litellm.BadRequestError: OpenAIException - prompt too long' } },
      400,
      'invalid_request_error',
      'litellm.BadRequestError: OpenAIException - prompt too long',
    ],
    [
      422,
      { object: 'error', message: 'tool_choice auto needs --enable-auto-tool-choice', code: 422 },
      400,
      'invalid_request_error',
      'tool_choice auto needs --enable-auto-tool-choice',
    ],
    [
      401,
      { error: { message: 'Incorrect API key provided' } },
      401,
      'authentication_error',
      'Incorrect API key provided',
    ],
    [
      403,
      { error: { message: 'Flagged by moderation' } },
      403,
      'permission_error',
      'Flagged by moderation',
    ],
    [
      404,
      { error: { message: 'The model `big-model` does not exist' } },
      404,
      'not_found_error',
      'The model `big-model` does not exist',
    ],
    [
      500,
      { error: { message: 'The server had an error' } },
      500,
      'api_error',
      'The server had an error',
    ],
    [
      502,
      html502,
      529,
      'overloaded_error',
      'Upstream returned HTTP 502 with an HTML page: 502 Bad Gateway',
    ],
    [503, undefined, 529, 'overloaded_error', 'Upstream returned HTTP 503 with no body'],
    [500, 'plain text failure', 500, 'api_error', 'plain text failure'],
  ])(
    'upstream %i → %i %s with the upstream wording',
    async (upstreamStatus, body, status, type, message) => {
      rig.upstream.enqueue(httpError(upstreamStatus, body));
      const error = await failure(rig.proxy.client.messages.create(params));
      expect(error.status).toBe(status);
      expect(error.error).toMatchObject({ type: 'error', error: { type, message } });
      expect(error.requestID).toMatch(/^req_[0-9a-f]{24}$/);
    },
  );

  it('forwards retry-after in whole seconds on 429', async () => {
    rig.upstream.enqueue(
      httpError(429, { error: { message: 'Rate limit reached' } }, { 'retry-after': '6.2' }),
    );
    const error = await failure(rig.proxy.client.messages.create(params));
    expect(error.status).toBe(429);
    expect(error.error).toMatchObject({
      error: { type: 'rate_limit_error', message: 'Rate limit reached' },
    });
    expect(error.headers?.get('retry-after')).toBe('7');
  });

  it('maps OpenRouter 402 to billing_error and forwards x-should-retry: false', async () => {
    rig.upstream.enqueue(
      httpError(
        402,
        { error: { message: 'Insufficient credits', code: 402 } },
        { 'x-should-retry': 'false' },
      ),
    );
    const error = await failure(rig.proxy.client.messages.create(params));
    expect(error.status).toBe(402);
    expect(error.error).toMatchObject({
      error: { type: 'billing_error', message: 'Insufficient credits' },
    });
    expect(error.headers?.get('x-should-retry')).toBe('false');
  });

  it('answers a streaming request that fails before any byte with a plain error status', async () => {
    rig.upstream.enqueue(
      httpError(429, { error: { message: 'Slow down' } }, { 'retry-after': '3' }),
    );
    const error = await failure(rig.proxy.client.messages.stream(params).finalMessage());
    expect(error.status).toBe(429);
    expect(error.error).toMatchObject({
      error: { type: 'rate_limit_error', message: 'Slow down' },
    });
  });

  it('keeps serving after all of these failures', async () => {
    rig.upstream.enqueue(jsonAnswer({ text: 'still here' }));
    const message = await rig.proxy.client.messages.create(params);
    expect(message.content).toMatchObject([{ type: 'text', text: 'still here' }]);
  });
});

describe('concurrent failures', () => {
  it('gives each of several simultaneous calls its own upstream error message', async () => {
    rig.upstream.setHandler(async (ctx) => {
      const text = JSON.stringify(ctx.request.body);
      const tag = /call-\d+/.exec(text)?.[0] ?? 'unknown';
      await sleep((Number(tag.slice(5)) % 3) * 15);
      await httpError(400, { object: 'error', message: `bad request in ${tag}` })(ctx);
    });
    try {
      const tags = Array.from({ length: 8 }, (_, n) => `call-${n}`);
      const errors = await Promise.all(
        tags.map((tag) =>
          failure(
            rig.proxy.client.messages.create({
              ...params,
              messages: [{ role: 'user', content: tag }],
            }),
          ),
        ),
      );
      expect(
        errors.map((error) => (error.error as { error: { message: string } }).error.message),
      ).toEqual(tags.map((tag) => `bad request in ${tag}`));
    } finally {
      rig.upstream.setHandler(defaultBehaviour);
    }
  });
});

describe('retries', () => {
  it('retries once before the response when MAX_RETRIES=1, then succeeds', async () => {
    const retrying = await startTestProxy({
      upstreamUrl: rig.upstream.url,
      env: { MAX_RETRIES: '1' },
    });
    try {
      const before = rig.upstream.requests.length;
      rig.upstream.enqueue(
        httpError(503, undefined, { 'retry-after-ms': '10' }),
        jsonAnswer({ text: 'second try' }),
      );
      const message = await retrying.client.messages.create(params);
      expect(message.content).toMatchObject([{ type: 'text', text: 'second try' }]);
      expect(rig.upstream.requests.length - before).toBe(2);
    } finally {
      await retrying.close();
    }
  });
});
