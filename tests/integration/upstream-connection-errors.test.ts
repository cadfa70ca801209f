/**
 * When there is no usable upstream: nothing listening (502 naming the URL, never the key),
 * no answer within API_TIMEOUT_MS (504, and the hung upstream call is dropped), and a first
 * run with nothing configured (a clear error saying what to set).
 */
import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hangBeforeHeaders,
  startMockUpstream,
  type MockUpstream,
} from '../support/mock-openai-upstream.ts';
import { rawRequest } from '../support/raw-http.ts';
import { startTestProxy, TEST_UPSTREAM_KEY } from '../support/start-test-proxy.ts';

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

describe('upstream down', () => {
  it('answers 502 api_error naming the upstream URL without the key', async () => {
    const gone = await startMockUpstream();
    const deadUrl = gone.url;
    await gone.close();
    const proxy = await startTestProxy({ upstreamUrl: deadUrl });
    try {
      const error = await failure(proxy.client.messages.create(params));
      expect(error.status).toBe(502);
      expect(error.error).toMatchObject({ error: { type: 'api_error' } });
      const message = (error.error as { error: { message: string } }).error.message;
      expect(message).toContain(`Could not reach the upstream at ${deadUrl}`);
      expect(message).toContain('ECONNREFUSED');
      expect(message).not.toContain(TEST_UPSTREAM_KEY);
      // And the streaming path gives the same answer.
      const streamError = await failure(proxy.client.messages.stream(params).finalMessage());
      expect(streamError.status).toBe(502);
    } finally {
      await proxy.close();
    }
  });
});

describe('upstream timeout', () => {
  let upstream: MockUpstream;
  beforeAll(async () => {
    upstream = await startMockUpstream();
  });
  afterAll(async () => {
    await upstream?.close();
  });

  it('answers 504 timeout_error after API_TIMEOUT_MS and drops the upstream call', async () => {
    const proxy = await startTestProxy({
      upstreamUrl: upstream.url,
      env: { API_TIMEOUT_MS: '300' },
    });
    try {
      upstream.enqueue(hangBeforeHeaders());
      const started = performance.now();
      const error = await failure(proxy.client.messages.create(params));
      expect(performance.now() - started).toBeLessThan(5000);
      expect(error.status).toBe(504);
      expect(error.error).toMatchObject({ error: { type: 'timeout_error' } });
      const seen = upstream.requests.at(-1)!;
      expect(await seen.ended).toBe('client-closed');
    } finally {
      await proxy.close();
    }
  });
});

describe('first run without an upstream', () => {
  it('starts, reports itself unconfigured and answers calls with what to set', async () => {
    const proxy = await startTestProxy();
    try {
      const health = await rawRequest(proxy.url, { path: '/' });
      expect(health.json).toMatchObject({
        status: 'unconfigured',
        upstream: { configured: false },
      });
      const error = await failure(proxy.client.messages.create(params));
      expect(error.status).toBe(500);
      expect(error.headers?.get('x-should-retry')).toBe('false');
      const message = (error.error as { error: { message: string } }).error.message;
      expect(message).toContain('OPENAI_API_KEY');
      expect(message).toContain('BASE_URL');
    } finally {
      await proxy.close();
    }
  });
});
