/**
 * The settings side of `npm run headless`: the settings file in the user's config directory
 * under the environment's variables, a logger and redactor that know every saved key, the
 * settings API for the inspector mount, and `follow()`, which applies what the server cannot
 * read per call: the log level at once, and a new host or port by rebinding the listener
 * before the change is stored (a port that cannot be bound refuses the save).
 */
import type { Router } from 'express';
import type { DestinationStream } from 'pino';
import type { Settings } from '../../../shared/settings/settings-schema.ts';
import { settingsSecrets } from '../../../shared/settings/settings-secrets.ts';
import type { FieldError } from '../../../shared/settings/settings-validation.ts';
import { createProxyLogger, type Logger } from '../logger.ts';
import { configSecrets, type ProxyConfig } from '../proxy-config.ts';
import type { Redactor } from '../secret-redactor.ts';
import type { RunningProxyServer } from '../start-proxy-server.ts';
import { createUpstreamClients } from '../upstream-client.ts';
import { envSettingsFrom, setVariables } from './env-overlay.ts';
import { JsonFileSettingsStore } from './json-file-settings-store.ts';
import { createProviderChecker } from './provider-checks.ts';
import { registerSettingsApi } from './settings-api.ts';
import { createSettingsBridgeApi } from './settings-bridge-api.ts';
import { settingsFilePath } from './settings-paths.ts';
import { settingsRedactor } from './settings-redactor.ts';
import { openSettingsService, type SettingsService } from './settings-service.ts';

export interface HeadlessSettings {
  service: SettingsService;
  logger: Logger;
  redact: Redactor;
  /** Every secret to hide: the config's own plus the saved keys. */
  secrets(): string[];
  /** For the inspector's `apiRoutes`. */
  apiRoutes(api: Router): void;
  /** The listener settings as startProxyServer's config wants them. */
  listenConfig(): ProxyConfig;
  /** From now on, saved host/port changes rebind `proxy`; `moved` hears the new URL. */
  follow(proxy: RunningProxyServer, moved: (url: string) => void): void;
}

export interface HeadlessSettingsOptions {
  config: ProxyConfig;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Defaults to ANTHROPIC_PROXY_CONFIG_DIR, $XDG_CONFIG_HOME or ~/.config. */
  file?: string;
  /** Where problems with the stored settings are told (stderr). */
  warn(message: string): void;
  /** The log's destination; stdout by default (tests capture it). */
  logDestination?: DestinationStream;
}

export async function openHeadlessSettings(
  options: HeadlessSettingsOptions,
): Promise<HeadlessSettings> {
  const { config } = options;
  const present = setVariables(options.env, options.cwd);
  let proxy: RunningProxyServer | undefined;
  let moved: (url: string) => void = () => undefined;

  const prepare = async (next: Settings, previous: Settings): Promise<FieldError[]> => {
    const { host, port } = next.server;
    if (!proxy || (host === previous.server.host && port === previous.server.port)) return [];
    try {
      await proxy.rebind(host, port);
      moved(proxy.url);
      return [];
    } catch (error) {
      return [
        {
          path: 'server.port',
          message: `Cannot listen on ${host}:${port}: ${(error as Error).message}`,
        },
      ];
    }
  };

  const service = await openSettingsService({
    store: new JsonFileSettingsStore(options.file ?? settingsFilePath(options.env)),
    env: envSettingsFrom(config, (name) => present.has(name)),
    warn: options.warn,
    prepare,
  });
  const redact = settingsRedactor(service.get, configSecrets(config));
  const logger = createProxyLogger({
    level: service.get().logLevel,
    secrets: [],
    redact,
    ...(options.logDestination === undefined ? {} : { destination: options.logDestination }),
  });
  const checker = createProviderChecker({ clients: createUpstreamClients(logger), redact });
  const bridgeApi = createSettingsBridgeApi(service, checker);
  service.subscribe((next) => {
    logger.level = next.logLevel;
  });

  return {
    service,
    logger,
    redact,
    secrets: () => [...configSecrets(config), ...settingsSecrets(service.get())],
    apiRoutes: (api) => registerSettingsApi(api, bridgeApi),
    listenConfig: () => ({
      ...config,
      host: service.get().server.host,
      port: service.get().server.port,
    }),
    follow(running, onMoved) {
      proxy = running;
      moved = onMoved;
    },
  };
}
