/**
 * Logs: one info line per call with the fields an operator needs, and no secret ever:
 * planted upstream and client keys must not appear in any log line (debug level, so
 * bodies and headers are logged too) nor in error answers, even when an upstream echoes
 * the key back in its error message.
 */
import { describe, expect, it } from 'vitest';
import { httpError, jsonAnswer, streamAnswer } from '../support/mock-openai-upstream.ts';
import { postJson } from '../support/raw-http.ts';
import { TEST_UPSTREAM_KEY, useProxyWithMockUpstream } from '../support/start-test-proxy.ts';

const CLIENT_KEY = 'client-secret-key-abcdef0123456789';

const rig = useProxyWithMockUpstream({
  env: {
    LOG_LEVEL: 'debug',
    CLIENT_API_KEY: CLIENT_KEY,
    REFERRER_URL: 'https://example.org/app',
  },
});

const body = {
  model: 'claude-sonnet-4-6',
  max_tokens: 10,
  messages: [{ role: 'user', content: 'hi' }],
};

function infoLines(): { msg: string; reqId?: string; [key: string]: unknown }[] {
  return rig.proxy.logs
    .map((line) => JSON.parse(line) as { level: number; msg: string; reqId?: string })
    .filter((line) => line.level === 30);
}

describe('logs', () => {
  it('write one info line per call with ids, models, status, timing and tokens', async () => {
    rig.upstream.enqueue(streamAnswer({ text: 'logged' }));
    const res = await postJson(
      rig.proxy.url,
      '/v1/messages',
      { ...body, stream: true },
      { 'x-api-key': CLIENT_KEY },
    );
    expect(res.status).toBe(200);
    const id = res.headers['request-id'] as string;
    const lines = infoLines().filter((line) => line.reqId === id);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      model: 'claude-sonnet-4-6 → big-model',
      stream: true,
      status: 200,
      durationMs: expect.any(Number),
      ttftMs: expect.any(Number),
      tokensIn: expect.any(Number),
      tokensOut: 10,
      upstreamRequestId: 'mock-req-1',
    });
  });

  it('never contain the upstream or client key, even when the upstream echoes it', async () => {
    rig.upstream.enqueue(
      jsonAnswer({ text: 'fine' }),
      httpError(401, { error: { message: `Incorrect API key provided: ${TEST_UPSTREAM_KEY}` } }),
    );
    await postJson(rig.proxy.url, '/v1/messages', body, { authorization: `Bearer ${CLIENT_KEY}` });
    const failed = await postJson(rig.proxy.url, '/v1/messages', body, {
      authorization: `Bearer ${CLIENT_KEY}`,
    });
    expect(failed.status).toBe(401);
    expect(failed.text).not.toContain(TEST_UPSTREAM_KEY);
    expect(failed.text).toContain(TEST_UPSTREAM_KEY.slice(-4));
    await postJson(rig.proxy.url, '/v1/messages', body, {
      authorization: `Bearer wrong-${CLIENT_KEY}-x`,
    });

    const all = rig.proxy.logs.join('');
    expect(rig.proxy.logs.length).toBeGreaterThan(4);
    expect(all).toContain('"authorization"'); // headers were logged at debug
    expect(all).not.toContain(TEST_UPSTREAM_KEY);
    expect(all).not.toContain(CLIENT_KEY);
  });

  it('sends the referrer headers upstream (OpenRouter attribution)', async () => {
    rig.upstream.enqueue(jsonAnswer({ text: 'ok' }));
    await postJson(rig.proxy.url, '/v1/messages', body, { 'x-api-key': CLIENT_KEY });
    const headers = rig.upstream.requests.at(-1)!.headers;
    expect(headers['http-referer']).toBe('https://example.org/app');
    expect(headers['x-title']).toBeDefined();
  });
});
