/**
 * The whole main process wired together (desktop-app.ts) over the fake 'electron' module,
 * with the real proxy server on a loopback port 0, the real recorder and settings service,
 * and a mock OpenAI upstream: the tray follows the server (running, stopped, busy, error),
 * its menu items do what they say, the renderer gets batched events and answers over IPC,
 * a second launch focuses the window, and Quit lets calls in flight finish within the grace.
 */
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('../fake-electron.ts')).electronModule);

import type { IpcMainInvokeEvent } from 'electron';
import { startDesktopApp, type DesktopApp } from '../../../../electron/app/desktop-app.ts';
import type { LoginItem } from '../../../../electron/app/login-item.ts';
import { loadProxyConfig } from '../../../../electron/server/proxy-config.ts';
import type { BridgeEvents } from '../../../../shared/bridge.ts';
import {
  startMockUpstream,
  streamAnswer,
  type MockUpstream,
} from '../../../support/mock-openai-upstream.ts';
import { memorySettingsStore, mockProviderSettings } from '../mock-provider-settings.ts';
import {
  fake,
  FakeBrowserWindow,
  FakeNotification,
  FakeTray,
  resetFakeElectron,
} from '../fake-electron.ts';

const root = join(import.meta.dirname, '..', '..', '..', '..');
const UPSTREAM_KEY = 'sk-upstream-desktop-test-0123456789';

let upstream: MockUpstream;
let desktop: DesktopApp | undefined;
const cleanups: (() => Promise<unknown>)[] = [];

function fakeLoginItem(): LoginItem {
  let enabled = false;
  return { supported: true, isEnabled: () => enabled, setEnabled: (next) => void (enabled = next) };
}

async function launch(
  port = 0,
  options: { startHidden?: boolean; closeGraceMs?: number; demo?: boolean } = {},
) {
  desktop = await startDesktopApp({
    store: memorySettingsStore(
      mockProviderSettings({
        upstreamUrl: upstream.url,
        apiKey: UPSTREAM_KEY,
        model: 'big-model',
        port,
        logLevel: 'silent',
      }),
    ),
    baseConfig: loadProxyConfig({ LOG_LEVEL: 'silent' }, '/nonexistent'),
    env: { overrides: {} },
    loginItem: fakeLoginItem(),
    preloadPath: join(root, 'dist', 'electron', 'preload.cjs'),
    rendererDir: join(root, 'dist', 'renderer'),
    iconDir: join(root, 'resources', 'tray'),
    platform: 'linux',
    startHidden: options.startHidden ?? false,
    closeGraceMs: options.closeGraceMs ?? 2000,
    ...(options.demo ? { demo: true } : {}),
  });
  return { app: desktop, settings: desktop.settings, tray: FakeTray.instances[0]! };
}

function messagesCall(url: string, stream = true): Promise<Response> {
  return fetch(`${url}/v1/messages`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'anthropic-version': '2023-06-01',
      'x-api-key': 'anything',
    },
    body: JSON.stringify({
      model: 'claude-sonnet-4-5',
      max_tokens: 64,
      stream,
      messages: [{ role: 'user', content: 'Say hello' }],
    }),
  });
}

/** An upstream answer that waits for `release()` before streaming. */
function heldAnswer(text: string) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  upstream.enqueue(async (ctx) => {
    await gate;
    await streamAnswer({ text })(ctx);
  });
  return { release };
}

/** The text of an Anthropic SSE stream, joined from its text deltas. */
function streamedText(sse: string): string {
  return [...sse.matchAll(/"text_delta","text":"((?:[^"\\]|\\.)*)"/g)]
    .map((m) => JSON.parse(`"${m[1]}"`) as string)
    .join('');
}

async function occupiedPort(): Promise<number> {
  const blocker: Server = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => blocker.close(resolve)));
  return (blocker.address() as AddressInfo).port;
}

