import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JsonFileSettingsStore } from '../../../electron/server/settings/json-file-settings-store.ts';
import { sampleSettings } from './settings-fixtures.ts';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'settings-store-'));
  file = join(dir, 'nested', 'settings.json');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('JsonFileSettingsStore', () => {
  it('reports a missing file as a first run', async () => {
    expect(await new JsonFileSettingsStore(file).load()).toEqual({ kind: 'missing' });
  });

  it('saves and loads the same settings, in a private file and directory', async () => {
    const store = new JsonFileSettingsStore(file);
    await store.save(sampleSettings());
    expect(await new JsonFileSettingsStore(file).load()).toEqual({
      kind: 'loaded',
      settings: sampleSettings(),
    });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'nested'))).mode & 0o777).toBe(0o700);
  });

  it('leaves no temporary file behind and tightens a previously loose file mode', async () => {
    const store = new JsonFileSettingsStore(file);
    await store.save(sampleSettings());
    await chmod(file, 0o644);
    await store.save(sampleSettings());
    expect(await readdir(join(dir, 'nested'))).toEqual(['settings.json']);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('serialises concurrent saves so the last one wins whole', async () => {
    const store = new JsonFileSettingsStore(file);
    const saves = ['debug', 'warn', 'error'].map((level) =>
      store.save({ ...sampleSettings(), logLevel: level as 'debug' }),
    );
    await Promise.all(saves);
    expect(JSON.parse(await readFile(file, 'utf8')).logLevel).toBe('error');
  });

  it('encodes secrets with the codec at rest and decodes them on load', async () => {
    const codec = {
      encode: (s: string) => `enc:${[...s].reverse().join('')}`,
      decode: (s: string) => [...s.slice(4)].reverse().join(''),
    };
    await new JsonFileSettingsStore(file, codec).save(sampleSettings());
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain(sampleSettings().providers[0].apiKey);
    expect(await new JsonFileSettingsStore(file, codec).load()).toEqual({
      kind: 'loaded',
      settings: sampleSettings(),
    });
  });

  it.each([
    ['not JSON', '{ "version": 1,', 'is not valid JSON'],
    [
      'invalid',
      JSON.stringify({ version: 1, server: { host: 'x', port: 'eighty' } }),
      'has invalid settings (server.port:',
    ],
    ['from a newer version', JSON.stringify({ version: 99 }), 'newer version'],
  ])(
    'reports a file that is %s as unusable and never overwrites it',
    async (_case, content, reason) => {
      const store = new JsonFileSettingsStore(join(dir, 'settings.json'));
      await writeFile(store.location, content, { mode: 0o600 });
      const result = await store.load();
      expect(result).toEqual({ kind: 'unusable', message: expect.stringContaining(reason) });
      await expect(store.save(sampleSettings())).rejects.toThrow('left untouched');
      expect(await readFile(store.location, 'utf8')).toBe(content);
    },
  );

  it('reports an unreadable path as unusable', async () => {
    // A directory where the file should be: reading fails with EISDIR.
    const store = new JsonFileSettingsStore(dir);
    expect(await store.load()).toEqual({
      kind: 'unusable',
      message: expect.stringContaining('cannot be read'),
    });
  });

  it('rejects a save that cannot complete and leaves no temporary file', async () => {
    // A non-empty directory where the file should be: the final rename fails, even for root.
    const target = join(dir, 'settings.json');
    await mkdir(join(target, 'occupied'), { recursive: true });
    const store = new JsonFileSettingsStore(target);
    await expect(store.save(sampleSettings())).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['settings.json']);
  });
});
