import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountInspector } from '../../electron/server/inspector/mount-inspector.ts';
import { createTrafficRecorder } from '../../electron/server/recorder/traffic-recorder.ts';
import { fakeRendererDir, INSPECTOR_TOKEN } from './inspector-test-server.ts';

describe('extra inspector API routes (e.g. settings)', () => {
  let url: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const app = express();
    mountInspector(app, {
      recorder: createTrafficRecorder(),
      token: INSPECTOR_TOKEN,
      staticDir: fakeRendererDir(),
      status: () => ({ state: 'running', version: 'test', demo: false, upstreamConfigured: true }),
      apiRoutes: (api) => api.get('/settings', (_req, res) => res.json({ ok: true })),
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  });
  afterAll(() => close());

  it('serves them behind the same token, before the API 404', async () => {
    expect((await fetch(`${url}/inspector/api/settings`)).status).toBe(401);
    const response = await fetch(`${url}/inspector/api/settings`, {
      headers: { 'x-inspector-token': INSPECTOR_TOKEN },
    });
    expect(await response.json()).toEqual({ ok: true });
    const missing = await fetch(`${url}/inspector/api/nope`, {
      headers: { 'x-inspector-token': INSPECTOR_TOKEN },
    });
    expect(missing.status).toBe(404);
  });
});
