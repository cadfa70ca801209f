/**
 * What every route handler needs, built once per app: the configuration, the logger, the
 * (guarded) exchange tap, the upstream client cache, the redactor for outgoing error text
 * and the provider preset detected from the base URL.
 */
import type { ProviderPresetId } from '../../shared/providers/provider-presets.ts';
import type { ModelRoutes } from '../../shared/routing/model-router.ts';
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
  provider: ProviderPresetId;
  routes: ModelRoutes;
}
