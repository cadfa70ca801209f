/**
 * The main-process IPC handlers: only the app's own window (main frame, app:// page) gets
 * through, arguments are validated before the proxy side sees them, and the snapshot request
 * is answered only for a trusted sender.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('../fake-electron.ts')).electronModule);

import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { registerBridgeIpc } from '../../../../electron/app/bridge-ipc.ts';
import { createSenderGuard } from '../../../../electron/app/sender-guard.ts';
import type { BridgeApi } from '../../../../shared/bridge.ts';
import { bridgeMethodNames, invokeChannel } from '../../../../shared/ipc-channels.ts';
import { MAX_SEARCH_QUERY_LENGTH } from '../../../../shared/traffic/exchange-search-limits.ts';
import {
  fake,
  FakeBrowserWindow,
  FakeWebContents,
  FakeWebFrame,
  resetFakeElectron,
} from '../fake-electron.ts';

function fakeApi() {
  return {
    listExchanges: vi.fn(async () => []),
    getExchange: vi.fn(async () => undefined),
    clearExchanges: vi.fn(async () => undefined),
    exportExchanges: vi.fn(async () => '{}'),
    getStatus: vi.fn(async () => ({
      state: 'stopped' as const,
      version: '1',
      demo: false,
      upstreamConfigured: false,
    })),
    searchExchanges: vi.fn(async () => ['a']),
    startDemo: vi.fn(async () => ({
      state: 'running' as const,
      version: '1',
      demo: true,
      upstreamConfigured: true,
    })),
    getSettings: vi.fn(async () => ({})),
    saveSettings: vi.fn(async () => ({
      ok: false,
      errors: [{ path: 'server.port', message: 'bad' }],
    })),
    testProvider: vi.fn(async () => ({})),
    checkCapabilities: vi.fn(async () => ({})),
    testRoute: vi.fn(async () => ({})),
  };
}

let window: FakeBrowserWindow;
let api: ReturnType<typeof fakeApi>;
let snapshotRequests: unknown[];

const eventFrom = (sender: FakeWebContents, frame: FakeWebFrame | null = sender.mainFrame) =>
  ({ sender, senderFrame: frame }) as unknown as IpcMainInvokeEvent;

beforeEach(async () => {
  resetFakeElectron();
  window = new FakeBrowserWindow({});
  await window.loadURL('app://inspector/index.html');
  api = fakeApi();
  snapshotRequests = [];
  registerBridgeIpc({
    ipcMain: fake.ipcMain as never,
    isTrustedSender: createSenderGuard(() => window as unknown as BrowserWindow),
    api: api as unknown as BridgeApi,
    onSnapshotRequest: (sender) => snapshotRequests.push(sender),
  });
});

describe('bridge IPC handlers', () => {
  it('registers one handler per contract method on its renderer:* channel', () => {
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(
      bridgeMethodNames.map(invokeChannel).sort(),
    );
    expect(fake.ipcMain.handlers.has('renderer:get-exchange')).toBe(true);
  });

  it("answers the app's own window", async () => {
    await expect(
      fake.ipcMain.invoke('renderer:get-exchange', eventFrom(window.webContents), 'abc'),
    ).resolves.toBeUndefined();
    expect(api.getExchange).toHaveBeenCalledWith('abc');
    await fake.ipcMain.invoke('renderer:export-exchanges', eventFrom(window.webContents), 'har', [
      'a',
      'b',
    ]);
    expect(api.exportExchanges).toHaveBeenCalledWith('har', ['a', 'b']);
    await fake.ipcMain.invoke('renderer:export-exchanges', eventFrom(window.webContents), 'json');
    expect(api.exportExchanges).toHaveBeenLastCalledWith('json');
  });

  it('refuses another webContents', async () => {
    const other = new FakeWebContents();
    other.mainFrame = new FakeWebFrame('app://inspector/index.html');
    await expect(fake.ipcMain.invoke('renderer:list-exchanges', eventFrom(other))).rejects.toThrow(
      /sender refused/,
    );
    expect(api.listExchanges).not.toHaveBeenCalled();
  });

  it('refuses a subframe of the window', async () => {
    const child = new FakeWebFrame('app://inspector/index.html', window.webContents.mainFrame);
    await expect(
      fake.ipcMain.invoke('renderer:clear-exchanges', eventFrom(window.webContents, child)),
    ).rejects.toThrow(/sender refused/);
    expect(api.clearExchanges).not.toHaveBeenCalled();
  });

  it('refuses the window once it shows a page that is not the app', async () => {
    for (const url of [
      'https://example.com/',
      'file:///work/main/dist/renderer/index.html',
      'app://evil/index.html',
    ]) {
      window.webContents.mainFrame = new FakeWebFrame(url);
      await expect(
        fake.ipcMain.invoke('renderer:get-status', eventFrom(window.webContents)),
      ).rejects.toThrow(/sender refused/);
    }
    await expect(
      fake.ipcMain.invoke('renderer:get-status', eventFrom(window.webContents, null)),
    ).rejects.toThrow(/sender refused/);
    expect(api.getStatus).not.toHaveBeenCalled();
  });

  it('refuses a destroyed window', async () => {
    window.destroyed = true;
    await expect(
      fake.ipcMain.invoke('renderer:get-status', eventFrom(window.webContents)),
    ).rejects.toThrow(/sender refused/);
  });

  it('refuses bad payloads before they reach the proxy side', async () => {
    const own = eventFrom(window.webContents);
    await expect(fake.ipcMain.invoke('renderer:get-exchange', own, 42)).rejects.toThrow(
      /invalid arguments/,
    );
    await expect(fake.ipcMain.invoke('renderer:get-exchange', own)).rejects.toThrow(
      /invalid arguments/,
    );
    await expect(
      fake.ipcMain.invoke('renderer:get-exchange', own, 'x'.repeat(201)),
    ).rejects.toThrow(/invalid arguments/);
    await expect(fake.ipcMain.invoke('renderer:export-exchanges', own, 'xml')).rejects.toThrow(
      /invalid arguments/,
    );
    await expect(
      fake.ipcMain.invoke('renderer:export-exchanges', own, 'json', 'a,b'),
    ).rejects.toThrow(/invalid arguments/);
    await expect(
      fake.ipcMain.invoke('renderer:list-exchanges', own, { extra: true }),
    ).rejects.toThrow(/invalid arguments/);
    expect(api.getExchange).not.toHaveBeenCalled();
    expect(api.exportExchanges).not.toHaveBeenCalled();
    expect(api.listExchanges).not.toHaveBeenCalled();
  });

  it('passes a search on, refusing a query past the length limit', async () => {
    const own = eventFrom(window.webContents);
    await expect(fake.ipcMain.invoke('renderer:search-exchanges', own, 'needle')).resolves.toEqual([
      'a',
    ]);
    expect(api.searchExchanges).toHaveBeenCalledWith('needle');
    await expect(
      fake.ipcMain.invoke(
        'renderer:search-exchanges',
        own,
        'x'.repeat(MAX_SEARCH_QUERY_LENGTH + 1),
      ),
    ).rejects.toThrow(/invalid arguments/);
    await expect(fake.ipcMain.invoke('renderer:search-exchanges', own, 42)).rejects.toThrow(
      /invalid arguments/,
    );
    await expect(fake.ipcMain.invoke('renderer:start-demo', own, 'now')).rejects.toThrow(
      /invalid arguments/,
    );
    expect(api.searchExchanges).toHaveBeenCalledOnce();
    expect(api.startDemo).not.toHaveBeenCalled();
  });

  it('passes settings objects on for the settings side to check field by field', async () => {
    const own = eventFrom(window.webContents);
    const answer = await fake.ipcMain.invoke('renderer:save-settings', own, {
      server: { port: 'not a number' },
    });
    expect(answer).toEqual({ ok: false, errors: [{ path: 'server.port', message: 'bad' }] });
    expect(api.saveSettings).toHaveBeenCalledWith({ server: { port: 'not a number' } });
    await fake.ipcMain.invoke('renderer:test-provider', own, 'openrouter', { model: 'x' });
    expect(api.testProvider).toHaveBeenCalledWith('openrouter', { model: 'x' });
  });

  it('refuses settings calls that are not even the right shape', async () => {
    const own = eventFrom(window.webContents);
    await expect(
      fake.ipcMain.invoke('renderer:save-settings', own, 'server.port=1'),
    ).rejects.toThrow(/invalid arguments/);
    await expect(fake.ipcMain.invoke('renderer:save-settings', own, [1, 2])).rejects.toThrow(
      /invalid arguments/,
    );
    await expect(fake.ipcMain.invoke('renderer:test-provider', own, '../etc')).rejects.toThrow(
      /invalid arguments/,
    );
    await expect(
      fake.ipcMain.invoke('renderer:check-capabilities', own, 'ok', 'model'),
    ).rejects.toThrow(/invalid arguments/);
    await expect(fake.ipcMain.invoke('renderer:test-route', own, null)).rejects.toThrow(
      /invalid arguments/,
    );
    expect(api.saveSettings).not.toHaveBeenCalled();
    expect(api.testProvider).not.toHaveBeenCalled();
    expect(api.checkCapabilities).not.toHaveBeenCalled();
    expect(api.testRoute).not.toHaveBeenCalled();
  });

  it('answers a snapshot request only from the trusted window', () => {
    fake.ipcMain.emit('renderer:request-snapshot', eventFrom(new FakeWebContents()));
    expect(snapshotRequests).toEqual([]);
    fake.ipcMain.emit('renderer:request-snapshot', eventFrom(window.webContents));
    expect(snapshotRequests).toEqual([window.webContents]);
  });
});
