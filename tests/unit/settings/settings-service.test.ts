import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { envSettingsFrom } from '../../../electron/server/settings/env-overlay.ts';
import { JsonFileSettingsStore } from '../../../electron/server/settings/json-file-settings-store.ts';
import { openSettingsService } from '../../../electron/server/settings/settings-service.ts';
import type {
  SettingsLoadResult,
  SettingsStore,
} from '../../../electron/server/settings/settings-store.ts';
import { loadProxyConfig } from '../../../electron/server/proxy-config.ts';
import { toPublicSettings } from '../../../shared/settings/public-settings.ts';
import { defaultSettings } from '../../../shared/settings/settings-defaults.ts';
import type { Settings } from '../../../shared/settings/settings-schema.ts';
import { sampleSettings } from './settings-fixtures.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'settings-service-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

class MemoryStore implements SettingsStore {
  readonly location = 'memory';
  saved: Settings[] = [];
  failSaves = false;
  readonly #initial: SettingsLoadResult;
  constructor(initial: SettingsLoadResult = { kind: 'missing' }) {
    this.#initial = initial;
  }
  async load() {
    return this.#initial;
  }
  async save(settings: Settings) {
    if (this.failSaves) throw new Error('disk full');
    this.saved.push(settings);
  }
}

/** What the form sends back: the public view, as an editable copy. */
function publicUpdate(settings: Settings) {
  const { version: _version, ...update } = structuredClone(toPublicSettings(settings));
  return update;
}

describe('SettingsService', () => {
  it('starts from the defaults on a first run', async () => {
    const service = await openSettingsService({ store: new MemoryStore() });
    expect(service.get()).toEqual(defaultSettings());
    expect(service.snapshot().storage).toEqual({ location: 'memory', writable: true });
  });

  it('applies and stores a valid update, then tells subscribers', async () => {
    const store = new MemoryStore({ kind: 'loaded', settings: sampleSettings() });
    const service = await openSettingsService({ store });
    const seen: string[] = [];
    service.subscribe((next, previous) =>
      seen.push(`${previous.routes.big.model} → ${next.routes.big.model}`),
    );
    const update = publicUpdate(sampleSettings());
    update.routes.big.model = 'openai/gpt-5';
    expect(await service.update(update)).toEqual({ ok: true, saved: true });
    expect(service.get().routes.big.model).toBe('openai/gpt-5');
    expect(store.saved.at(-1)?.routes.big.model).toBe('openai/gpt-5');
    expect(store.saved.at(-1)?.providers[0].apiKey).toBe(sampleSettings().providers[0].apiKey);
    expect(seen).toEqual(['openai/gpt-4.1 → openai/gpt-5']);
  });

  it('changes nothing when an update is invalid', async () => {
    const store = new MemoryStore({ kind: 'loaded', settings: sampleSettings() });
    const service = await openSettingsService({ store });
    let notified = false;
    service.subscribe(() => (notified = true));
    const update = publicUpdate(sampleSettings());
    update.routes.big = { provider: 'nope', model: 'x' };
    update.logLevel = 'debug';
    const result = await service.update(update);
    expect(result).toEqual({
      ok: false,
      errors: [{ path: 'routes.big.provider', message: 'No provider with id "nope"' }],
    });
    expect(service.get()).toEqual(sampleSettings());
    expect(store.saved).toEqual([]);
    expect(notified).toBe(false);
  });

  it('rejects malformed input with field paths', async () => {
    const service = await openSettingsService({ store: new MemoryStore() });
    const result = await service.update({
      server: { host: 'x', port: 'eighty', clientKey: { set: false } },
    });
    expect(result).toMatchObject({ ok: false, errors: [{ path: 'server.port' }] });
  });

  it('changes nothing when the store cannot save', async () => {
    const store = new MemoryStore({ kind: 'loaded', settings: sampleSettings() });
    store.failSaves = true;
    const service = await openSettingsService({ store });
    const result = await service.update({ logLevel: 'trace' });
    expect(result).toEqual({
      ok: false,
      errors: [{ path: '', message: 'Could not save the settings: disk full' }],
    });
    expect(service.get().logLevel).toBe('info');
  });

  it('hands out frozen settings that a later update replaces, not mutates', async () => {
    const service = await openSettingsService({ store: new MemoryStore() });
    const before = service.get();
    expect(Object.isFrozen(before.routes.big)).toBe(true);
    await service.update({ logLevel: 'warn' });
    expect(before.logLevel).toBe('info');
    expect(service.get().logLevel).toBe('warn');
  });

  it('starts from defaults on an unusable file, applies updates live and never overwrites it', async () => {
    const file = join(dir, 'settings.json');
    await writeFile(file, '{ broken');
    const warnings: string[] = [];
    const service = await openSettingsService({
      store: new JsonFileSettingsStore(file),
      warn: (m) => warnings.push(m),
    });
    expect(service.get()).toEqual(defaultSettings());
    expect(service.snapshot().storage).toMatchObject({
      writable: false,
      message: expect.stringContaining('is not valid JSON'),
    });
    expect(warnings).toHaveLength(1);
    const result = await service.update({ logLevel: 'debug' });
    expect(result).toEqual({
      ok: true,
      saved: false,
      message: expect.stringContaining('not saved'),
    });
    expect(service.get().logLevel).toBe('debug');
    expect(await readFile(file, 'utf8')).toBe('{ broken');
  });

  it('warns about routes that name a provider no longer defined', async () => {
    const settings = {
      ...sampleSettings(),
      routes: { ...sampleSettings().routes, small: { provider: 'env', model: 'm' } },
    };
    const warnings: string[] = [];
    const service = await openSettingsService({
      store: new MemoryStore({ kind: 'loaded', settings }),
      warn: (m) => warnings.push(m),
    });
    expect(warnings).toEqual([
      expect.stringContaining('routes.small.provider: No provider with id "env"'),
    ]);
    expect(service.snapshot().storage.message).toBe(warnings[0]);
  });
});

