import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountInspector } from '../../electron/server/inspector/mount-inspector.ts';
import { createTrafficRecorder } from '../../electron/server/recorder/traffic-recorder.ts';
import {
  fakeRendererDir,
  INSPECTOR_TOKEN,
  rawGet,
  startInspectedProxy,
  type InspectedProxy,
} from './inspector-test-server.ts';

const API = `/inspector/api/exchanges?token=${INSPECTOR_TOKEN}`;
const PAGE = `/inspector/?token=${INSPECTOR_TOKEN}`;

describe('inspector behind the real proxy: loopback Host and same origin only', () => {
  let env: InspectedProxy;
  let port: number;
  beforeAll(async () => {
    env = await startInspectedProxy();
    port = env.proxy.port;
  });
  afterAll(() => env.close());

  it('serves loopback Host names, with or without a same-origin Origin', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
      expect((await rawGet(`${env.proxy.url}${API}`, { host })).status).toBe(200);
      expect(
        (await rawGet(`${env.proxy.url}${API}`, { host, origin: `http://${host}` })).status,
      ).toBe(200);
    }
  });

  it('refuses a foreign Host header (DNS rebinding) on the page and the API', async () => {
    for (const path of [API, PAGE, '/inspector/assets/app.js']) {
      const response = await rawGet(`${env.proxy.url}${path}`, {
        host: `attacker.example:${port}`,
      });
      expect(response.status).toBe(403);
    }
  });

  it('refuses a cross-origin Origin and cross-site fetches', async () => {
    const host = `127.0.0.1:${port}`;
    expect(
      (await rawGet(`${env.proxy.url}${API}`, { host, origin: 'http://attacker.example' })).status,
    ).toBe(403);
    expect(
      (await rawGet(`${env.proxy.url}${API}`, { host, origin: `http://localhost:${port + 1}` }))
        .status,
    ).toBe(403);
    expect((await rawGet(`${env.proxy.url}${API}`, { host, origin: 'null' })).status).toBe(403);
    expect(
      (await rawGet(`${env.proxy.url}${API}`, { host, 'sec-fetch-site': 'cross-site' })).status,
    ).toBe(403);
  });
});

describe("the inspector's own guard, on an app without any other guard", () => {
  let url: string;
  let port: number;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const app = express();
    mountInspector(app, {
      recorder: createTrafficRecorder(),
      token: INSPECTOR_TOKEN,
      staticDir: fakeRendererDir(),
      status: () => ({ state: 'running', version: 'test', demo: false, upstreamConfigured: true }),
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    port = (server.address() as AddressInfo).port;
    url = `http://127.0.0.1:${port}`;
    close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  });
  afterAll(() => close());

  it('still refuses a non-loopback Host, as when the proxy listens on 0.0.0.0', async () => {
    expect((await rawGet(`${url}${API}`, { host: `my-server.lan:${port}` })).status).toBe(403);
    expect((await rawGet(`${url}${API}`, { host: `[::1]:${port}` })).status).toBe(200);
  });

  it('refuses same-site requests (another local web app on another port)', async () => {
    const response = await rawGet(`${url}${API}`, {
      host: `127.0.0.1:${port}`,
      'sec-fetch-site': 'same-site',
    });
    expect(response.status).toBe(403);
    expect(JSON.parse(response.body)).toMatchObject({
      type: 'error',
      error: { type: 'permission_error' },
    });
  });

  it('lets a typed or clicked navigation through (no Origin, Sec-Fetch-Site: none)', async () => {
    const response = await rawGet(`${url}${PAGE}`, {
      host: `127.0.0.1:${port}`,
      'sec-fetch-site': 'none',
    });
    expect(response.status).toBe(200);
  });
});
