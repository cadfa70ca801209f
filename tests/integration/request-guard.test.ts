/**
 * Browser attacks on a loopback proxy are refused with 403 permission_error: DNS rebinding
 * (foreign Host), cross-site fetches (foreign Origin, Sec-Fetch-Site: cross-site) and the
 * preflight-free form/text bodies. Loopback names, same-origin pages and non-browser
 * clients pass.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockUpstream, type MockUpstream } from '../support/mock-openai-upstream.ts';
import { rawRequest } from '../support/raw-http.ts';
import { startTestProxy, type TestProxy } from '../support/start-test-proxy.ts';

let upstream: MockUpstream;
let proxy: TestProxy;
let port: number;

beforeAll(async () => {
  upstream = await startMockUpstream();
  proxy = await startTestProxy({ upstreamUrl: upstream.url });
  port = proxy.server.port;
});
afterAll(async () => {
  await proxy?.close();
  await upstream?.close();
});

const body = JSON.stringify({
  model: 'claude-sonnet-4-6',
  max_tokens: 10,
  messages: [{ role: 'user', content: 'hi' }],
});

function expectRefused(res: { status: number; json: unknown }): void {
  expect(res.status).toBe(403);
  expect(res.json).toMatchObject({ type: 'error', error: { type: 'permission_error' } });
}

describe('request guard', () => {
  it('refuses a foreign Host header (DNS rebinding)', async () => {
    expectRefused(
      await rawRequest(proxy.url, { path: '/', headers: { host: `evil.example:${port}` } }),
    );
  });

  it.each(['localhost', '127.0.0.1', '[::1]', 'proxy.localhost'])(
    'accepts the loopback Host %s',
    async (host) => {
      const res = await rawRequest(proxy.url, { path: '/', headers: { host: `${host}:${port}` } });
      expect(res.status).toBe(200);
    },
  );

  it('refuses a cross-origin request', async () => {
    const res = await rawRequest(proxy.url, {
      method: 'POST',
      path: '/v1/messages',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      body,
    });
    expectRefused(res);
  });

  it('refuses the opaque "null" origin', async () => {
    expectRefused(await rawRequest(proxy.url, { path: '/', headers: { origin: 'null' } }));
  });

  it('accepts a same-origin request', async () => {
    const res = await rawRequest(proxy.url, {
      path: '/',
      headers: { origin: `http://127.0.0.1:${port}` },
    });
    expect(res.status).toBe(200);
  });

  it('refuses what the browser marks Sec-Fetch-Site: cross-site', async () => {
    expectRefused(
      await rawRequest(proxy.url, {
        path: '/v1/models',
        headers: { 'sec-fetch-site': 'cross-site' },
      }),
    );
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'refuses a POST body of type %s',
    async (type) => {
      expectRefused(
        await rawRequest(proxy.url, {
          method: 'POST',
          path: '/v1/messages',
          headers: { 'content-type': type },
          body,
        }),
      );
    },
  );

  it('answers OPTIONS without CORS headers', async () => {
    const res = await rawRequest(proxy.url, { method: 'OPTIONS', path: '/v1/messages' });
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const foreign = await rawRequest(proxy.url, {
      method: 'OPTIONS',
      path: '/v1/messages',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expectRefused(foreign);
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
  });
});
