/**
 * The whole main process (desktop-app.ts over the fake 'electron' module, the real proxy on a
 * loopback port, the real settings service and recorder): whatever IPC handlers and
 * listeners it ends up registering, every one refuses a sender that is not the app's own
 * window (another window, a subframe of it, the window once it shows a foreign page) and
 * does nothing then: no settings change, no demo mode, no cleared traffic, no snapshot
 * sent. A channel added later without the sender check fails here. And the built preload
 * bundle, run as the sandbox runs it, requires nothing but 'electron' and exposes exactly
 * one object, the bridge.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('../fake-electron.ts')).electronModule);

import type { IpcMainInvokeEvent } from 'electron';
import { buildPreload } from '../../../../electron/build-electron.ts';
import { startDesktopApp, type DesktopApp } from '../../../../electron/app/desktop-app.ts';
import { loadProxyConfig } from '../../../../electron/server/proxy-config.ts';
import { bridgeMethodNames, eventChannel, invokeChannel } from '../../../../shared/ipc-channels.ts';
import {
  startMockUpstream,
  streamAnswer,
  type MockUpstream,
} from '../../../support/mock-openai-upstream.ts';
import {
  fake,
  FakeBrowserWindow,
  FakeWebContents,
  FakeWebFrame,
  resetFakeElectron,
} from '../fake-electron.ts';
import { memorySettingsStore, mockProviderSettings } from '../mock-provider-settings.ts';

const root = join(import.meta.dirname, '..', '..', '..', '..');

let upstream: MockUpstream;
let desktop: DesktopApp | undefined;

beforeEach(async () => {
  resetFakeElectron();
  upstream = await startMockUpstream();
});
afterEach(async () => {
  await desktop?.shutdown();
  desktop = undefined;
  await upstream.close();
});

async function launch(): Promise<DesktopApp> {
  desktop = await startDesktopApp({
    store: memorySettingsStore(
      mockProviderSettings({
        upstreamUrl: upstream.url,
        apiKey: 'sk-desktop-ipc-test-0123456789',
        model: 'big-model',
        logLevel: 'silent',
      }),
    ),
    baseConfig: loadProxyConfig({ LOG_LEVEL: 'silent' }, '/nonexistent'),
    env: { overrides: {} },
    loginItem: { supported: false, isEnabled: () => false, setEnabled: () => undefined },
    preloadPath: join(root, 'dist', 'electron', 'preload.cjs'),
    rendererDir: join(root, 'dist', 'renderer'),
    iconDir: join(root, 'resources', 'tray'),
    platform: 'linux',
    startHidden: false,
    closeGraceMs: 200,
  });
  return desktop;
}

/** Plausible arguments for each contract method, so a refusal is about the sender alone. */
const ARGS: Record<string, unknown[]> = {
  getExchange: ['req_x'],
  exportExchanges: ['json'],
  searchExchanges: ['hello'],
  saveSettings: [{ logLevel: 'trace' }],
  testProvider: ['mock'],
  checkCapabilities: ['mock'],
  testRoute: [{ facts: { model: 'claude-sonnet-4-6' } }],
};

function foreignSenders(own: FakeWebContents): { name: string; event: IpcMainInvokeEvent }[] {
  const stranger = new FakeWebContents();
  stranger.mainFrame = new FakeWebFrame('app://inspector/index.html');
  const asEvent = (sender: FakeWebContents, frame: FakeWebFrame | null) =>
    ({ sender, senderFrame: frame }) as unknown as IpcMainInvokeEvent;
  return [
    {
      name: 'another webContents showing the app page',
      event: asEvent(stranger, stranger.mainFrame),
    },
    {
      name: "a subframe of the app's window",
      event: asEvent(own, new FakeWebFrame('app://inspector/index.html', own.mainFrame)),
    },
    {
      name: 'the window showing a web page',
      event: asEvent(own, new FakeWebFrame('https://evil.example/')),
    },
    { name: 'an unresolved frame', event: asEvent(own, null) },
  ];
}

