import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  envSettingsFrom,
  firstRunSettings,
  overlayEnv,
  setVariables,
  settingsFromConfig,
  withoutEnv,
} from '../../../electron/server/settings/env-overlay.ts';
import { loadProxyConfig } from '../../../electron/server/proxy-config.ts';
import { defaultSettings } from '../../../shared/settings/settings-defaults.ts';
import { sampleSettings } from './settings-fixtures.ts';

function envSettings(env: Record<string, string>) {
  const config = loadProxyConfig(env, '/nonexistent');
  return envSettingsFrom(config, (name) => (env[name] ?? '') !== '');
}

describe('envSettingsFrom', () => {
  it('pins nothing when no variable is set, even though the config has defaults', () => {
    expect(envSettings({})).toEqual({ overrides: {} });
  });

  it('turns BASE_URL, OPENAI_API_KEY and REFERRER_URL into the "env" provider with a detected preset', () => {
    const env = envSettings({
      BASE_URL: 'https://openrouter.ai/api/v1/',
      OPENAI_API_KEY: 'sk-or-test-key-123456',
      REFERRER_URL: 'https://example.com',
    });
    expect(env.provider).toMatchObject({
      id: 'env',
      preset: 'openrouter',
      baseUrl: 'https://openrouter.ai/api/v1',
      apiKey: 'sk-or-test-key-123456',
      referrerUrl: 'https://example.com',
    });
    expect(env.overrides).toEqual({ 'provider:env': 'BASE_URL, OPENAI_API_KEY, REFERRER_URL' });
  });

  it('uses OpenAI as the base URL when only a key is set', () => {
    expect(envSettings({ OPENAI_API_KEY: 'sk-abc' }).provider).toMatchObject({
      preset: 'openai',
      baseUrl: 'https://api.openai.com/v1',
    });
  });

  it('names the variable behind each pinned field', () => {
    const env = envSettings({
      HOST: '0.0.0.0',
      PORT: '9000',
      LOG_LEVEL: 'DEBUG',
      BIG_MODEL_NAME: 'b',
      SMALL_MODEL_NAME: 's',
      CLIENT_API_KEY: 'ck',
    });
    expect(env).toMatchObject({
      host: '0.0.0.0',
      port: 9000,
      logLevel: 'debug',
      bigModel: 'b',
      smallModel: 's',
      clientKey: 'ck',
    });
    expect(env.overrides).toEqual({
      'server.host': 'HOST',
      'server.port': 'PORT',
      logLevel: 'LOG_LEVEL',
      'server.clientKey': 'CLIENT_API_KEY',
      'routes.big': 'BIG_MODEL_NAME',
      'routes.small': 'SMALL_MODEL_NAME',
    });
  });
});

describe('setVariables', () => {
  it('counts variables from the .env file and the environment, not empty ones', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'env-overlay-'));
    try {
      await writeFile(join(dir, '.env'), 'PORT=9001\nOPENAI_API_KEY=\n');
      expect([...setVariables({ HOST: 'h', BIG_MODEL_NAME: ' ' }, dir)].sort()).toEqual([
        'HOST',
        'PORT',
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('overlayEnv and withoutEnv', () => {
  const env = envSettings({
    BASE_URL: 'http://127.0.0.1:11434/v1',
    PORT: '9000',
    BIG_MODEL_NAME: 'env-big',
  });

  it('forces the pinned fields and routes BIG_MODEL_NAME to the env provider', () => {
    const effective = overlayEnv(sampleSettings(), env);
    expect(effective.server.port).toBe(9000);
    expect(effective.routes.big).toEqual({ provider: 'env', model: 'env-big' });
    expect(effective.routes.small).toEqual(sampleSettings().routes.small);
    expect(effective.providers.map((provider) => provider.id)).toEqual(['router', 'local', 'env']);
  });

  it('keeps the env provider at the place a saved list gave it', () => {
    const settings = sampleSettings();
    const withEnvFirst = {
      ...settings,
      providers: [{ ...env.provider!, name: 'edited' }, ...settings.providers],
    };
    expect(
      overlayEnv(withEnvFirst, env).providers.map((provider) => [provider.id, provider.name]),
    ).toEqual([
      ['env', 'Environment'],
      ['router', 'router'],
      ['local', 'local'],
    ]);
  });

  it('stores the user values under pinned fields and drops the env provider', () => {
    const stored = sampleSettings();
    const edited = overlayEnv(stored, env);
    const changed = {
      ...edited,
      server: { ...edited.server, host: '0.0.0.0' },
      logLevel: 'warn' as const,
    };
    expect(withoutEnv(changed, stored, env)).toEqual({
      ...stored,
      server: { ...stored.server, host: '0.0.0.0' },
      logLevel: 'warn',
    });
  });

  it('points the first-run defaults at the env provider', () => {
    const effective = overlayEnv(defaultSettings({ envProvider: true }), env);
    expect(effective.providers.map((provider) => provider.id)).toEqual(['env']);
    expect(effective.routes.small.provider).toBe('env');
  });
});

describe('firstRunSettings and settingsFromConfig', () => {
  it('lets a single pinned tier serve both routes, as the seed did', () => {
    const env = envSettings({ BASE_URL: 'http://127.0.0.1:9/v1', BIG_MODEL_NAME: 'only-big' });
    const effective = overlayEnv(firstRunSettings(env), env);
    expect(effective.routes.big).toEqual({ provider: 'env', model: 'only-big' });
    expect(effective.routes.small).toEqual({ provider: 'env', model: 'only-big' });
  });

  it('keeps the default models when no tier is pinned', () => {
    const settings = firstRunSettings(envSettings({ OPENAI_API_KEY: 'sk-x' }));
    expect(settings.routes.big.model).not.toBe(settings.routes.small.model);
  });

  it('describes a ProxyConfig as settings: listener, client key, provider and tiers', () => {
    const config = loadProxyConfig(
      {
        PORT: '0',
        HOST: '127.0.0.2',
        BASE_URL: 'http://127.0.0.1:9/v1',
        OPENAI_API_KEY: 'sk-abc',
        SMALL_MODEL_NAME: 's',
        BIG_MODEL_NAME: 'b',
        CLIENT_API_KEY: 'ck',
      },
      '/nonexistent',
    );
    const settings = settingsFromConfig(config);
    expect(settings.server).toEqual({ host: '127.0.0.2', port: 0, clientKey: 'ck' });
    expect(settings.providers).toEqual([
      expect.objectContaining({ id: 'env', baseUrl: 'http://127.0.0.1:9/v1', apiKey: 'sk-abc' }),
    ]);
    expect(settings.routes).toEqual({
      big: { provider: 'env', model: 'b' },
      small: { provider: 'env', model: 's' },
      rules: [],
    });
  });

  it('describes an unconfigured ProxyConfig with the keyless default provider', () => {
    const settings = settingsFromConfig(loadProxyConfig({}, '/nonexistent'));
    expect(settings.providers.map((provider) => [provider.id, provider.apiKey])).toEqual([
      ['openai', undefined],
    ]);
  });
});
