/**
 * Starts the real proxy server for a test: configured from env-style values (as a user
 * would), pointed at a mock upstream, on 127.0.0.1 port 0, with its pino output captured so
 * tests can read (and grep) the logs. Returns an official Anthropic SDK client aimed at it
 * with retries off, so each error surfaces exactly once.
 */
import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll } from 'vitest';
import type { ExchangeTap } from '../../electron/server/exchange-tap.ts';
import { createProxyLogger } from '../../electron/server/logger.ts';
import {
  configSecrets,
  loadProxyConfig,
  type ProxyConfig,
} from '../../electron/server/proxy-config.ts';
import {
  startProxyServer,
  type RunningProxyServer,
} from '../../electron/server/start-proxy-server.ts';
import { startMockUpstream, type MockUpstream } from './mock-openai-upstream.ts';

/** Planted upstream key: tests assert it never shows up in logs or answers. */
export const TEST_UPSTREAM_KEY = 'sk-test-UPSTREAMSECRET-0123456789abcdef';

export interface TestProxy {
  url: string;
  config: ProxyConfig;
  server: RunningProxyServer;
  client: Anthropic;
  /** Every log line written so far. */
  logs: string[];
  close(): Promise<void>;
}

export interface TestProxyOptions {
  /** The upstream base URL (a mock's `url`); omit for an unconfigured proxy. */
  upstreamUrl?: string;
  /** Extra env-style settings, e.g. { CLIENT_API_KEY: '...' }. */
  env?: Record<string, string>;
  tap?: ExchangeTap;
}

export async function startTestProxy(options: TestProxyOptions = {}): Promise<TestProxy> {
  const env: Record<string, string> = {
    PORT: '0',
    MAX_RETRIES: '0',
    LOG_LEVEL: 'info',
    BIG_MODEL_NAME: 'big-model',
    SMALL_MODEL_NAME: 'small-model',
    ...(options.upstreamUrl && {
      BASE_URL: options.upstreamUrl,
      OPENAI_API_KEY: TEST_UPSTREAM_KEY,
    }),
    ...options.env,
  };
  // tests/support holds no .env file, so only these values count.
  const config = loadProxyConfig(env, import.meta.dirname);
  const logs: string[] = [];
  const logger = createProxyLogger({
    level: config.logLevel,
    secrets: configSecrets(config),
    destination: { write: (line: string) => void logs.push(line) },
  });
  const server = await startProxyServer({
    config,
    logger,
    ...(options.tap && { tap: options.tap }),
    closeGraceMs: 200,
  });
  const client = new Anthropic({ baseURL: server.url, apiKey: 'test', maxRetries: 0 });
  return { url: server.url, config, server, client, logs, close: () => server.close() };
}

export interface ProxyWithMockUpstream {
  readonly upstream: MockUpstream;
  readonly proxy: TestProxy;
}

/**
 * The usual fixture of an integration file: a mock upstream and the real proxy in front of
 * it, started once before the file's tests and closed after them. `upstreamUrl` may rewrite
 * the mock's URL (e.g. to add a query string) before the proxy is configured with it.
 */
export function useProxyWithMockUpstream(
  options: Omit<TestProxyOptions, 'upstreamUrl'> & {
    upstreamUrl?: (mockUrl: string) => string;
  } = {},
): ProxyWithMockUpstream {
  let upstream: MockUpstream | undefined;
  let proxy: TestProxy | undefined;
  beforeAll(async () => {
    upstream = await startMockUpstream();
    const { upstreamUrl = (url: string) => url, ...rest } = options;
    proxy = await startTestProxy({ ...rest, upstreamUrl: upstreamUrl(upstream.url) });
  });
  afterAll(async () => {
    await proxy?.close();
    await upstream?.close();
  });
  return {
    get upstream() {
      if (!upstream) throw new Error('the mock upstream starts in beforeAll');
      return upstream;
    },
    get proxy() {
      if (!proxy) throw new Error('the proxy starts in beforeAll');
      return proxy;
    },
  };
}
