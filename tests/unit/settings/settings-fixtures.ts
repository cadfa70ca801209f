/** Small valid settings documents for the settings tests. */
import { defaultSettings } from '../../../shared/settings/settings-defaults.ts';
import type { ProviderSettings, Settings } from '../../../shared/settings/settings-schema.ts';

export function provider(
  overrides: Partial<ProviderSettings> & Pick<ProviderSettings, 'id'>,
): ProviderSettings {
  return {
    name: overrides.id,
    preset: 'custom',
    baseUrl: 'http://127.0.0.1:9/v1',
    extraHeaders: {},
    models: [],
    prices: {},
    quirks: {},
    ...overrides,
  };
}

/** Two providers (one with a key), routes on both, one rule with a fallback. */
export function sampleSettings(): Settings {
  const base = defaultSettings();
  return {
    ...base,
    providers: [
      provider({
        id: 'router',
        preset: 'openrouter',
        baseUrl: 'https://openrouter.ai/api/v1',
        apiKey: 'sk-or-v1-abcdefghijklmnop1234',
      }),
      provider({ id: 'local', preset: 'ollama', baseUrl: 'http://127.0.0.1:11434/v1' }),
    ],
    routes: {
      big: { provider: 'router', model: 'openai/gpt-4.1' },
      small: { provider: 'local', model: 'qwen3:8b' },
      rules: [
        {
          id: 'long',
          name: 'long context',
          enabled: true,
          when: { inputTokensAbove: 100_000 },
          target: { provider: 'router', model: 'google/gemini-2.5-pro' },
          fallback: { provider: 'local', model: 'qwen3:8b' },
        },
      ],
    },
  };
}
