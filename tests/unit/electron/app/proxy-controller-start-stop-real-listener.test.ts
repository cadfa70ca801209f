/**
 * Start/Stop really open and close the proxy's listening socket (real server, port 0), a
 * port in use is an error state that names the port, and operations run in order.
 */
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createProxyController,
  type ProxyController,
} from '../../../../electron/app/proxy-controller.ts';
import { loadProxyConfig } from '../../../../electron/server/proxy-config.ts';
import { startProxyServer } from '../../../../electron/server/start-proxy-server.ts';
import { createProxyLogger } from '../../../../electron/server/logger.ts';
import type { ProxyStatus } from '../../../../shared/bridge.ts';

const silent = createProxyLogger({ level: 'silent', secrets: [] });
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function controllerOn(port: () => number): ProxyController {
  const controller = createProxyController({
    launch: () =>
      startProxyServer({
        config: { ...loadProxyConfig({}, '/nonexistent'), host: '127.0.0.1', port: port() },
        logger: silent,
        closeGraceMs: 200,
      }),
    describe: () => ({ version: 'test', demo: false, upstreamConfigured: false }),
    configuredPort: port,
  });
  cleanups.push(() => controller.stop());
  return controller;
}

async function reachable(url: string): Promise<boolean> {
  try {
    await fetch(url);
    return true;
  } catch {
    return false;
  }
}

async function occupiedPort(): Promise<number> {
  const blocker: Server = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => blocker.close(resolve)));
  return (blocker.address() as AddressInfo).port;
}

describe('proxy controller', () => {
  it('starts a listener, stops it (the port closes), and starts it again', async () => {
    const controller = controllerOn(() => 0);
    const statuses: ProxyStatus['state'][] = [];
    controller.onStatus((status) => statuses.push(status.state));

    const first = await controller.start();
    expect(first.state).toBe('running');
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await reachable(first.url!)).toBe(true);

    const stopped = await controller.stop();
    expect(stopped).toMatchObject({ state: 'stopped' });
    expect(stopped.url).toBeUndefined();
    expect(await reachable(first.url!)).toBe(false);

    const again = await controller.start();
    expect(again.state).toBe('running');
    expect(await reachable(again.url!)).toBe(true);
    expect(statuses).toEqual(['running', 'stopped', 'running']);
  });

  it('reports a port in use as an error naming the port, and recovers once it is free', async () => {
    const port = await occupiedPort();
    let wanted = port;
    const controller = controllerOn(() => wanted);
    const status = await controller.start();
    expect(status.state).toBe('error');
    expect(status.message).toContain(`Port ${port} is already in use`);
    expect(controller.errorKind()).toBe('port-in-use');
    expect(controller.isRunning()).toBe(false);

    wanted = 0;
    const fixed = await controller.start();
    expect(fixed.state).toBe('running');
    expect(controller.errorKind()).toBeUndefined();
  });

  it('runs a stop clicked during a start after it, leaving the port closed', async () => {
    const controller = controllerOn(() => 0);
    const starting = controller.start();
    const stopping = controller.stop();
    const started = await starting;
    await stopping;
    expect(controller.status().state).toBe('stopped');
    expect(await reachable(started.url!)).toBe(false);
  });

  it('rebind moves a running listener and reports the new URL', async () => {
    const controller = controllerOn(() => 0);
    const before = await controller.start();
    const statuses: (string | undefined)[] = [];
    controller.onStatus((status) => statuses.push(status.url));
    expect(await controller.rebind('127.0.0.1', 0)).toEqual({ ok: true });
    const after = controller.status();
    expect(after.state).toBe('running');
    expect(after.url).not.toBe(before.url);
    expect(statuses).toEqual([after.url]);
    expect(await reachable(after.url!)).toBe(true);
  });

  it('rebind to a port in use says why and keeps the listener where it was', async () => {
    const controller = controllerOn(() => 0);
    const before = await controller.start();
    const taken = await occupiedPort();
    const outcome = await controller.rebind('127.0.0.1', taken);
    expect(outcome).toMatchObject({ ok: false, message: expect.stringContaining(`Port ${taken}`) });
    expect(controller.status()).toMatchObject({ state: 'running', url: before.url });
    expect(await reachable(before.url!)).toBe(true);
  });

  it('rebind while stopped changes nothing (the next start reads the settings)', async () => {
    const controller = controllerOn(() => 0);
    expect(await controller.rebind('127.0.0.1', 1)).toEqual({ ok: true });
    expect(controller.status().state).toBe('stopped');
  });

  it('a second start while running keeps the same listener', async () => {
    const controller = controllerOn(() => 0);
    const first = await controller.start();
    const second = await controller.start();
    expect(second.url).toBe(first.url);
  });
});
