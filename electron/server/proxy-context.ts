/**
 * What every route handler needs, built once per app: the configuration, the logger, the
 * (guarded) exchange tap, the upstream client cache, the redactor for outgoing error text
 * and the settings in effect. Providers, routes and keys are read from `settings()` on
 * every call, so a saved change applies to the very next request.
 */
import type { Settings } from '../../shared/settings/settings-schema.ts';
import type { ExchangeTap } from './exchange-tap.ts';
import type { Logger } from './logger.ts';
import type { ProxyConfig } from './proxy-config.ts';
import type { Redactor } from './secret-redactor.ts';
import type { UpstreamClients } from './upstream-client.ts';

export interface ProxyContext {
  config: ProxyConfig;
  logger: Logger;
  tap: ExchangeTap;
  upstream: UpstreamClients;
  redact: Redactor;
  settings: () => Settings;
}