describe('every IPC channel of the running app', () => {
  it('covers the contract: one handler per bridge method, and nothing else answers invoke', async () => {
    await launch();
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(
      bridgeMethodNames.map(invokeChannel).sort(),
    );
  });

  it('refuses foreign senders on every handler and listener, and nothing happens', async () => {
    const app = await launch();
    const window = FakeBrowserWindow.instances[0]!;
    await vi.waitFor(() => expect(window.loadedUrl).toBe('app://inspector/index.html'));
    // Something recorded, so a clear would show.
    upstream.enqueue(streamAnswer({ text: 'recorded' }));
    const url = app.controller.status().url!;
    await (
      await fetch(`${url}/v1/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': 'any' },
        body: JSON.stringify({
          model: 'claude-sonnet-4-6',
          max_tokens: 8,
          messages: [{ role: 'user', content: 'hi' }],
        }),
      })
    ).text();
    await vi.waitFor(() => expect(app.recorder.list()).toHaveLength(1));
    const before = {
      settings: JSON.stringify(app.settings.get()),
      demo: app.controller.status().demo,
      exchanges: app.recorder.list().length,
      upstreamCalls: upstream.requests.length,
    };

    const refusals: string[] = [];
    for (const { name, event } of foreignSenders(window.webContents)) {
      for (const [channel] of fake.ipcMain.handlers) {
        const method = bridgeMethodNames.find((candidate) => invokeChannel(candidate) === channel);
        const outcome = await fake.ipcMain
          .invoke(channel, event, ...(ARGS[method ?? ''] ?? []))
          .then(
            () => 'answered',
            (error: Error) => error.message,
          );
        if (!/sender refused/.test(outcome)) refusals.push(`${channel} from ${name}: ${outcome}`);
      }
      // The only listener answers with a snapshot; batched exchange events pushed to the own
      // window meanwhile (they may land here under load) are not answers, so count snapshots.
      const snapshots = () =>
        (event.sender as unknown as FakeWebContents).sent.filter(
          (message) => message.channel === eventChannel('snapshot'),
        ).length;
      const snapshotsBefore = snapshots();
      for (const channel of fake.ipcMain.eventNames()) fake.ipcMain.emit(channel, event);
      await new Promise((resolve) => setImmediate(resolve));
      if (snapshots() !== snapshotsBefore) refusals.push(`a listener answered ${name}`);
    }
    expect(refusals).toEqual([]);
    expect({
      settings: JSON.stringify(app.settings.get()),
      demo: app.controller.status().demo,
      exchanges: app.recorder.list().length,
      upstreamCalls: upstream.requests.length,
    }).toEqual(before);

    // The same calls from the app's own window are answered (the refusals were about the sender).
    const own = {
      sender: window.webContents,
      senderFrame: window.webContents.mainFrame,
    } as unknown as IpcMainInvokeEvent;
    await expect(fake.ipcMain.invoke('renderer:get-status', own)).resolves.toMatchObject({
      state: 'running',
    });
    await expect(fake.ipcMain.invoke('renderer:list-exchanges', own)).resolves.toHaveLength(1);
  });
});

describe('the built preload bundle', () => {
  it('requires only electron and exposes exactly the bridge, as one object', async () => {
    const out = mkdtempSync(join(tmpdir(), 'preload-'));
    try {
      await buildPreload(out);
      const code = readFileSync(join(out, 'preload.cjs'), 'utf8');
      const required: string[] = [];
      const exposed = new Map<string, unknown>();
      const invoked: string[] = [];
      const electron = {
        contextBridge: {
          exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value),
        },
        ipcRenderer: {
          invoke: (channel: string) => {
            invoked.push(channel);
            return Promise.resolve();
          },
          on: () => undefined,
          send: () => undefined,
          removeListener: () => undefined,
        },
      };
      const module = { exports: {} };
      runInNewContext(code, {
        require: (name: string) => {
          required.push(name);
          if (name !== 'electron') throw new Error(`the sandbox has no ${name}`);
          return electron;
        },
        module,
        exports: module.exports,
      });
      expect([...new Set(required)]).toEqual(['electron']);
      expect([...exposed.keys()]).toEqual(['anthropicProxy']);
      const bridge = exposed.get('anthropicProxy') as Record<
        string,
        (...args: unknown[]) => unknown
      >;
      expect(Object.keys(bridge).sort()).toEqual([...bridgeMethodNames, 'on'].sort());
      // No method picks its channel from its arguments: there is no generic invoke.
      for (const method of bridgeMethodNames) await bridge[method]!('renderer:save-settings', {});
      expect(invoked).toEqual(bridgeMethodNames.map(invokeChannel));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
