/**
 * The settings API as the inspector serves it (mountInspector's apiRoutes, token-guarded) on
 * a loopback express app, over a real settings service with its file in a temp directory,
 * and a mock OpenAI upstream the provider checks call. Shared by the settings-*.test.ts
 * files; not a test itself.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { mountInspector } from '../../electron/server/inspector/mount-inspector.ts';
import { createProxyLogger } from '../../electron/server/logger.ts';
import { createTrafficRecorder } from '../../electron/server/recorder/traffic-recorder.ts';
import { createRedactor } from '../../electron/server/secret-redactor.ts';
import { JsonFileSettingsStore } from '../../electron/server/settings/json-file-settings-store.ts';
import { createProviderChecker } from '../../electron/server/settings/provider-checks.ts';
import { registerSettingsApi } from '../../electron/server/settings/settings-api.ts';
import { createSettingsBridgeApi } from '../../electron/server/settings/settings-bridge-api.ts';
import {
  openSettingsService,
  type SettingsService,
} from '../../electron/server/settings/settings-service.ts';
import { settingsFilePath } from '../../electron/server/settings/settings-paths.ts';
import { createUpstreamClients } from '../../electron/server/upstream-client.ts';
import { settingsSecrets } from '../../shared/settings/settings-secrets.ts';
import type { Settings } from '../../shared/settings/settings-schema.ts';
import { startMockUpstream, type MockUpstream } from '../support/mock-openai-upstream.ts';
import { mockProvider, mockSettings } from '../support/mock-settings.ts';
import { fakeRendererDir, INSPECTOR_TOKEN } from './inspector-test-server.ts';

export const PROVIDER_KEY = 'sk-settings-provider-key-ABCD1234';

export interface SettingsTestServer {
  url: string;
  upstream: MockUpstream;
  service: SettingsService;
  file: string;
  api(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/** One provider ("mock") on the mock upstream with a key, both routes on it. */
export function settingsOnMock(upstreamUrl: string): Settings {
  return mockSettings(
    [
      mockProvider({
        id: 'mock',
        name: 'Mock upstream',
        baseUrl: upstreamUrl,
        apiKey: PROVIDER_KEY,
        models: ['mock-big'],
      }),
    ],
    {
      big: { provider: 'mock', model: 'mock-big' },
      small: { provider: 'mock', model: 'mock-small' },
    },
    { server: { host: '127.0.0.1', port: 8080 } },
  );
}

export async function startSettingsTestServer(): Promise<SettingsTestServer> {
  const upstream = await startMockUpstream();
  const dir = await mkdtemp(join(tmpdir(), 'settings-api-'));
  const file = settingsFilePath({ ANTHROPIC_PROXY_CONFIG_DIR: dir });
  const store = new JsonFileSettingsStore(file);
  await store.save(settingsOnMock(upstream.url));
  const service = await openSettingsService({ store });
  const redact = (text: string) => createRedactor(settingsSecrets(service.get()))(text);
  const checker = createProviderChecker({
    clients: createUpstreamClients(createProxyLogger({ level: 'silent', secrets: [] })),
    redact,
    timeoutMs: 5000,
  });
  const app = express();
  mountInspector(app, {
    recorder: createTrafficRecorder(),
    token: INSPECTOR_TOKEN,
    staticDir: fakeRendererDir(),
    status: () => ({ state: 'running', version: 'test', demo: false, upstreamConfigured: true }),
    apiRoutes: (api) => registerSettingsApi(api, createSettingsBridgeApi(service, checker)),
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    upstream,
    service,
    file,
    api: (path, init = {}) =>
      fetch(`${url}/inspector/api${path}`, {
        ...init,
        headers: {
          'x-inspector-token': INSPECTOR_TOKEN,
          'content-type': 'application/json',
          ...init.headers,
        },
      }),
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await upstream.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
