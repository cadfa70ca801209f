/**
 * The real proxy (startProxyServer) with the inspector wired as headless mode wires it, a
 * mock OpenAI upstream, a built-UI stand-in directory, and small clients for the inspector
 * API and its event stream. Shared by the inspector-*.test.ts files; not a test itself.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createParser } from 'eventsource-parser';
import { loadProxyConfig } from '../../electron/server/proxy-config.ts';
import {
  startProxyServer,
  type RunningProxyServer,
} from '../../electron/server/start-proxy-server.ts';
import {
  createInspectorWiring,
  type InspectorWiring,
} from '../../electron/server/inspector/inspector-wiring.ts';
import { startMockUpstream, type MockUpstream } from '../support/mock-openai-upstream.ts';

export const INSPECTOR_TOKEN = 'test-inspector-token-0123456789';
export const UPSTREAM_KEY = 'sk-upstream-secret-key-for-tests-9876';
export const CLIENT_KEY = 'sk-ant-client-secret-for-tests-5432';

export interface InspectedProxy {
  proxy: RunningProxyServer;
  upstream: MockUpstream;
  inspector: InspectorWiring;
  /** The URL printed at start. */
  inspectorUrl: string;
  /** fetch() against the proxy, with the token header unless `token: null`. */
  api(path: string, init?: RequestInit & { token?: string | null }): Promise<Response>;
  close(): Promise<void>;
}

/** A directory shaped like dist/renderer (index.html + one asset). */
export function fakeRendererDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'inspector-ui-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><title>Inspector</title><script type="module" src="./assets/app.js"></script>',
  );
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log("inspector");');
  return dir;
}

export async function startInspectedProxy(
  options: { staticDir?: string; keepAliveMs?: number } = {},
): Promise<InspectedProxy> {
  const upstream = await startMockUpstream();
  const emptyCwd = mkdtempSync(join(tmpdir(), 'inspector-cwd-'));
  const config = loadProxyConfig(
    {
      HOST: '127.0.0.1',
      PORT: '0',
      BASE_URL: upstream.url,
      OPENAI_API_KEY: UPSTREAM_KEY,
      BIG_MODEL_NAME: 'gpt-4o',
      SMALL_MODEL_NAME: 'gpt-4o-mini',
      LOG_LEVEL: 'silent',
      INSPECTOR_TOKEN,
    },
    emptyCwd,
  );
  const inspector = createInspectorWiring(config, {
    staticDir: options.staticDir ?? fakeRendererDir(),
    ...(options.keepAliveMs === undefined ? {} : { keepAliveMs: options.keepAliveMs }),
  });
  const proxy = await startProxyServer({
    config,
    tap: inspector.recorder,
    mount: inspector.mount,
    closeGraceMs: 100,
  });
  const inspectorUrl = inspector.started(proxy.url);
  return {
    proxy,
    upstream,
    inspector,
    inspectorUrl,
    api(path, init = {}) {
      const { token = INSPECTOR_TOKEN, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (token !== null) headers.set('x-inspector-token', token);
      return fetch(`${proxy.url}${path}`, { ...rest, headers });
    },
    async close() {
      inspector.close();
      await proxy.close();
      await upstream.close();
    },
  };
}

/** A raw request with headers fetch() will not let us set (Host, Origin). */
export function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'GET', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (part: string) => (body += part));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

export interface SseEvent {
  event: string;
  data: unknown;
}

/** An open connection to /inspector/api/events that collects every event. */
export interface EventStreamClient {
  events: SseEvent[];
  comments: string[];
  /** Resolves with the first collected event (from `from` on) matching the predicate. */
  waitFor(predicate: (event: SseEvent) => boolean, from?: number): Promise<SseEvent>;
  close(): void;
}

export async function openEventStream(url: string): Promise<EventStreamClient> {
  const controller = new AbortController();
  const response = await fetch(url, { signal: controller.signal });
  if (!response.ok || !response.body) throw new Error(`events stream answered ${response.status}`);
  const events: SseEvent[] = [];
  const comments: string[] = [];
  let wake: (() => void)[] = [];
  const parser = createParser({
    onEvent: (message) => {
      events.push({ event: message.event ?? 'message', data: JSON.parse(message.data) as unknown });
      for (const w of wake) w();
      wake = [];
    },
    onComment: (comment) => {
      comments.push(comment);
      for (const w of wake) w();
      wake = [];
    },
  });
  void (async () => {
    const decoder = new TextDecoder();
    try {
      for await (const part of response.body as unknown as AsyncIterable<Uint8Array>)
        parser.feed(decoder.decode(part, { stream: true }));
    } catch {
      // aborted by close()
    }
  })();
  return {
    events,
    comments,
    async waitFor(predicate, from = 0) {
      for (;;) {
        const found = events.slice(from).find(predicate);
        if (found) return found;
        await new Promise<void>((resolve) => wake.push(resolve));
      }
    },
    close: () => controller.abort(),
  };
}
