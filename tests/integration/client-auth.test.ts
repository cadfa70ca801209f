/**
 * With CLIENT_API_KEY set, /v1 calls must carry it (x-api-key or Bearer, as Claude Code
 * sends ANTHROPIC_API_KEY / ANTHROPIC_AUTH_TOKEN); probes stay open.
 */
import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { jsonAnswer } from '../support/mock-openai-upstream.ts';
import { rawRequest } from '../support/raw-http.ts';

const CLIENT_KEY = 'proxy-client-key-0123456789';
import { useProxyWithMockUpstream } from '../support/start-test-proxy.ts';

const rig = useProxyWithMockUpstream({ env: { CLIENT_API_KEY: CLIENT_KEY } });

const params = {
  model: 'claude-sonnet-4-6',
  max_tokens: 10,
  messages: [{ role: 'user' as const, content: 'hi' }],
};

describe('client key', () => {
  it('refuses a call without the key with 401 authentication_error', async () => {
    const error = await rig.proxy.client.messages.create(params).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(Anthropic.AuthenticationError);
    expect((error as InstanceType<typeof Anthropic.APIError>).error).toMatchObject({
      error: { type: 'authentication_error' },
    });
  });

  it('refuses a wrong key', async () => {
    const res = await rawRequest(rig.proxy.url, {
      path: '/v1/models',
      headers: { authorization: 'Bearer wrong' },
    });
    expect(res.status).toBe(401);
  });

  it('accepts the key as x-api-key', async () => {
    rig.upstream.enqueue(jsonAnswer({ text: 'authorised' }));
    const client = new Anthropic({ baseURL: rig.proxy.url, apiKey: CLIENT_KEY, maxRetries: 0 });
    const message = await client.messages.create(params);
    expect(message.content).toMatchObject([{ type: 'text', text: 'authorised' }]);
  });

  it('accepts the key as a Bearer token', async () => {
    rig.upstream.enqueue(jsonAnswer({ text: 'bearer ok' }));
    const client = new Anthropic({
      baseURL: rig.proxy.url,
      authToken: CLIENT_KEY,
      apiKey: null,
      maxRetries: 0,
    });
    const message = await client.messages.create(params);
    expect(message.content).toMatchObject([{ type: 'text', text: 'bearer ok' }]);
  });

  it('leaves the health probe open', async () => {
    expect((await rawRequest(rig.proxy.url, { path: '/', method: 'HEAD' })).status).toBe(200);
  });
});
