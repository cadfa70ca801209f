/**
 * The desktop app edits its configuration in the settings form, while startProxyServer takes
 * a ProxyConfig. This lays the effective settings (stored + environment, from the settings
 * service) over the environment's ProxyConfig: listener, client key and log level from
 * `server`/`logLevel`, the upstream from the provider the big route names, the big and small
 * models from the routes. Timeouts, retries and pings keep the environment's values.
 */
import type { Settings } from '../../shared/settings/settings-schema.ts';
import type { ProxyConfig } from '../server/proxy-config.ts';
import { upstreamConfigured } from '../server/settings/upstream-plan.ts';

export function proxyConfigFromSettings(settings: Settings, base: ProxyConfig): ProxyConfig {
  const provider = settings.providers.find((p) => p.id === settings.routes.big.provider);
  const config: ProxyConfig = {
    host: settings.server.host,
    port: settings.server.port,
    baseUrl: (provider?.baseUrl ?? base.baseUrl).replace(/\/+$/, ''),
    upstreamConfigured: upstreamConfigured(settings),
    bigModel: settings.routes.big.model,
    smallModel: settings.routes.small.model,
    logLevel: settings.logLevel,
    apiTimeoutMs: base.apiTimeoutMs,
    maxRetries: base.maxRetries,
    pingIntervalMs: base.pingIntervalMs,
  };
  if (provider?.apiKey) config.openaiApiKey = provider.apiKey;
  if (provider?.referrerUrl) config.referrerUrl = provider.referrerUrl;
  if (settings.server.clientKey) config.clientApiKey = settings.server.clientKey;
  return config;
}

/** The settings a running listener depends on: a change here means a restart. */
export function listenerRelevantSettings(settings: Settings): string {
  const { server, providers, routes, logLevel } = settings;
  return JSON.stringify({ server, providers, routes, logLevel });
}
