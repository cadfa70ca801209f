/**
 * Where the proxy listens. By default on 127.0.0.1 only (the configuration default, the
 * settings default, and the address a first run really binds, which another interface of
 * this machine cannot reach). Anywhere else (0.0.0.0, ::, a LAN address, a host name) the
 * proxy refuses to start without a client key, with a message that says so, before it
 * listens at all; with a key (from CLIENT_API_KEY or from the settings file) it starts, the
 * banner warns, and every /v1 call from another machine needs the key while the inspector
 * stays loopback-only. A settings save that would expose the proxy without a key is refused
 * and changes nothing.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, connect, type AddressInfo } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHeadlessApp } from '../../electron/server/headless-app.ts';
import { loadProxyConfig, ProxyConfigError } from '../../electron/server/proxy-config.ts';
import { startupBanner } from '../../electron/server/startup-banner.ts';
import { defaultSettings } from '../../shared/settings/settings-defaults.ts';
import { startMockUpstream, type MockUpstream } from '../support/mock-openai-upstream.ts';
import { rawRequest } from '../support/raw-http.ts';
import { PLANTED_CLIENT_KEY, startSecurityApp, type SecurityApp } from './security-test-app.ts';

/** A non-loopback IPv4 address of this machine (eth0 and the like), if it has one. */
const lanAddress = Object.values(networkInterfaces())
  .flat()
  .find((entry) => entry?.family === 'IPv4' && !entry.internal)?.address;

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function track(app: Promise<SecurityApp>): Promise<SecurityApp> {
  const started = await app;
  cleanups.push(() => started.close());
  return started;
}

async function mockUpstream(): Promise<MockUpstream> {
  const upstream = await startMockUpstream();
  cleanups.push(() => upstream.close());
  return upstream;
}

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Whether a TCP connection to host:port is accepted. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const KEY_REQUIRED = /A client key is required to listen on/;

describe('default bind', () => {
  it('is 127.0.0.1 in the configuration and in the settings defaults', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'security-env-'));
    cleanups.push(() => rm(empty, { recursive: true, force: true }));
    expect(loadProxyConfig({}, empty).host).toBe('127.0.0.1');
    expect(defaultSettings().server.host).toBe('127.0.0.1');
  });

  it('a first run (no settings file, no HOST) listens on 127.0.0.1 and nowhere else', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'security-first-run-'));
    const env = { ANTHROPIC_PROXY_CONFIG_DIR: dir, PORT: '0' };
    const app = await startHeadlessApp({
      config: loadProxyConfig(env, dir),
      env,
      cwd: dir,
      staticDir: dir,
      warn: () => undefined,
      logDestination: { write: () => undefined },
      closeGraceMs: 100,
    });
    cleanups.push(async () => {
      await app.close();
      await rm(dir, { recursive: true, force: true });
    });
    const address = app.proxy.server.address() as AddressInfo;
    expect(address.address).toBe('127.0.0.1');
    expect(await accepts('127.0.0.1', address.port)).toBe(true);
    if (lanAddress) expect(await accepts(lanAddress, address.port)).toBe(false);
  });
});

