/**
 * The real headless app (settings file, inspector with its settings and demo APIs) for the
 * security tests: a settings file in its own temp directory (never the user's), a mock
 * upstream behind a provider with a planted key, env-style variables as a user would set
 * them, and every log line captured. `close()` removes the directory.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHeadlessApp, type HeadlessApp } from '../../electron/server/headless-app.ts';
import { loadProxyConfig } from '../../electron/server/proxy-config.ts';
import type { ServerSettings, Settings } from '../../shared/settings/settings-schema.ts';
import { mockProvider, mockSettings } from '../support/mock-settings.ts';

export const PLANTED_UPSTREAM_KEY = 'sk-planted-UPSTREAM-4f1c9a7e2b8d0635';
export const PLANTED_CLIENT_KEY = 'planted-CLIENT-key-9e27c4b1a5d3f608';
export const SECURITY_INSPECTOR_TOKEN = 'security-inspector-token-5a1e';

export interface SecurityAppOptions {
  /** The mock upstream's url; the provider "mock" points there with PLANTED_UPSTREAM_KEY. */
  upstreamUrl?: string;
  server?: Partial<ServerSettings>;
  logLevel?: Settings['logLevel'];
  /** Environment variables (HOST, CLIENT_API_KEY, ...). */
  env?: Record<string, string>;
  /** The built UI; by default a placeholder page and one asset (API tests need no real UI). */
  staticDir?: string;
}

export interface SecurityApp {
  app: HeadlessApp;
  url: string;
  token: string;
  dir: string;
  /** Every log line and warning so far. */
  logs: string[];
  close(): Promise<void>;
}

export async function writeSecuritySettings(
  dir: string,
  options: Pick<SecurityAppOptions, 'upstreamUrl' | 'server' | 'logLevel'>,
): Promise<void> {
  const settings = mockSettings(
    [
      mockProvider({
        id: 'mock',
        name: 'Mock upstream',
        baseUrl: options.upstreamUrl ?? 'http://127.0.0.1:9/v1',
        apiKey: PLANTED_UPSTREAM_KEY,
        models: ['mock-big', 'mock-small'],
      }),
    ],
    {
      big: { provider: 'mock', model: 'mock-big' },
      small: { provider: 'mock', model: 'mock-small' },
    },
    {
      server: { host: '127.0.0.1', port: 0, ...options.server },
      logLevel: options.logLevel ?? 'info',
    },
  );
  await writeFile(join(dir, 'settings.json'), JSON.stringify(settings), { mode: 0o600 });
}

/** Starts the app; rejects (and cleans up) when it refuses to start. */
export async function startSecurityApp(options: SecurityAppOptions = {}): Promise<SecurityApp> {
  const dir = await mkdtemp(join(tmpdir(), 'security-'));
  const logs: string[] = [];
  try {
    await writeSecuritySettings(dir, options);
    // A stand-in UI: the page handler and the static files need something to serve.
    const placeholderUi = join(dir, 'ui');
    await mkdir(join(placeholderUi, 'assets'), { recursive: true });
    await writeFile(join(placeholderUi, 'index.html'), '<!doctype html><title>inspector</title>');
    await writeFile(join(placeholderUi, 'assets', 'app.js'), 'export {};');
    const env = {
      ANTHROPIC_PROXY_CONFIG_DIR: dir,
      INSPECTOR_TOKEN: SECURITY_INSPECTOR_TOKEN,
      MAX_RETRIES: '0',
      ...options.env,
    };
    const app = await startHeadlessApp({
      config: loadProxyConfig(env, dir),
      env,
      cwd: dir,
      staticDir: options.staticDir ?? placeholderUi,
      warn: (message) => logs.push(`WARNING ${message}`),
      logDestination: { write: (line: string) => void logs.push(line) },
      closeGraceMs: 100,
      demo: { sampleCalls: false },
    });
    return {
      app,
      url: app.proxy.url,
      token: SECURITY_INSPECTOR_TOKEN,
      dir,
      logs,
      async close() {
        await app.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    (error as { logs?: string[] }).logs = logs;
    throw error;
  }
}
