import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../shared/settings/settings-defaults.ts';
import { settingsSchema } from '../../../shared/settings/settings-schema.ts';
import { validateSettings } from '../../../shared/settings/settings-validation.ts';
import { provider, sampleSettings } from './settings-fixtures.ts';

describe('settings schema', () => {
  it('accepts the defaults, with and without an environment provider named in routes', () => {
    expect(validateSettings(defaultSettings())).toEqual({ ok: true, settings: defaultSettings() });
    expect(settingsSchema.safeParse(defaultSettings({ envProvider: true })).success).toBe(true);
  });

  it('fills optional provider lists with empty defaults', () => {
    const {
      extraHeaders: _h,
      models: _m,
      prices: _p,
      quirks: _q,
      ...bare
    } = provider({ id: 'bare' });
    const parsed = settingsSchema.parse({
      ...defaultSettings(),
      providers: [bare],
      routes: {
        ...defaultSettings().routes,
        big: { provider: 'bare', model: 'm' },
        small: { provider: 'bare', model: 'm' },
      },
    });
    expect(parsed.providers[0]).toMatchObject({
      extraHeaders: {},
      models: [],
      prices: {},
      quirks: {},
    });
  });

  it('reports each bad field with its path', () => {
    const settings = sampleSettings();
    const bad = {
      ...settings,
      server: { host: '', port: 70000 },
      providers: [
        { ...settings.providers[0], baseUrl: 'ftp://example.com', id: 'Bad Id' },
        settings.providers[1],
      ],
    };
    const result = validateSettings(bad);
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.errors.map((error) => error.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'server.host',
        'server.port',
        'providers.0.baseUrl',
        'providers.0.id',
      ]),
    );
  });

  it('refuses an unknown preset and a non-literal version', () => {
    const settings = sampleSettings();
    const result = validateSettings({
      ...settings,
      version: 2,
      providers: [{ ...settings.providers[0], preset: 'acme' }],
    });
    expect(result.ok ? [] : result.errors.map((error) => error.path)).toEqual([
      'version',
      'providers.0.preset',
    ]);
  });

  it('refuses invalid extra header names and negative prices', () => {
    const settings = sampleSettings();
    const result = validateSettings({
      ...settings,
      providers: [
        {
          ...settings.providers[0],
          extraHeaders: { 'bad header': 'x' },
          prices: { m: { input: -1, output: 1 } },
        },
        settings.providers[1],
      ],
    });
    expect(result.ok ? [] : result.errors.map((error) => error.path)).toEqual([
      'providers.0.extraHeaders.bad header',
      'providers.0.prices.m.input',
    ]);
  });
});

describe('cross-field validation', () => {
  it('names routes, rule targets and fallbacks that point at unknown providers', () => {
    const settings = sampleSettings();
    settings.routes.big.provider = 'gone';
    settings.routes.rules[0].fallback = { provider: 'missing', model: 'x' };
    const result = validateSettings(settings);
    expect(result.ok ? [] : result.errors).toEqual([
      { path: 'routes.big.provider', message: 'No provider with id "gone"' },
      { path: 'routes.rules.0.fallback.provider', message: 'No provider with id "missing"' },
    ]);
  });

  it('refuses duplicate provider and rule ids at the second occurrence', () => {
    const settings = sampleSettings();
    settings.providers.push(provider({ id: 'local' }));
    settings.routes.rules.push({ ...settings.routes.rules[0] });
    const result = validateSettings(settings);
    expect(result.ok ? [] : result.errors.map((error) => error.path)).toEqual([
      'providers.2.id',
      'routes.rules.1.id',
    ]);
  });

  it('requires a model on every route target', () => {
    const settings = sampleSettings();
    settings.routes.small.model = '  ';
    const result = validateSettings(settings);
    expect(result.ok ? [] : result.errors).toEqual([
      { path: 'routes.small.model', message: 'Model is required' },
    ]);
  });
});
