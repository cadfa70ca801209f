/**
 * The desktop app under the same rule as headless mode: settings that put the proxy on a
 * non-loopback address without a client key do not start it; the tray shows the error with
 * the reason, and nothing listens. With a client key the same address starts.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('../fake-electron.ts')).electronModule);

import { startDesktopApp, type DesktopApp } from '../../../../electron/app/desktop-app.ts';
import { loadProxyConfig } from '../../../../electron/server/proxy-config.ts';
import { resetFakeElectron } from '../fake-electron.ts';
import { memorySettingsStore, mockProviderSettings } from '../mock-provider-settings.ts';

const root = join(import.meta.dirname, '..', '..', '..', '..');
let desktop: DesktopApp | undefined;

beforeEach(() => resetFakeElectron());
afterEach(async () => {
  await desktop?.shutdown();
  desktop = undefined;
});

async function launch(server: { host: string; clientKey?: string }): Promise<DesktopApp> {
  const settings = mockProviderSettings({
    upstreamUrl: 'http://127.0.0.1:9/v1',
    apiKey: 'sk-desktop-exposed-test-0123456789',
    model: 'big-model',
    logLevel: 'silent',
  });
  desktop = await startDesktopApp({
    store: memorySettingsStore({ ...settings, server: { ...settings.server, ...server } }),
    baseConfig: loadProxyConfig({ LOG_LEVEL: 'silent' }, '/nonexistent'),
    env: { overrides: {} },
    loginItem: { supported: false, isEnabled: () => false, setEnabled: () => undefined },
    preloadPath: join(root, 'dist', 'electron', 'preload.cjs'),
    rendererDir: join(root, 'dist', 'renderer'),
    iconDir: join(root, 'resources', 'tray'),
    platform: 'linux',
    startHidden: true,
    closeGraceMs: 100,
  });
  return desktop;
}

describe('desktop app on a non-loopback address', () => {
  it('does not start the proxy without a client key, and says why', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const app = await launch({ host: '0.0.0.0' });
    await vi.waitFor(() => expect(app.controller.status().state).toBe('error'));
    expect(app.controller.status().message).toMatch(
      /could not start: A client key is required to listen on 0\.0\.0\.0/,
    );
    expect(app.controller.isRunning()).toBe(false);
  });

  it('starts there with a client key', async () => {
    const app = await launch({ host: '0.0.0.0', clientKey: 'desktop-client-key-0123456789' });
    await vi.waitFor(() => expect(app.controller.status().state).toBe('running'));
    expect(app.controller.isRunning()).toBe(true);
    // Reached over loopback, but the key is required all the same.
    expect((await fetch(`${app.controller.status().url!}/v1/models`)).status).toBe(401);
  });
});
