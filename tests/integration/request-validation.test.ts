/**
 * What the proxy refuses before calling the upstream, always in Anthropic's shape with the
 * request id: broken JSON, wrong field types (with the field's path), bodies over the
 * 50 MB limit, unknown routes. Unknown block types are not refused: they are dropped on the
 * way up. Large but legal bodies (20 MB of image data) go through.
 */
import { describe, expect, it } from 'vitest';
import { jsonAnswer } from '../support/mock-openai-upstream.ts';
import { postJson, rawRequest } from '../support/raw-http.ts';
import { useProxyWithMockUpstream } from '../support/start-test-proxy.ts';

const rig = useProxyWithMockUpstream();

function errorOf(json: unknown): { type: string; message: string } {
  expect(json).toMatchObject({ type: 'error', request_id: expect.stringMatching(/^req_/) });
  return (json as { error: { type: string; message: string } }).error;
}

describe('refused requests', () => {
  it('answers invalid JSON with 400 invalid_request_error', async () => {
    const before = rig.upstream.requests.length;
    const res = await postJson(rig.proxy.url, '/v1/messages', '{"model": "claude", "messages": [');
    expect(res.status).toBe(400);
    expect(errorOf(res.json)).toMatchObject({
      type: 'invalid_request_error',
      message: expect.stringContaining('not valid JSON'),
    });
    expect(res.headers['request-id']).toMatch(/^req_/);
    expect(rig.upstream.requests.length).toBe(before);
  });

  it.each([
    ['a missing max_tokens', { model: 'claude-sonnet-4-6', messages: [] }, 'max_tokens'],
    ['a numeric model', { model: 5, max_tokens: 10, messages: [] }, 'model'],
    ['messages that are not an array', { model: 'm', max_tokens: 10, messages: 'hi' }, 'messages'],
    [
      'a block without a type',
      { model: 'm', max_tokens: 10, messages: [{ role: 'user', content: [{ text: 'x' }] }] },
      'messages.0.content',
    ],
    ['a body that is a JSON array', [1, 2], ''],
  ])('answers %s with 400 naming the field', async (_name, body, field) => {
    const res = await postJson(rig.proxy.url, '/v1/messages', body);
    expect(res.status).toBe(400);
    const error = errorOf(res.json);
    expect(error.type).toBe('invalid_request_error');
    expect(error.message).toContain(field);
  });

  it('drops unknown content blocks instead of refusing the call', async () => {
    rig.upstream.enqueue(jsonAnswer({ text: 'ok' }));
    const res = await postJson(rig.proxy.url, '/v1/messages', {
      model: 'claude-sonnet-4-6',
      max_tokens: 10,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'hologram_2030', beam: 1 },
            { type: 'text', text: 'hello' },
          ],
        },
      ],
    });
    expect(res.status).toBe(200);
    expect(JSON.stringify(rig.upstream.requests.at(-1)!.body)).not.toContain('hologram_2030');
  });

  it('answers unknown routes with 404 not_found_error', async () => {
    const res = await rawRequest(rig.proxy.url, { path: '/v1/complete', method: 'POST' });
    expect(res.status).toBe(404);
    expect(errorOf(res.json).type).toBe('not_found_error');
  });
});

describe('body size', () => {
  const image = (bytes: number) => ({
    model: 'claude-sonnet-4-6',
    max_tokens: 10,
    messages: [
      {
        role: 'user',
        content: [
          {
            type: 'image',
            source: { type: 'base64', media_type: 'image/png', data: 'A'.repeat(bytes) },
          },
          { type: 'text', text: 'describe' },
        ],
      },
    ],
  });

  it('accepts a 20 MB body and forwards it', async () => {
    rig.upstream.enqueue(jsonAnswer({ text: 'big picture' }));
    const res = await postJson(rig.proxy.url, '/v1/messages', image(20 * 1024 * 1024));
    expect(res.status).toBe(200);
    expect(JSON.stringify(rig.upstream.requests.at(-1)!.body).length).toBeGreaterThan(
      20 * 1024 * 1024,
    );
  });

  it('refuses a 60 MB body with 413 request_too_large', async () => {
    const res = await postJson(rig.proxy.url, '/v1/messages', image(60 * 1024 * 1024));
    expect(res.status).toBe(413);
    expect(errorOf(res.json).type).toBe('request_too_large');
  });
});
