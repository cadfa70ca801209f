/**
 * The seed project's environment variables on top of the stored settings. They keep working
 * exactly as before and win over the file: BASE_URL / OPENAI_API_KEY / REFERRER_URL define
 * a provider of their own (id "env"), BIG_MODEL_NAME / SMALL_MODEL_NAME pin the big and small
 * routes, HOST / PORT / LOG_LEVEL / CLIENT_API_KEY the matching fields. The UI shows each
 * such field as "set by the environment", and a save keeps the stored value underneath, so
 * unsetting the variable brings the user's own choice back.
 *
 * Parsing and validation of the variables is proxy-config.ts's; this module only needs to
 * know which ones were really set (defaults do not override anything).
 */
import { detectPresetFromBaseUrl } from '../../../shared/providers/provider-presets.ts';
import type { EnvOverrides } from '../../../shared/settings/public-settings.ts';
import { defaultSettings, ENV_PROVIDER_ID } from '../../../shared/settings/settings-defaults.ts';
import type {
  LogLevel,
  ProviderSettings,
  Settings,
} from '../../../shared/settings/settings-schema.ts';
import { readDotenv, type ProxyConfig } from '../proxy-config.ts';

export interface EnvSettings {
  host?: string;
  port?: number;
  logLevel?: LogLevel;
  clientKey?: string;
  bigModel?: string;
  smallModel?: string;
  provider?: ProviderSettings;
  /** Which fields the variables pin, for the UI. */
  overrides: EnvOverrides;
}

/** Names of the variables set to a non-empty value in the environment or the `.env` file. */
export function setVariables(env: NodeJS.ProcessEnv, cwd: string): Set<string> {
  const merged: Record<string, string | undefined> = { ...readDotenv(cwd), ...env };
  return new Set(Object.keys(merged).filter((name) => (merged[name] ?? '').trim() !== ''));
}

export function envSettingsFrom(
  config: ProxyConfig,
  isSet: (name: string) => boolean,
): EnvSettings {
  const result: EnvSettings = { overrides: {} };
  const pin = (field: string, ...names: string[]) => {
    const present = names.filter(isSet);
    if (present.length > 0) result.overrides[field] = present.join(', ');
    return present.length > 0;
  };
  if (pin('server.host', 'HOST')) result.host = config.host;
  if (pin('server.port', 'PORT')) result.port = config.port;
  if (pin('logLevel', 'LOG_LEVEL')) result.logLevel = config.logLevel;
  if (pin('server.clientKey', 'CLIENT_API_KEY')) result.clientKey = config.clientApiKey;
  if (pin('routes.big', 'BIG_MODEL_NAME')) result.bigModel = config.bigModel;
  if (pin('routes.small', 'SMALL_MODEL_NAME')) result.smallModel = config.smallModel;
  if (
    config.upstreamConfigured &&
    pin(`provider:${ENV_PROVIDER_ID}`, 'BASE_URL', 'OPENAI_API_KEY', 'REFERRER_URL')
  ) {
    result.provider = {
      id: ENV_PROVIDER_ID,
      name: 'Environment',
      preset: detectPresetFromBaseUrl(config.baseUrl),
      baseUrl: config.baseUrl,
      ...(config.openaiApiKey ? { apiKey: config.openaiApiKey } : {}),
      ...(config.referrerUrl ? { referrerUrl: config.referrerUrl } : {}),
      extraHeaders: {},
      models: [],
      prices: {},
      quirks: {},
    };
  }
  return result;
}

/**
 * What a first run (nothing stored) starts from: the defaults, aimed at the environment's
 * provider when there is one. As in the seed, one pinned tier serves both when only
 * BIG_MODEL_NAME or SMALL_MODEL_NAME is set: a default model of another vendor would 404.
 */
export function firstRunSettings(env: EnvSettings): Settings {
  const settings = defaultSettings({ envProvider: env.provider !== undefined });
  const only =
    env.bigModel === undefined
      ? env.smallModel
      : env.smallModel === undefined
        ? env.bigModel
        : undefined;
  if (only === undefined) return settings;
  const { big, small } = settings.routes;
  return {
    ...settings,
    routes: { ...settings.routes, big: { ...big, model: only }, small: { ...small, model: only } },
  };
}

/** The variables a ProxyConfig stands for; its listener fields and log level always count. */
function configVariables(config: ProxyConfig): (name: string) => boolean {
  const present: Record<string, boolean> = {
    HOST: true,
    PORT: true,
    LOG_LEVEL: true,
    CLIENT_API_KEY: config.clientApiKey !== undefined,
    BIG_MODEL_NAME: config.bigModel !== undefined,
    SMALL_MODEL_NAME: config.smallModel !== undefined,
    BASE_URL: config.upstreamConfigured,
    OPENAI_API_KEY: config.openaiApiKey !== undefined,
    REFERRER_URL: config.referrerUrl !== undefined,
  };
  return (name) => present[name] ?? false;
}

/** The settings a ProxyConfig alone describes, for a server started without a settings service. */
export function settingsFromConfig(config: ProxyConfig): Settings {
  const env = envSettingsFrom(config, configVariables(config));
  return overlayEnv(firstRunSettings(env), env);
}

/** The effective settings: `base` with every variable that is set forced on top. */
export function overlayEnv(base: Settings, env: EnvSettings): Settings {
  const server = { ...base.server };
  if (env.host !== undefined) server.host = env.host;
  if (env.port !== undefined) server.port = env.port;
  if (env.clientKey !== undefined) server.clientKey = env.clientKey;
  let providers = base.providers;
  if (env.provider) {
    const at = providers.findIndex((provider) => provider.id === ENV_PROVIDER_ID);
    // Keep the place the form gave it, so error paths match the submitted list.
    providers = at >= 0 ? providers.with(at, env.provider) : [...providers, env.provider];
  }
  const envProvider = env.provider?.id;
  const routes = { ...base.routes };
  if (env.bigModel !== undefined)
    routes.big = { provider: envProvider ?? routes.big.provider, model: env.bigModel };
  if (env.smallModel !== undefined) {
    routes.small = { provider: envProvider ?? routes.small.provider, model: env.smallModel };
  }
  return { ...base, server, providers, routes, logLevel: env.logLevel ?? base.logLevel };
}

/**
 * What to store after the user saved `edited` (effective values): the environment's
 * provider is dropped and every pinned field keeps its stored value from `stored`.
 */
export function withoutEnv(edited: Settings, stored: Settings, env: EnvSettings): Settings {
  const server = { ...edited.server };
  if (env.host !== undefined) server.host = stored.server.host;
  if (env.port !== undefined) server.port = stored.server.port;
  if (env.clientKey !== undefined) {
    delete server.clientKey;
    if (stored.server.clientKey !== undefined) server.clientKey = stored.server.clientKey;
  }
  const routes = { ...edited.routes };
  if (env.bigModel !== undefined) routes.big = stored.routes.big;
  if (env.smallModel !== undefined) routes.small = stored.routes.small;
  return {
    ...edited,
    server,
    providers: env.provider
      ? edited.providers.filter((provider) => provider.id !== ENV_PROVIDER_ID)
      : edited.providers,
    routes,
    logLevel: env.logLevel !== undefined ? stored.logLevel : edited.logLevel,
  };
}
