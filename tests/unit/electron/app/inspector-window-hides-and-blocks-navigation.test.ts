/**
 * The one app window: locked-down web preferences, closing hides it (until Quit), showing it
 * again restores and focuses the same window, navigation and window.open are refused.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('../fake-electron.ts')).electronModule);

import type { BrowserWindow } from 'electron';
import { createInspectorWindow } from '../../../../electron/app/inspector-window.ts';
import { fake, FakeBrowserWindow, resetFakeElectron } from '../fake-electron.ts';

let quitting = false;
const open = () =>
  createInspectorWindow({
    createWindow: (options) =>
      new FakeBrowserWindow(options as Record<string, unknown>) as unknown as BrowserWindow,
    shell: { openExternal: async (url: string) => void fake.openedExternally.push(url) },
    preloadPath: '/app/dist/electron/preload.cjs',
    indexUrl: 'app://inspector/index.html',
    isQuitting: () => quitting,
    devTools: false,
  });

async function shown(window: FakeBrowserWindow): Promise<void> {
  await new Promise<void>((resolve) => window.once('ready-to-show', () => queueMicrotask(resolve)));
}

beforeEach(() => {
  resetFakeElectron();
  quitting = false;
});

describe('inspector window', () => {
  it('is created with context isolation, sandbox and no Node integration, loading the app page', async () => {
    open().show();
    const window = FakeBrowserWindow.instances[0]!;
    expect(window.options.webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      devTools: false,
    });
    expect(window.loadedUrl).toBe('app://inspector/index.html');
    await shown(window);
    expect(window.visible).toBe(true);
  });

  it('hides on close instead of closing, and closes for real when quitting', async () => {
    const inspector = open();
    inspector.show();
    const window = FakeBrowserWindow.instances[0]!;
    await shown(window);
    window.close();
    expect(window.destroyed).toBe(false);
    expect(window.visible).toBe(false);
    expect(inspector.get()).toBe(window);
    quitting = true;
    window.close();
    expect(window.destroyed).toBe(true);
    expect(inspector.get()).toBeUndefined();
  });

  it('shows, restores and focuses the same window on a second show', async () => {
    const inspector = open();
    inspector.show();
    const window = FakeBrowserWindow.instances[0]!;
    await shown(window);
    window.minimize();
    window.hide();
    inspector.show();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(window.minimized).toBe(false);
    expect(window.visible).toBe(true);
    expect(window.focused).toBe(true);
  });

  it('opens on the settings view, or switches an open window to it', async () => {
    const inspector = open();
    inspector.show('settings');
    const window = FakeBrowserWindow.instances[0]!;
    expect(window.loadedUrl).toBe('app://inspector/index.html#settings');
    await shown(window);
    inspector.show('settings');
    expect(window.webContents.executed).toEqual(["location.hash = 'settings'"]);
    inspector.show('inspector');
    expect(window.webContents.executed[1]).toBe(
      "if (location.hash === '#settings') location.hash = ''",
    );
  });

  it('refuses navigation, redirects and webviews', () => {
    open().show();
    const contents = FakeBrowserWindow.instances[0]!.webContents;
    expect(contents.tryEvent('will-navigate', 'https://example.com/')).toBe(true);
    expect(contents.tryEvent('will-redirect', 'https://example.com/')).toBe(true);
    expect(contents.tryEvent('will-attach-webview')).toBe(true);
  });

  it('denies window.open, handing http(s) links to the default browser', () => {
    open().show();
    const contents = FakeBrowserWindow.instances[0]!.webContents;
    expect(contents.windowOpenHandler!({ url: 'https://docs.anthropic.com/' })).toEqual({
      action: 'deny',
    });
    expect(contents.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(fake.openedExternally).toEqual(['https://docs.anthropic.com/']);
  });
});