async function freePort(): Promise<number> {
  const probe: Server = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function reachable(url: string): Promise<boolean> {
  try {
    await fetch(url);
    return true;
  } catch {
    return false;
  }
}

beforeEach(async () => {
  resetFakeElectron();
  upstream = await startMockUpstream();
});

afterEach(async () => {
  await desktop?.shutdown();
  desktop = undefined;
  for (const cleanup of cleanups.splice(0)) await cleanup();
  await upstream.close();
});

describe('desktop app: tray and proxy', () => {
  it('starts the proxy, shows the running icon, the URL in the tooltip, and opens the window', async () => {
    const { app, tray } = await launch();
    const { url } = app.controller.status();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await reachable(url!)).toBe(true);
    expect(tray.iconState()).toBe('running');
    expect(tray.tooltip).toBe(`Anthropic Proxy — Running on ${url}`);
    expect(tray.item('status').label).toBe(`Running on ${url}`);
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(FakeBrowserWindow.instances[0]!.loadedUrl).toBe('app://inspector/index.html');
  });

  it('starts in the tray alone when launched hidden', async () => {
    await launch(0, { startHidden: true });
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('Stop closes the listener and Start opens it again, the menu and icon following', async () => {
    const { app, tray } = await launch();
    const first = app.controller.status().url!;
    tray.click('stop');
    await tray.untilIcon('stopped');
    expect(await reachable(first)).toBe(false);
    expect(tray.hasItem('start')).toBe(true);
    expect(tray.item('copy-setup').enabled).toBe(false);

    tray.click('start');
    await tray.untilIcon('running');
    const second = app.controller.status().url!;
    expect(await reachable(second)).toBe(true);
    expect(tray.hasItem('stop')).toBe(true);
  });

  it("turns busy while a call is in flight, then counts it in today's calls", async () => {
    const { app, tray } = await launch();
    const held = heldAnswer('Hello there');
    const call = messagesCall(app.controller.status().url!);
    await tray.untilIcon('busy');
    expect(tray.tooltip).toMatch(/1 call in flight/);
    held.release();
    const response = await call;
    expect(response.status).toBe(200);
    expect(streamedText(await response.text())).toBe('Hello there');
    await tray.untilIcon('running');
    await tray.untilLabel('today', /^Today: 1 call, 0 errors$/);
  });

  it('pushes the call to the window as batched events on main:* channels', async () => {
    const { app, tray } = await launch();
    const contents = FakeBrowserWindow.instances[0]!.webContents;
    const response = await messagesCall(app.controller.status().url!);
    await response.text();
    await tray.untilLabel('today', /1 call/);
    await vi.waitFor(() =>
      expect(contents.sent.some((m) => m.channel === 'main:exchange-completed')).toBe(true),
    );
    const channels = contents.sent.map((m) => m.channel);
    expect(channels.indexOf('main:exchange-started')).toBeLessThan(
      channels.indexOf('main:exchange-completed'),
    );
    for (const message of contents.sent) {
      expect(message.channel).toMatch(/^main:/);
      expect(message.args).toHaveLength(1);
      expect(Array.isArray(message.args[0])).toBe(true);
    }
    const started = contents.sent.find((m) => m.channel === 'main:exchange-started')!
      .args[0] as BridgeEvents['exchange-started'][];
    expect(started[0]!.requestedModel).toBe('claude-sonnet-4-5');
  });

  it('answers the window over IPC: snapshot on request, the recorded call, and refuses others', async () => {
    const { app, tray } = await launch();
    const window = FakeBrowserWindow.instances[0]!;
    await (await messagesCall(app.controller.status().url!)).text();
    await tray.untilLabel('today', /1 call/);
    const own = {
      sender: window.webContents,
      senderFrame: window.webContents.mainFrame,
    } as unknown as IpcMainInvokeEvent;

    fake.ipcMain.emit('renderer:request-snapshot', own);
    const snapshot = window.webContents.sent.findLast((m) => m.channel === 'main:snapshot')!;
    const [payload] = snapshot.args[0] as BridgeEvents['snapshot'][];
    expect(payload!.exchanges).toHaveLength(1);
    expect(payload!.status.state).toBe('running');

    const list = (await fake.ipcMain.invoke('renderer:list-exchanges', own)) as { id: string }[];
    const record = (await fake.ipcMain.invoke('renderer:get-exchange', own, list[0]!.id)) as Record<
      string,
      unknown
    >;
    expect(record).toHaveProperty('anthropicRequest');
    expect(record).toHaveProperty('openaiRequest');
    expect(JSON.stringify(record)).not.toContain(UPSTREAM_KEY);

    const foreign = {
      sender: {},
      senderFrame: window.webContents.mainFrame,
    } as unknown as IpcMainInvokeEvent;
    await expect(fake.ipcMain.invoke('renderer:clear-exchanges', foreign)).rejects.toThrow(
      /sender refused/,
    );
    expect(app.recorder.list()).toHaveLength(1);
  });

  it('serves the settings over IPC without ever sending a key, and answers bad input with field errors', async () => {
    await launch();
    const window = FakeBrowserWindow.instances[0]!;
    const own = {
      sender: window.webContents,
      senderFrame: window.webContents.mainFrame,
    } as unknown as IpcMainInvokeEvent;
    const snapshot = (await fake.ipcMain.invoke('renderer:get-settings', own)) as {
      settings: { providers: { apiKey: unknown }[] };
    };
    expect(snapshot.settings.providers[0]!.apiKey).toEqual({
      set: true,
      last4: UPSTREAM_KEY.slice(-4),
    });
    expect(JSON.stringify(snapshot)).not.toContain(UPSTREAM_KEY);
    const answer = (await fake.ipcMain.invoke('renderer:save-settings', own, {
      server: { host: '127.0.0.1', port: 70000, clientKey: { set: false } },
    })) as { ok: boolean; errors: { path: string }[] };
    expect(answer.ok).toBe(false);
    expect(answer.errors.map((error) => error.path)).toContain('server.port');
  });

  it('turns demo mode on over IPC: the status says so, the tray too, and sample calls arrive', async () => {
    const { app, tray } = await launch();
    const window = FakeBrowserWindow.instances[0]!;
    const own = {
      sender: window.webContents,
      senderFrame: window.webContents.mainFrame,
    } as unknown as IpcMainInvokeEvent;
    const status = (await fake.ipcMain.invoke('renderer:start-demo', own)) as { demo: boolean };
    expect(status.demo).toBe(true);
    await tray.untilLabel('status', /\(demo\)/);
    await tray.untilLabel('today', /^Today: [1-9]/);
    expect(app.recorder.list()[0]!.provider).toBe('Simulated (demo)');
    // The user's settings are untouched: the overlay lives in memory only.
    expect(app.settings.get().routes.big.provider).toBe('mock');
  });

  it('starts in demo mode when launched with --demo', async () => {
    const { app, tray } = await launch(0, { demo: true });
    expect(app.controller.status()).toMatchObject({ state: 'running', demo: true });
    expect(tray.item('status').label).toMatch(/\(demo\)$/);
  });

  it('Copy Claude Code Setup puts the env lines for the running proxy on the clipboard', async () => {
    const { app, tray } = await launch();
    tray.click('copy-setup');
    expect(fake.clipboardText).toBe(
      `export ANTHROPIC_BASE_URL='${app.controller.status().url}'\nexport ANTHROPIC_AUTH_TOKEN='anthropic-proxy'\nexport ANTHROPIC_DEFAULT_HAIKU_MODEL='claude-haiku-4-5'\n`,
    );
  });

  it('Open Inspector and Settings… show the window; a second launch focuses it', async () => {
    const { tray } = await launch(0, { startHidden: true });
    tray.click('inspector');
    const window = FakeBrowserWindow.instances[0]!;
    await new Promise<void>((resolve) =>
      window.once('ready-to-show', () => queueMicrotask(resolve)),
    );
    expect(window.visible).toBe(true);
    window.close();
    expect(window.visible).toBe(false);
    expect(window.destroyed).toBe(false);

    fake.app.emit('second-instance');
    expect(window.visible).toBe(true);
    expect(window.focused).toBe(true);

    tray.click('settings');
    expect(window.webContents.executed).toContain("location.hash = 'settings'");
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });

  it('Launch at Login flips the login item and the tick', async () => {
    const { tray } = await launch();
    expect(tray.item('launch-at-login').checked).toBe(false);
    tray.click('launch-at-login');
    expect(tray.item('launch-at-login').checked).toBe(true);
  });

  it('shows the error state, a notification and a way to the settings when the port is taken', async () => {
    const port = await occupiedPort();
    const { app, tray, settings } = await launch(port, { startHidden: true });
    expect(app.controller.status().state).toBe('error');
    expect(tray.iconState()).toBe('error');
    expect(tray.item('status').label).toContain(`Port ${port} is already in use`);
    expect(tray.item('fix').label).toBe('Change Port in Settings…');

    const notification = FakeNotification.instances[0]!;
    expect(notification.shown).toBe(true);
    expect(notification.options.body).toContain(`Port ${port}`);
    notification.emit('click');
    expect(FakeBrowserWindow.instances[0]!.loadedUrl).toBe('app://inspector/index.html#settings');

    // Fixing the port in the settings restarts the proxy on its own.
    const result = await settings.update({
      server: { host: '127.0.0.1', port: 0, clientKey: { set: false } },
    });
    expect(result.ok).toBe(true);
    await tray.untilIcon('running');
    expect(await reachable(app.controller.status().url!)).toBe(true);
  });

  it('moves the listener when the port is changed in the settings while running', async () => {
    const { app, tray, settings } = await launch();
    const before = app.controller.status().url!;
    const port = await freePort();
    const result = await settings.update({
      server: { host: '127.0.0.1', port, clientKey: { set: false } },
    });
    expect(result.ok).toBe(true);
    expect(app.controller.status()).toMatchObject({
      state: 'running',
      url: `http://127.0.0.1:${port}`,
    });
    expect(tray.item('status').label).toBe(`Running on http://127.0.0.1:${port}`);
    expect(await reachable(`http://127.0.0.1:${port}`)).toBe(true);
    await vi.waitFor(async () => expect(await reachable(before)).toBe(false));
  });

  it('refuses a port change to a port in use, staying where it listens', async () => {
    const { app, settings } = await launch();
    const before = app.controller.status().url!;
    const taken = await occupiedPort();
    const result = await settings.update({
      server: { host: '127.0.0.1', port: taken, clientKey: { set: false } },
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toMatchObject({ path: 'server.port' });
    expect(settings.get().server.port).toBe(0);
    expect(app.controller.status()).toMatchObject({ state: 'running', url: before });
    expect(await reachable(before)).toBe(true);
  });

  it('keeps listening, without a restart, when other settings change', async () => {
    const { app, settings } = await launch();
    const before = app.controller.status().url!;
    expect((await settings.update({ logLevel: 'fatal' })).ok).toBe(true);
    expect(app.controller.status().url).toBe(before);
  });
});

describe('desktop app: quit', () => {
  it('lets a call in flight finish within the grace period, then quits with the port closed', async () => {
    const { app, tray } = await launch(0, { closeGraceMs: 5000 });
    const url = app.controller.status().url!;
    const held = heldAnswer('finished during the grace period');
    const call = messagesCall(url);
    await tray.untilIcon('busy');

    tray.click('quit');
    expect(fake.app.quitted).toBe(false);
    // Not listening any more, while the call in flight carries on.
    await vi.waitFor(async () => expect(await reachable(url)).toBe(false));
    held.release();
    const response = await call;
    const sse = await response.text();
    expect(streamedText(sse)).toBe('finished during the grace period');
    expect(sse).toContain('event: message_stop');
    await vi.waitFor(() => expect(fake.app.quitted).toBe(true));
    expect(tray.destroyed).toBe(true);
    desktop = undefined;
  });

  it('cuts a call that outlasts the grace period so quitting does not hang', async () => {
    const { app, tray } = await launch(0, { closeGraceMs: 300 });
    heldAnswer('never sent');
    const call = messagesCall(app.controller.status().url!).then(
      (response) => response.text(),
      (error: unknown) => error,
    );
    await tray.untilIcon('busy');
    const started = performance.now();
    fake.app.quit();
    await vi.waitFor(() => expect(fake.app.quitted).toBe(true), { timeout: 5000 });
    expect(performance.now() - started).toBeLessThan(3000);
    const outcome = await call;
    expect(streamedText(String(outcome))).toBe('');
    expect(String(outcome)).not.toContain('message_stop');
    desktop = undefined;
  });

  it('closes the window for real once quitting', async () => {
    await launch();
    const window = FakeBrowserWindow.instances[0]!;
    fake.app.quit();
    await vi.waitFor(() => expect(fake.app.quitted).toBe(true));
    window.close();
    expect(window.destroyed).toBe(true);
    desktop = undefined;
  });
});