describe('binding beyond loopback', () => {
  it('refuses to start on 0.0.0.0 without a client key, before anything listens', async () => {
    const port = await freePort();
    const refused = startSecurityApp({ env: { HOST: '0.0.0.0', PORT: String(port) } });
    await expect(refused).rejects.toBeInstanceOf(ProxyConfigError);
    await expect(refused).rejects.toThrow(KEY_REQUIRED);
    await expect(refused).rejects.toThrow(/CLIENT_API_KEY/);
    expect(await accepts('127.0.0.1', port)).toBe(false);
  });

  it.each(['::', '192.0.2.77', 'proxy.example.internal', '[::]'])(
    'refuses %s without a client key with that message, not a bind error',
    async (host) => {
      await expect(startSecurityApp({ server: { host } })).rejects.toThrow(KEY_REQUIRED);
    },
  );

  it.each(['localhost', '127.0.0.2', '::1'])(
    'needs no key on the loopback host %s',
    async (host) => {
      const started = await track(startSecurityApp({ server: { host } }));
      expect(started.app.proxy.port).toBeGreaterThan(0);
    },
  );

  it('the headless command exits 1 with the reason', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'security-cli-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const entry = join(import.meta.dirname, '..', '..', 'electron', 'server', 'headless-main.ts');
    const child = spawn(process.execPath, [entry], {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? '',
        ANTHROPIC_PROXY_CONFIG_DIR: dir,
        HOST: '0.0.0.0',
        PORT: '0',
      },
    });
    let output = '';
    child.stdout.on('data', (part: Buffer) => (output += part.toString()));
    child.stderr.on('data', (part: Buffer) => (output += part.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(output).toMatch(KEY_REQUIRED);
    expect(output).not.toMatch(/listening on http/);
  });

  it('starts on 0.0.0.0 with CLIENT_API_KEY, warns, and every /v1 call from elsewhere needs the key', async () => {
    const upstream = await mockUpstream();
    const started = await track(
      startSecurityApp({
        upstreamUrl: upstream.url,
        env: { HOST: '0.0.0.0', PORT: '0', CLIENT_API_KEY: PLANTED_CLIENT_KEY },
      }),
    );
    const { port, address } = started.app.proxy.server.address() as AddressInfo;
    expect(address).toBe('0.0.0.0');
    expect(startupBanner(started.app.demo.settings(), started.url)).toContain(
      'WARNING: listening on all interfaces (0.0.0.0)',
    );
    const remote = `http://${lanAddress ?? '127.0.0.1'}:${port}`;
    const body = JSON.stringify({
      model: 'claude-sonnet-4-6',
      max_tokens: 10,
      messages: [{ role: 'user', content: 'hi' }],
    });
    const json = { 'content-type': 'application/json' };
    expect((await rawRequest(remote, { path: '/v1/models' })).status).toBe(401);
    expect(
      (await rawRequest(remote, { method: 'POST', path: '/v1/messages', headers: json, body }))
        .status,
    ).toBe(401);
    expect(
      (
        await rawRequest(remote, {
          method: 'POST',
          path: '/v1/messages/count_tokens',
          headers: { ...json, 'x-api-key': `${PLANTED_CLIENT_KEY}x` },
          body,
        })
      ).status,
    ).toBe(401);
    expect(upstream.requests).toHaveLength(0);
    const authorised = await rawRequest(remote, {
      method: 'POST',
      path: '/v1/messages',
      headers: { ...json, authorization: `Bearer ${PLANTED_CLIENT_KEY}` },
      body,
    });
    expect(authorised.status).toBe(200);
    expect(upstream.requests).toHaveLength(1);
    // The inspector shows prompts: it answers on loopback names only, token or not.
    if (lanAddress) {
      const inspector = await rawRequest(remote, {
        path: `/inspector/api/status?token=${started.token}`,
      });
      expect(inspector.status).toBe(403);
    }
  });

  it.skipIf(lanAddress === undefined)(
    'starts on a LAN address with a client key from the settings file alone, and only there (skipped without a non-loopback interface)',
    async () => {
      const started = await track(
        startSecurityApp({ server: { host: lanAddress!, clientKey: PLANTED_CLIENT_KEY } }),
      );
      const { port, address } = started.app.proxy.server.address() as AddressInfo;
      expect(address).toBe(lanAddress);
      expect(startupBanner(started.app.demo.settings(), started.url)).toContain(
        `WARNING: listening on a non-loopback address (${lanAddress})`,
      );
      expect(await accepts('127.0.0.1', port)).toBe(false);
      const models = await rawRequest(started.url, {
        path: '/v1/models',
        headers: { 'x-api-key': PLANTED_CLIENT_KEY },
      });
      expect(models.status).toBe(200);
    },
  );
});

describe('settings saves that would expose the proxy', () => {
  async function put(app: SecurityApp, update: unknown) {
    // The proxy's own url follows a rebind (port 0 means a new port).
    return rawRequest(app.app.proxy.url, {
      method: 'PUT',
      path: '/inspector/api/settings',
      headers: { 'content-type': 'application/json', 'x-inspector-token': app.token },
      body: JSON.stringify(update),
    });
  }

  it('refuses 0.0.0.0 without a key (nothing moves, nothing is written), accepts it with one, then refuses dropping the key', async () => {
    const started = await track(startSecurityApp());
    const file = join(started.dir, 'settings.json');
    const before = await readFile(file, 'utf8');
    const urlBefore = started.app.proxy.url;

    const refused = await put(started, {
      server: { host: '0.0.0.0', port: 0, clientKey: { set: false } },
    });
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({
      ok: false,
      errors: [{ path: 'server.clientKey', message: expect.stringMatching(KEY_REQUIRED) }],
    });
    expect(started.app.proxy.url).toBe(urlBefore);
    expect((started.app.proxy.server.address() as AddressInfo).address).toBe('127.0.0.1');
    expect(await readFile(file, 'utf8')).toBe(before);

    const accepted = await put(started, {
      server: { host: '0.0.0.0', port: 0, clientKey: { set: false, replace: PLANTED_CLIENT_KEY } },
    });
    expect(accepted.status).toBe(200);
    expect((started.app.proxy.server.address() as AddressInfo).address).toBe('0.0.0.0');

    const dropped = await put(started, {
      server: { host: '0.0.0.0', port: 0, clientKey: { set: false } },
    });
    expect(dropped.status).toBe(400);
    expect(started.app.settings.service.get().server.clientKey).toBe(PLANTED_CLIENT_KEY);
  });
});
