/**
 * Settings documents for tests that run the proxy on a mock upstream: providers on loopback
 * mocks, routes on them, the listener on 127.0.0.1 port 0 and the log silent unless asked.
 */
import type {
  ProviderSettings,
  RoutesSettings,
  Settings,
} from '../../shared/settings/settings-schema.ts';

export function mockProvider(
  provider: Pick<ProviderSettings, 'id' | 'baseUrl'> & Partial<ProviderSettings>,
): ProviderSettings {
  return {
    name: provider.id,
    preset: 'custom',
    extraHeaders: {},
    models: [],
    prices: {},
    quirks: {},
    ...provider,
  };
}

export function mockSettings(
  providers: ProviderSettings[],
  routes: Omit<RoutesSettings, 'rules'> & Partial<Pick<RoutesSettings, 'rules'>>,
  extra: Partial<Omit<Settings, 'providers' | 'routes'>> = {},
): Settings {
  return {
    version: 1,
    server: { host: '127.0.0.1', port: 0 },
    inspector: { enabled: true, maxExchanges: 100, maxMemoryMb: 64 },
    logLevel: 'silent',
    ...extra,
    providers,
    routes: { rules: [], ...routes },
  };
}
