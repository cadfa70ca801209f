/**
 * The endpoints besides /v1/messages: GET / health, the HEAD probes, /v1/models in
 * Anthropic's list shape (what Claude Code's model discovery parses), count_tokens, and a
 * request id on every response.
 */
import { describe, expect, it } from 'vitest';
import { postJson, rawRequest } from '../support/raw-http.ts';
import { TEST_UPSTREAM_KEY, useProxyWithMockUpstream } from '../support/start-test-proxy.ts';

const rig = useProxyWithMockUpstream({ upstreamUrl: (url) => `${url}?token=${TEST_UPSTREAM_KEY}` });

describe('health and probes', () => {
  it('GET / reports version, upstream without query or key, and the model mapping', async () => {
    const res = await rawRequest(rig.proxy.url, { path: '/' });
    expect(res.status).toBe(200);
    expect(res.headers['request-id']).toMatch(/^req_/);
    expect(res.json).toMatchObject({
      status: 'ok',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      upstream: { baseUrl: rig.upstream.url, configured: true },
      models: { big: 'big-model', small: 'small-model' },
    });
    expect(res.text).not.toContain(TEST_UPSTREAM_KEY);
  });

  it.each(['/', '/api/hello'])('HEAD %s answers 200', async (path) => {
    const res = await rawRequest(rig.proxy.url, { path, method: 'HEAD' });
    expect(res.status).toBe(200);
  });
});

describe('GET /v1/models', () => {
  it('lists the claude aliases in Anthropic list shape with their targets', async () => {
    const models = await rig.proxy.client.models.list({ limit: 1000 });
    const ids = models.data.map((model) => model.id);
    expect(ids).toEqual(['claude-opus', 'claude-sonnet', 'claude-haiku']);
    expect(models.data[2]).toMatchObject({
      type: 'model',
      display_name: 'Claude Haiku → small-model',
    });
    const raw = await rawRequest(rig.proxy.url, { path: '/v1/models?limit=1000' });
    expect(raw.json).toMatchObject({
      has_more: false,
      first_id: 'claude-opus',
      last_id: 'claude-haiku',
    });
  });

  it('retrieves one alias and 404s an unknown one', async () => {
    expect(await rig.proxy.client.models.retrieve('claude-sonnet')).toMatchObject({
      id: 'claude-sonnet',
    });
    const res = await rawRequest(rig.proxy.url, { path: '/v1/models/gpt-nothing' });
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ error: { type: 'not_found_error' } });
  });
});

describe('count_tokens', () => {
  it('answers locally with input_tokens that grow with the input', async () => {
    const before = rig.upstream.requests.length;
    const small = await rig.proxy.client.messages.countTokens({
      model: 'claude-sonnet-4-6',
      messages: [{ role: 'user', content: 'Hello' }],
    });
    const large = await rig.proxy.client.messages.countTokens({
      model: 'claude-sonnet-4-6',
      system: 'You are a helpful assistant.',
      messages: [{ role: 'user', content: 'Hello '.repeat(200) }],
    });
    expect(small.input_tokens).toBeGreaterThan(0);
    expect(large.input_tokens).toBeGreaterThan(small.input_tokens + 150);
    expect(rig.upstream.requests.length).toBe(before);
  });

  it('answers a malformed count_tokens body with 400', async () => {
    const res = await postJson(rig.proxy.url, '/v1/messages/count_tokens', { model: 'x' });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({
      error: { type: 'invalid_request_error', message: expect.stringContaining('messages') },
    });
  });
});
