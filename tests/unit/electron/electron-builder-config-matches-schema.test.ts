/**
 * electron-builder.yml checked against electron-builder's own configuration schema
 * (app-builder-lib/scheme.json) with ajv, plus the choices the issue asks for.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const require = createRequire(import.meta.url);
// js-yaml ships no type declarations; this is the one function used.
const { load } = require('js-yaml') as { load(text: string): unknown };
const schema = JSON.parse(
  readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'),
) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
interface BuilderConfig {
  [key: string]: unknown;
  productName: string;
  appId: string;
  asar: boolean;
  files: string[];
  icon: string;
  mac: Record<string, unknown>;
  win: { target: string[] };
  linux: { target: string[] };
  electronFuses: Record<string, boolean>;
}
const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's configuration schema", () => {
    const ok = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('is checked for real: a misspelt option fails the same schema', () => {
    expect(validate({ ...config, mac: { ...config.mac, categroy: 'x' } })).toBe(false);
    expect(validate({ ...config, electronFuses: { runAsNod: false } })).toBe(false);
  });

  it('names the product, packs an asar and ships the built app with its icons', () => {
    expect(config.productName).toBe('Anthropic Proxy');
    expect(config.appId).toMatch(/^[a-z0-9.-]+$/);
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(
      expect.arrayContaining(['dist/electron/**', 'dist/renderer/**', 'resources/tray/**']),
    );
    expect(config.icon).toBe('resources/icon.png');
  });

  it('builds dmg + zip (developer tools, hardened runtime), nsis, AppImage + deb', () => {
    expect(config.mac).toMatchObject({
      category: 'public.app-category.developer-tools',
      hardenedRuntime: true,
      target: ['dmg', 'zip'],
    });
    expect(config.win.target).toEqual(['nsis']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });

  it('flips the Electron fuses that close the Node back doors', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });

  it('points "main" at the built main process', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/electron/main.js');
  });
});
