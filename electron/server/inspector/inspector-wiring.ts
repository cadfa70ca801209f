/**
 * Everything the headless entry needs to run the inspector beside the proxy, in one object:
 * a recorder that hides the configured keys, the per-launch token (INSPECTOR_TOKEN, else 24
 * random bytes), the `mount` for startProxyServer, the URL to print, and a close() for
 * shutdown (open event streams would otherwise hold the server's close for its grace period).
 *
 *   const inspector = createInspectorWiring(config);
 *   const proxy = await startProxyServer({ config, tap: inspector.recorder, mount: inspector.mount });
 *   console.log(`Inspector: ${inspector.started(proxy.url)}`);
 */
import { fileURLToPath } from 'node:url';
import type { Express } from 'express';
import type { ProxyStatus } from '../../../shared/bridge.ts';
import { configSecrets, type ProxyConfig } from '../proxy-config.ts';
import { PROXY_VERSION } from '../proxy-version.ts';
import {
  createTrafficRecorder,
  type TrafficRecorder,
  type TrafficRecorderOptions,
} from '../recorder/traffic-recorder.ts';
import {
  inspectorUrl,
  mountInspector,
  type InspectorHandle,
  type InspectorOptions,
} from './mount-inspector.ts';
import { newInspectorToken } from './inspector-token.ts';

/** dist/renderer at the repository root, where `vite build` puts the UI. */
export const DEFAULT_INSPECTOR_STATIC_DIR = fileURLToPath(
  new URL('../../../dist/renderer', import.meta.url),
);

export interface InspectorWiringOptions {
  staticDir?: string;
  /** True when the built-in simulated upstream answers calls (read per status when a function). */
  demo?: boolean | (() => boolean);
  recorder?: Omit<TrafficRecorderOptions, 'secrets'>;
  keepAliveMs?: number;
  /** More API routes under /inspector/api behind the token (e.g. settings). */
  apiRoutes?: InspectorOptions['apiRoutes'];
  /** The keys recordings must hide, when they can change at run time (settings). */
  secrets?: () => readonly string[];
  /** Whether an upstream is configured, when settings can change it at run time. */
  upstreamConfigured?: () => boolean;
}

export interface InspectorWiring {
  recorder: TrafficRecorder;
  token: string;
  /** Pass as startProxyServer's `mount`. */
  mount: (app: Express) => void;
  /** Call once the server listens; returns the inspector URL to print. */
  started(proxyUrl: string): string;
  status(): ProxyStatus;
  /** Pushes the current status to every open inspector page now (e.g. demo mode went on). */
  broadcastStatus(): void;
  /** Ends open event streams and stops the recorder's timer. */
  close(): void;
}

export function createInspectorWiring(
  config: ProxyConfig,
  options: InspectorWiringOptions = {},
): InspectorWiring {
  const token = config.inspectorToken ?? newInspectorToken();
  const recorder = createTrafficRecorder({
    ...options.recorder,
    secrets: options.secrets ?? (() => configSecrets(config)),
  });
  let url: string | undefined;
  let handle: InspectorHandle | undefined;

  const status = (): ProxyStatus => ({
    state: url === undefined ? 'stopped' : 'running',
    ...(url === undefined ? {} : { url }),
    version: PROXY_VERSION,
    demo: typeof options.demo === 'function' ? options.demo() : (options.demo ?? false),
    upstreamConfigured: options.upstreamConfigured?.() ?? config.upstreamConfigured,
  });

  return {
    recorder,
    token,
    mount(app) {
      handle = mountInspector(app, {
        recorder,
        token,
        staticDir: options.staticDir ?? DEFAULT_INSPECTOR_STATIC_DIR,
        status,
        ...(options.keepAliveMs === undefined ? {} : { keepAliveMs: options.keepAliveMs }),
        ...(options.apiRoutes === undefined ? {} : { apiRoutes: options.apiRoutes }),
      });
    },
    started(proxyUrl) {
      url = proxyUrl;
      handle?.broadcastStatus();
      return inspectorUrl(proxyUrl, token);
    },
    status,
    broadcastStatus() {
      handle?.broadcastStatus();
    },
    close() {
      url = undefined;
      handle?.close();
      recorder.dispose();
    },
  };
}
