/**
 * The settings a first run starts from: the proxy on loopback, OpenAI's endpoint without a
 * key (calls then get a setup error that says what to configure), and the seed project's
 * default models. When the environment defines an upstream (BASE_URL / OPENAI_API_KEY), the
 * routes point at that provider instead, which is what a user of the seed expects.
 */
import { SETTINGS_VERSION, type Settings } from './settings-schema.ts';

export const DEFAULT_BIG_MODEL = 'gpt-4.1';
export const DEFAULT_SMALL_MODEL = 'gpt-4.1-mini';

/** The id of the provider that BASE_URL / OPENAI_API_KEY define; users cannot take it. */
export const ENV_PROVIDER_ID = 'env';

export function defaultSettings(options: { envProvider?: boolean } = {}): Settings {
  const provider = options.envProvider ? ENV_PROVIDER_ID : 'openai';
  return {
    version: SETTINGS_VERSION,
    server: { host: '127.0.0.1', port: 8080 },
    providers: options.envProvider
      ? []
      : [
          {
            id: 'openai',
            name: 'OpenAI',
            preset: 'openai',
            baseUrl: 'https://api.openai.com/v1',
            extraHeaders: {},
            models: [],
            prices: {},
            quirks: {},
          },
        ],
    routes: {
      big: { provider, model: DEFAULT_BIG_MODEL },
      small: { provider, model: DEFAULT_SMALL_MODEL },
      rules: [],
    },
    inspector: { enabled: true, maxExchanges: 1000, maxMemoryMb: 100 },
    logLevel: 'info',
  };
}
