/**
 * The headless proxy assembled: settings (file + environment), the proxy server reading
 * them per call, the inspector with the settings API, and the rebind on a changed address.
 * headless-main.ts runs it for `npm run headless`; tests start it in-process the same way.
 */
import { createInspectorWiring, type InspectorWiring } from './inspector/inspector-wiring.ts';
import type { ProxyConfig } from './proxy-config.ts';
import { gatedTap } from './settings/gated-tap.ts';
import {
  openHeadlessSettings,
  type HeadlessSettings,
  type HeadlessSettingsOptions,
} from './settings/headless-settings.ts';
import { upstreamConfigured } from './settings/upstream-plan.ts';
import { startProxyServer, type RunningProxyServer } from './start-proxy-server.ts';

export interface HeadlessAppOptions {
  config: ProxyConfig;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** The built UI; defaults to dist/renderer. */
  staticDir?: string;
  /** Told about unusable settings and the like (stderr in the CLI). */
  warn(message: string): void;
  /** Told the new URLs after a saved host/port change moved the listener. */
  moved?(proxyUrl: string, inspectorUrl: string): void;
  closeGraceMs?: number;
  /** The log's destination; stdout by default (tests capture it). */
  logDestination?: HeadlessSettingsOptions['logDestination'];
}

export interface HeadlessApp {
  proxy: RunningProxyServer;
  inspector: InspectorWiring;
  settings: HeadlessSettings;
  /** The inspector URL with its token. */
  inspectorUrl: string;
  close(): Promise<void>;
}

export async function startHeadlessApp(options: HeadlessAppOptions): Promise<HeadlessApp> {
  const { config } = options;
  const settings = await openHeadlessSettings({
    config,
    env: options.env,
    cwd: options.cwd,
    warn: options.warn,
    ...(options.logDestination === undefined ? {} : { logDestination: options.logDestination }),
  });
  const { service } = settings;
  const { inspector: limits } = service.get();
  const inspector = createInspectorWiring(config, {
    apiRoutes: settings.apiRoutes,
    secrets: settings.secrets,
    upstreamConfigured: () => upstreamConfigured(service.get()),
    // The recorder's bounds are set once; changed limits apply at the next start.
    recorder: { maxExchanges: limits.maxExchanges, maxBytes: limits.maxMemoryMb * 1024 * 1024 },
    ...(options.staticDir === undefined ? {} : { staticDir: options.staticDir }),
  });
  const proxy = await startProxyServer({
    config: settings.listenConfig(),
    settings: service.get,
    logger: settings.logger,
    tap: gatedTap(inspector.recorder, () => service.get().inspector.enabled),
    mount: inspector.mount,
    ...(options.closeGraceMs === undefined ? {} : { closeGraceMs: options.closeGraceMs }),
  });
  settings.follow(proxy, (url) => options.moved?.(url, inspector.started(url)));
  return {
    proxy,
    inspector,
    settings,
    inspectorUrl: inspector.started(proxy.url),
    close() {
      inspector.close(); // open event streams would hold the close for its grace period
      return proxy.close();
    },
  };
}
