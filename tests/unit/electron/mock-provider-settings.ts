/**
 * Settings for the desktop tests: one provider ("mock") pointing at a mock OpenAI upstream,
 * both routes on it, kept in memory by a SettingsStore stand-in.
 */
import type { SettingsStore } from '../../../electron/server/settings/settings-store.ts';
import { defaultSettings } from '../../../shared/settings/settings-defaults.ts';
import type { Settings } from '../../../shared/settings/settings-schema.ts';

export function mockProviderSettings(options: {
  upstreamUrl: string;
  apiKey: string;
  model: string;
  port?: number;
  logLevel?: Settings['logLevel'];
}): Settings {
  const base = defaultSettings();
  return {
    ...base,
    server: { host: '127.0.0.1', port: options.port ?? 0 },
    providers: [
      {
        id: 'mock',
        name: 'Mock',
        preset: 'custom',
        baseUrl: options.upstreamUrl,
        apiKey: options.apiKey,
        extraHeaders: {},
        models: [],
        prices: {},
        quirks: {},
      },
    ],
    routes: {
      big: { provider: 'mock', model: options.model },
      small: { provider: 'mock', model: options.model },
      rules: [],
    },
    logLevel: options.logLevel ?? base.logLevel,
  };
}

/** A store that keeps what is saved in memory, starting from `initial`. */
export function memorySettingsStore(initial: Settings): SettingsStore {
  let stored = initial;
  return {
    location: 'memory',
    load: async () => ({ kind: 'loaded', settings: stored }),
    save: async (settings) => {
      stored = settings;
    },
  };
}