describe('SettingsService with environment variables', () => {
  const vars = {
    BASE_URL: 'https://api.deepseek.com/v1',
    OPENAI_API_KEY: 'sk-deepseek-secret-0001',
    PORT: '9100',
  };
  const env = envSettingsFrom(loadProxyConfig(vars, '/nonexistent'), (name) => name in vars);

  it('shows environment values as effective and names their variables', async () => {
    const service = await openSettingsService({ store: new MemoryStore(), env });
    const snapshot = service.snapshot();
    expect(snapshot.settings.server.port).toBe(9100);
    expect(snapshot.settings.providers.map((provider) => provider.id)).toEqual(['env']);
    expect(snapshot.settings.routes.big.provider).toBe('env');
    expect(snapshot.env).toEqual({
      'server.port': 'PORT',
      'provider:env': 'BASE_URL, OPENAI_API_KEY',
    });
    expect(JSON.stringify(snapshot)).not.toContain('sk-deepseek-secret');
  });

  it('stores the form values, not the environment ones, and keeps the env provider out of the file', async () => {
    const store = new MemoryStore({ kind: 'loaded', settings: sampleSettings() });
    const service = await openSettingsService({ store, env });
    const update = publicUpdate(service.get());
    update.server.port = 1234;
    update.routes.small = { provider: 'env', model: 'deepseek-chat' };
    update.logLevel = 'debug';
    expect(await service.update(update)).toEqual({ ok: true, saved: true });
    const saved = store.saved.at(-1)!;
    expect(saved.server.port).toBe(sampleSettings().server.port);
    expect(saved.providers.map((provider) => provider.id)).toEqual(['router', 'local']);
    expect(saved.routes.small).toEqual({ provider: 'env', model: 'deepseek-chat' });
    expect(service.get().server.port).toBe(9100);
    expect(service.get().logLevel).toBe('debug');
  });

  it('keeps the id "env" for the environment', async () => {
    const service = await openSettingsService({
      store: new MemoryStore({ kind: 'loaded', settings: sampleSettings() }),
    });
    const update = publicUpdate(sampleSettings());
    update.providers.push({ ...update.providers[1], id: 'env' });
    const result = await service.update(update);
    expect(result).toMatchObject({ ok: false, errors: [{ path: 'providers.2.id' }] });
  });
});

describe('SettingsService prepare hook', () => {
  it('refuses the update with the hook errors and changes nothing', async () => {
    const store = new MemoryStore({ kind: 'loaded', settings: sampleSettings() });
    const service = await openSettingsService({
      store,
      prepare: async (next) =>
        next.server.port === 1 ? [{ path: 'server.port', message: 'taken' }] : [],
    });
    const result = await service.update({
      server: { host: '127.0.0.1', port: 1, clientKey: { set: false } },
    });
    expect(result).toEqual({ ok: false, errors: [{ path: 'server.port', message: 'taken' }] });
    expect(store.saved).toEqual([]);
    expect(service.get().server.port).toBe(8080);
  });

  it('undoes the hook when the store then fails', async () => {
    const store = new MemoryStore({ kind: 'loaded', settings: sampleSettings() });
    store.failSaves = true;
    const calls: string[] = [];
    const service = await openSettingsService({
      store,
      prepare: async (next, previous) => {
        calls.push(`${previous.server.port} → ${next.server.port}`);
        return [];
      },
    });
    await service.update({ server: { host: '127.0.0.1', port: 9000, clientKey: { set: false } } });
    expect(calls).toEqual(['8080 → 9000', '9000 → 8080']);
  });
});
