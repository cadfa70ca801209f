/**
 * The settings side of the desktop app, the counterpart of headless-settings.ts: the
 * settings service over the electron-store store (keys encrypted) under the environment's
 * variables, a logger and redactor that know every saved key, the settings half of the
 * bridge, and the one thing the server cannot read per call, the listener's address: a
 * saved host/port change moves the running listener before it is stored, and a port that
 * cannot be bound refuses the save with a field error (the form shows it on the port).
 */
import type { SettingsBridgeApi } from '../../shared/bridge.ts';
import type { Settings } from '../../shared/settings/settings-schema.ts';
import { settingsSecrets } from '../../shared/settings/settings-secrets.ts';
import type { FieldError } from '../../shared/settings/settings-validation.ts';
import { createProxyLogger, type Logger } from '../server/logger.ts';
import { configSecrets, type ProxyConfig } from '../server/proxy-config.ts';
import type { EnvSettings } from '../server/settings/env-overlay.ts';
import { createProviderChecker } from '../server/settings/provider-checks.ts';
import { createSettingsBridgeApi } from '../server/settings/settings-bridge-api.ts';
import { settingsRedactor } from '../server/settings/settings-redactor.ts';
import { openSettingsService, type SettingsService } from '../server/settings/settings-service.ts';
import type { SettingsStore } from '../server/settings/settings-store.ts';
import { createUpstreamClients } from '../server/upstream-client.ts';

/** Moves the running listener; `ok` when nothing runs (the next start reads the settings). */
export type Rebind = (
  host: string,
  port: number,
) => Promise<{ ok: true } | { ok: false; message: string }>;

export interface DesktopSettings {
  service: SettingsService;
  logger: Logger;
  /** Every secret recordings and logs must hide: the environment's plus the saved keys. */
  secrets(): string[];
  bridgeApi: SettingsBridgeApi;
  /** startProxyServer's config: the environment's, with the listener from the settings. */
  listenConfig(): ProxyConfig;
  /** From now on, saved host/port changes go through `rebind` before they are stored. */
  follow(rebind: Rebind): void;
}

export interface DesktopSettingsOptions {
  store: SettingsStore;
  /** The environment's configuration (HOST, PORT, BASE_URL, ... and timeouts). */
  config: ProxyConfig;
  env: EnvSettings;
  warn(message: string): void;
}

export async function openDesktopSettings(
  options: DesktopSettingsOptions,
): Promise<DesktopSettings> {
  const { config } = options;
  let rebind: Rebind = async () => ({ ok: true });

  const prepare = async (next: Settings, previous: Settings): Promise<FieldError[]> => {
    const { host, port } = next.server;
    if (host === previous.server.host && port === previous.server.port) return [];
    const moved = await rebind(host, port);
    return moved.ok
      ? []
      : [{ path: 'server.port', message: `Cannot listen on ${host}:${port}: ${moved.message}` }];
  };

  const service = await openSettingsService({
    store: options.store,
    env: options.env,
    warn: options.warn,
    prepare,
  });
  const redact = settingsRedactor(service.get, configSecrets(config));
  const logger = createProxyLogger({ level: service.get().logLevel, secrets: [], redact });
  service.subscribe((next) => {
    logger.level = next.logLevel;
  });
  const checker = createProviderChecker({ clients: createUpstreamClients(logger), redact });

  return {
    service,
    logger,
    secrets: () => [...configSecrets(config), ...settingsSecrets(service.get())],
    bridgeApi: createSettingsBridgeApi(service, checker),
    listenConfig: () => ({
      ...config,
      host: service.get().server.host,
      port: service.get().server.port,
    }),
    follow(next) {
      rebind = next;
    },
  };
}
