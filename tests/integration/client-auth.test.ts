/**
 * With CLIENT_API_KEY set, /v1 calls must carry it (x-api-key or Bearer, as Claude Code
 * sends ANTHROPIC_API_KEY / ANTHROPIC_AUTH_TOKEN); probes stay open.
 */
import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  jsonAnswer,
  startMockUpstream,
  type MockUpstream,
} from '../support/mock-openai-upstream.ts';
import { rawRequest } from '../support/raw-http.ts';
import { startTestProxy, type TestProxy } from '../support/start-test-proxy.ts';

const CLIENT_KEY = 'proxy-client-key-0123456789';

let upstream: MockUpstream;
let proxy: TestProxy;

beforeAll(async () => {
  upstream = await startMockUpstream();
  proxy = await startTestProxy({ upstreamUrl: upstream.url, env: { CLIENT_API_KEY: CLIENT_KEY } });
});
afterAll(async () => {
  await proxy?.close();
  await upstream?.close();
});

const params = {
  model: 'claude-sonnet-4-6',
  max_tokens: 10,
  messages: [{ role: 'user' as const, content: 'hi' }],
};

describe('client key', () => {
  it('refuses a call without the key with 401 authentication_error', async () => {
    const error = await proxy.client.messages.create(params).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(Anthropic.AuthenticationError);
    expect((error as InstanceType<typeof Anthropic.APIError>).error).toMatchObject({
      error: { type: 'authentication_error' },
    });
  });

  it('refuses a wrong key', async () => {
    const res = await rawRequest(proxy.url, {
      path: '/v1/models',
      headers: { authorization: 'Bearer wrong' },
    });
    expect(res.status).toBe(401);
  });

  it('accepts the key as x-api-key', async () => {
    upstream.enqueue(jsonAnswer({ text: 'authorised' }));
    const client = new Anthropic({ baseURL: proxy.url, apiKey: CLIENT_KEY, maxRetries: 0 });
    const message = await client.messages.create(params);
    expect(message.content).toMatchObject([{ type: 'text', text: 'authorised' }]);
  });

  it('accepts the key as a Bearer token', async () => {
    upstream.enqueue(jsonAnswer({ text: 'bearer ok' }));
    const client = new Anthropic({
      baseURL: proxy.url,
      authToken: CLIENT_KEY,
      apiKey: null,
      maxRetries: 0,
    });
    const message = await client.messages.create(params);
    expect(message.content).toMatchObject([{ type: 'text', text: 'bearer ok' }]);
  });

  it('leaves the health probe open', async () => {
    expect((await rawRequest(proxy.url, { path: '/', method: 'HEAD' })).status).toBe(200);
  });
});
