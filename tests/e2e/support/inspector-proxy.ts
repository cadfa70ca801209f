/**
 * The real headless proxy with its inspector, for browser tests: configured like a user
 * would (env-style values), pointed at a mock upstream, on 127.0.0.1 port 0, serving the
 * built UI. Returns the inspector URL (with its token), the recorder (to inject traffic
 * directly for scale tests) and an official Anthropic SDK client aimed at the proxy.
 */
import Anthropic from '@anthropic-ai/sdk';
import {
  createInspectorWiring,
  type InspectorWiring,
} from '../../../electron/server/inspector/inspector-wiring.ts';
import { createProxyLogger } from '../../../electron/server/logger.ts';
import { configSecrets, loadProxyConfig } from '../../../electron/server/proxy-config.ts';
import type { TrafficRecorderOptions } from '../../../electron/server/recorder/traffic-recorder.ts';
import {
  startProxyServer,
  type RunningProxyServer,
} from '../../../electron/server/start-proxy-server.ts';
import { ensureRendererBuilt } from './renderer-build.ts';

/** Planted secrets: the tests assert neither appears anywhere in the page or the API. */
export const PLANTED_UPSTREAM_KEY = 'sk-or-PLANTED-upstream-7f3a9c2e51d84b06';
export const PLANTED_CLIENT_KEY = 'sk-ant-PLANTED-client-0c9e4d7b2a6f1358';
export const INSPECTOR_TEST_TOKEN = 'e2e-inspector-token-4b1d';

export interface InspectorProxy {
  url: string;
  inspectorUrl: string;
  token: string;
  wiring: InspectorWiring;
  server: RunningProxyServer;
  client: Anthropic;
  /** GET an inspector API path (e.g. "/exchanges") with the token; returns the raw text. */
  api(path: string): Promise<string>;
  close(): Promise<void>;
}

export interface InspectorProxyOptions {
  /** A mock upstream's url; omit for a proxy with no upstream configured. */
  upstreamUrl?: string;
  recorder?: Omit<TrafficRecorderOptions, 'secrets'>;
  demo?: boolean;
  /** More env-style settings, overriding the defaults here (e.g. BIG_MODEL_NAME). */
  env?: Record<string, string>;
}

export async function startInspectorProxy(
  options: InspectorProxyOptions = {},
): Promise<InspectorProxy> {
  const staticDir = await ensureRendererBuilt();
  const config = loadProxyConfig(
    {
      PORT: '0',
      MAX_RETRIES: '0',
      LOG_LEVEL: 'warn',
      BIG_MODEL_NAME: 'gpt-5-mini',
      SMALL_MODEL_NAME: 'gpt-4.1-nano',
      INSPECTOR_TOKEN: INSPECTOR_TEST_TOKEN,
      ...(options.upstreamUrl && {
        BASE_URL: options.upstreamUrl,
        OPENAI_API_KEY: PLANTED_UPSTREAM_KEY,
      }),
      ...options.env,
    },
    import.meta.dirname,
  );
  const logger = createProxyLogger({
    level: config.logLevel,
    secrets: configSecrets(config),
    destination: { write: () => {} },
  });
  const wiring = createInspectorWiring(config, {
    staticDir,
    ...(options.recorder && { recorder: options.recorder }),
    ...(options.demo !== undefined && { demo: options.demo }),
  });
  const server = await startProxyServer({
    config,
    logger,
    tap: wiring.recorder,
    mount: wiring.mount,
    closeGraceMs: 200,
  });
  const inspectorUrl = wiring.started(server.url);
  const client = new Anthropic({ baseURL: server.url, apiKey: PLANTED_CLIENT_KEY, maxRetries: 0 });
  return {
    url: server.url,
    inspectorUrl,
    token: wiring.token,
    wiring,
    server,
    client,
    async api(path) {
      const response = await fetch(`${server.url}/inspector/api${path}`, {
        headers: { 'X-Inspector-Token': wiring.token },
      });
      return response.text();
    },
    async close() {
      wiring.close();
      await server.close();
    },
  };
}
