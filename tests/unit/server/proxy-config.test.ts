import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  configSecrets,
  loadProxyConfig,
  ProxyConfigError,
  publicUpstreamUrl,
} from '../../../electron/server/proxy-config.ts';

function emptyDir(): string {
  return mkdtempSync(join(tmpdir(), 'proxy-config-'));
}

describe('loadProxyConfig', () => {
  it('applies the documented defaults', () => {
    expect(loadProxyConfig({}, emptyDir())).toEqual({
      host: '127.0.0.1',
      port: 8080,
      baseUrl: 'https://api.openai.com/v1',
      upstreamConfigured: false,
      logLevel: 'info',
      apiTimeoutMs: 600_000,
      maxRetries: 1,
      pingIntervalMs: 15_000,
      streamIdleTimeoutMs: 120_000,
    });
  });

  it('reads every variable and trims the base URL', () => {
    const config = loadProxyConfig(
      {
        HOST: '0.0.0.0',
        PORT: '0',
        BASE_URL: 'https://openrouter.ai/api/v1/',
        OPENAI_API_KEY: 'sk-or-key',
        BIG_MODEL_NAME: 'anthropic/claude-sonnet-4',
        SMALL_MODEL_NAME: 'openai/gpt-4.1-mini',
        REFERRER_URL: 'https://example.org',
        LOG_LEVEL: 'DEBUG',
        API_TIMEOUT_MS: '1000',
        MAX_RETRIES: '0',
        CLIENT_API_KEY: 'client',
        INSPECTOR_TOKEN: 'inspect',
        PING_INTERVAL_MS: '500',
        STREAM_IDLE_TIMEOUT_MS: '30000',
      },
      emptyDir(),
    );
    expect(config).toEqual({
      host: '0.0.0.0',
      port: 0,
      baseUrl: 'https://openrouter.ai/api/v1',
      openaiApiKey: 'sk-or-key',
      upstreamConfigured: true,
      bigModel: 'anthropic/claude-sonnet-4',
      smallModel: 'openai/gpt-4.1-mini',
      referrerUrl: 'https://example.org',
      logLevel: 'debug',
      apiTimeoutMs: 1000,
      maxRetries: 0,
      clientApiKey: 'client',
      inspectorToken: 'inspect',
      pingIntervalMs: 500,
      streamIdleTimeoutMs: 30_000,
    });
  });

  it('treats empty values as unset', () => {
    const config = loadProxyConfig(
      { OPENAI_API_KEY: '', PORT: ' ', BIG_MODEL_NAME: '' },
      emptyDir(),
    );
    expect(config.openaiApiKey).toBeUndefined();
    expect(config.port).toBe(8080);
    expect(config.bigModel).toBeUndefined();
  });

  it('counts a BASE_URL without key as configured (local servers need none)', () => {
    expect(
      loadProxyConfig({ BASE_URL: 'http://localhost:11434/v1' }, emptyDir()).upstreamConfigured,
    ).toBe(true);
  });

  it('reads a .env file in the working directory, the environment winning', () => {
    const dir = emptyDir();
    writeFileSync(
      join(dir, '.env'),
      'OPENAI_API_KEY=from-file\nBIG_MODEL_NAME=file-model\nPORT=9000\n',
    );
    const config = loadProxyConfig({ PORT: '9100' }, dir);
    expect(config.openaiApiKey).toBe('from-file');
    expect(config.bigModel).toBe('file-model');
    expect(config.port).toBe(9100);
  });

  it('lists every invalid value in one clear error', () => {
    let error: unknown;
    try {
      loadProxyConfig(
        { PORT: '70000', BASE_URL: 'ftp://x', LOG_LEVEL: 'loud', API_TIMEOUT_MS: '-1' },
        emptyDir(),
      );
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ProxyConfigError);
    const message = (error as Error).message;
    expect(message).toContain('PORT must be a whole number from 0 to 65535 (got "70000")');
    expect(message).toContain('BASE_URL must be an http:// or https:// URL');
    expect(message).toContain('LOG_LEVEL must be one of');
    expect(message).toContain('API_TIMEOUT_MS');
  });
});

describe('publicUpstreamUrl', () => {
  it('drops credentials, query and fragment', () => {
    expect(publicUpstreamUrl('https://user:pw@host.example/v1/?key=secret#x')).toBe(
      'https://host.example/v1',
    );
  });
});

describe('configSecrets', () => {
  it('collects keys, tokens and URL credentials', () => {
    const config = loadProxyConfig(
      {
        OPENAI_API_KEY: 'k1',
        CLIENT_API_KEY: 'k2',
        INSPECTOR_TOKEN: 'k3',
        BASE_URL: 'https://u:pw@h.example/v1?api-key=k4',
      },
      emptyDir(),
    );
    expect(configSecrets(config).sort()).toEqual(['k1', 'k2', 'k3', 'k4', 'pw']);
  });
});
