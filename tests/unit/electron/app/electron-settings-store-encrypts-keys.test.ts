/**
 * The desktop settings store: a real electron-store file in a temp folder, keys encrypted
 * by (a fake of) safeStorage. Keys never appear in the file in clear, load decrypts them,
 * and a file that cannot be used is reported and left alone.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('../fake-electron.ts')).electronModule);
// electron-store is loaded by Node itself (not through the mock): point the 'electron'
// package at a dist folder so it does not try to fetch its binary, then electron-store runs
// as in any Node process and needs an absolute cwd, which the app passes too.
vi.hoisted(() => {
  process.env.ELECTRON_OVERRIDE_DIST_PATH = '/nonexistent-electron-dist';
});

import { safeStorage } from 'electron';
import ElectronStore from 'electron-store';
import { ElectronSettingsStore } from '../../../../electron/app/electron-settings-store.ts';
import {
  createSafeStorageCodec,
  SAFE_STORAGE_PREFIX,
} from '../../../../electron/app/safe-storage-codec.ts';
import { openSettingsService } from '../../../../electron/server/settings/settings-service.ts';
import { defaultSettings } from '../../../../shared/settings/settings-defaults.ts';
import type { Settings } from '../../../../shared/settings/settings-schema.ts';
import { resetFakeElectron } from '../fake-electron.ts';

const PROVIDER_KEY = 'sk-or-v1-PROVIDERSECRET-0123456789';
const CLIENT_KEY = 'client-SECRET-key-abcdef';

let dir: string;
beforeEach(() => {
  resetFakeElectron();
  dir = mkdtempSync(join(tmpdir(), 'electron-settings-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const file = () => join(dir, 'settings.json');
const makeStore = () =>
  new ElectronSettingsStore({
    open: () =>
      new ElectronStore<Record<string, unknown>>({
        name: 'settings',
        cwd: dir,
        configFileMode: 0o600,
      }),
    location: file(),
    codec: createSafeStorageCodec(safeStorage),
  });

function withKeys(): Settings {
  const settings = defaultSettings();
  return {
    ...settings,
    server: { ...settings.server, clientKey: CLIENT_KEY },
    providers: settings.providers.map((p) => ({ ...p, apiKey: PROVIDER_KEY })),
  };
}

describe('electron-store settings store with safeStorage', () => {
  it('reports a first run as missing', async () => {
    await expect(makeStore().load()).resolves.toEqual({ kind: 'missing' });
  });

  it('round-trips the settings, keys encrypted in the file and decrypted on load', async () => {
    await makeStore().save(withKeys());
    const text = readFileSync(file(), 'utf8');
    expect(text).not.toContain(PROVIDER_KEY);
    expect(text).not.toContain(CLIENT_KEY);
    expect(text).toContain(SAFE_STORAGE_PREFIX);
    const onDisk = JSON.parse(text) as Settings;
    expect(onDisk.providers[0]!.apiKey!.startsWith(SAFE_STORAGE_PREFIX)).toBe(true);
    const loaded = await makeStore().load();
    expect(loaded).toEqual({ kind: 'loaded', settings: withKeys() });
  });

  it('writes the file readable by its owner only', async () => {
    if (process.platform === 'win32') return;
    await makeStore().save(withKeys());
    const { statSync } = await import('node:fs');
    expect(statSync(file()).mode & 0o777).toBe(0o600);
  });

  it('refuses to save keys when encryption is unavailable, writing nothing', async () => {
    const store = makeStore();
    await store.load();
    (safeStorage as unknown as { available: boolean }).available = false;
    await expect(store.save(withKeys())).rejects.toThrow(/never stored unencrypted/);
    expect(() => readFileSync(file())).toThrow();
    // Settings without secrets still save.
    await store.save(defaultSettings());
    expect(JSON.parse(readFileSync(file(), 'utf8')).server.port).toBe(8080);
  });

  it('reports a key stored in clear as unusable and then never overwrites the file', async () => {
    const clear = withKeys();
    writeFileSync(file(), JSON.stringify(clear));
    const store = makeStore();
    const loaded = await store.load();
    expect(loaded.kind).toBe('unusable');
    await expect(store.save(defaultSettings())).rejects.toThrow(/left untouched/);
    expect(JSON.parse(readFileSync(file(), 'utf8'))).toEqual(clear);
  });

  it('reports a file that is not JSON as unusable', async () => {
    writeFileSync(file(), '{ not json');
    const loaded = await makeStore().load();
    expect(loaded).toMatchObject({ kind: 'unusable' });
  });

  it('backs the settings service: a key typed in the form is stored encrypted and comes back after a restart', async () => {
    const service = await openSettingsService({ store: makeStore() });
    const current = service.snapshot().settings;
    const result = await service.update({
      providers: current.providers.map((p) => ({
        ...p,
        apiKey: { set: false, replace: PROVIDER_KEY },
      })),
    });
    expect(result).toMatchObject({ ok: true, saved: true });
    expect(readFileSync(file(), 'utf8')).not.toContain(PROVIDER_KEY);
    const restarted = await openSettingsService({ store: makeStore() });
    expect(restarted.get().providers[0]!.apiKey).toBe(PROVIDER_KEY);
    expect(JSON.stringify(restarted.snapshot())).not.toContain(PROVIDER_KEY);
  });
});
