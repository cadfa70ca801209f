/**
 * The headless proxy assembled: settings (file + environment), the proxy server reading
 * them per call (through demo mode, which swaps in the simulated upstream while it is on),
 * the inspector with the settings and demo APIs, and the rebind on a changed address.
 * headless-main.ts runs it for `npm run headless`; tests start it in-process the same way.
 */
import type { ProxyStatus } from '../../shared/bridge.ts';
import { registerDemoApi } from './demo/demo-api.ts';
import { createDemoMode, type DemoMode } from './demo/demo-mode.ts';
import type { SimulatedUpstreamOptions } from './demo/simulated-upstream.ts';
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
  demo?: {
    /** Start in demo mode (`--demo`, DEMO=1). */
    enabled?: boolean;
    /** Send the sample calls when demo mode starts (default true). */
    sampleCalls?: boolean;
    /** Between two sample calls (default 2000 ms). */
    spacingMs?: number;
    upstream?: SimulatedUpstreamOptions;
  };
}

export interface HeadlessApp {
  proxy: RunningProxyServer;
  inspector: InspectorWiring;
  settings: HeadlessSettings;
  demo: DemoMode;
  /** Turns demo mode on (the inspector's "Try the demo"); answers the new status. */
  startDemo(): Promise<ProxyStatus>;
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
  // The sample calls need the proxy's URL, which exists only once it listens (below).
  const listening: { proxy?: RunningProxyServer } = {};
  const demoOptions = options.demo ?? {};
  const demo = createDemoMode({
    settings: service.get,
    ...(demoOptions.upstream === undefined ? {} : { upstream: demoOptions.upstream }),
    ...(demoOptions.sampleCalls === false
      ? {}
      : {
          sampleCalls: {
            proxyUrl: () => listening.proxy?.url,
            ...(demoOptions.spacingMs === undefined ? {} : { spacingMs: demoOptions.spacingMs }),
            onError: (error: unknown) =>
              settings.logger.warn({ err: error }, 'a demo sample call failed'),
          },
        }),
  });
  const startDemo = async (): Promise<ProxyStatus> => {
    if (demo.start()) {
      settings.logger.info('demo mode on: calls go to the simulated upstream');
      inspector.broadcastStatus();
    }
    return inspector.status();
  };
  const inspector = createInspectorWiring(config, {
    apiRoutes: (api) => {
      settings.apiRoutes(api);
      registerDemoApi(api, startDemo);
    },
    demo: demo.enabled,
    secrets: settings.secrets,
    upstreamConfigured: () => upstreamConfigured(service.get()),
    // The recorder's bounds are set once; changed limits apply at the next start.
    recorder: { maxExchanges: limits.maxExchanges, maxBytes: limits.maxMemoryMb * 1024 * 1024 },
    ...(options.staticDir === undefined ? {} : { staticDir: options.staticDir }),
  });
  const proxy = await startProxyServer({
    config: settings.listenConfig(),
    settings: demo.settings,
    upstreamFetch: demo.fetch,
    logger: settings.logger,
    tap: gatedTap(inspector.recorder, () => service.get().inspector.enabled),
    mount: inspector.mount,
    ...(options.closeGraceMs === undefined ? {} : { closeGraceMs: options.closeGraceMs }),
  });
  listening.proxy = proxy;
  settings.follow(proxy, (url) => options.moved?.(url, inspector.started(url)));
  const inspectorUrl = inspector.started(proxy.url);
  if (demoOptions.enabled) await startDemo();
  return {
    proxy,
    inspector,
    settings,
    demo,
    startDemo,
    inspectorUrl,
    close() {
      demo.close();
      inspector.close(); // open event streams would hold the close for its grace period
      return proxy.close();
    },
  };
}
