/**
 * The renderer's IPC transport in a real browser (Debian's Chromium via playwright-core),
 * without Electron: the built inspector UI is served with the app:// handler (so with the
 * app's CSP), and `window.anthropicProxy` is produced by the real preload (dist build of
 * electron/preload.ts) running on a stand-in for ipcRenderer. That stand-in forwards calls
 * to the main process's real IPC handlers (registerBridgeIpc, zod checks included) over
 * the real main-side bridge (createMainBridge) and recorder of a real proxy, and delivers
 * the batched `main:*` pushes back into the page. Only Electron's IPC pipe is simulated.
 *
 * The flow is the browser-mode one: a call through the proxy shows up in the list, its
 * detail opens; Clear empties the list via the snapshot the main side answers with.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Anthropic from '@anthropic-ai/sdk';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPreload } from '../../../electron/build-electron.ts';
import { registerBridgeIpc } from '../../../electron/app/bridge-ipc.ts';
import { createMainBridge, type MainBridge } from '../../../electron/app/main-bridge.ts';
import { createRendererRequestHandler } from '../../../electron/app/renderer-protocol.ts';
import { createProxyLogger } from '../../../electron/server/logger.ts';
import { loadProxyConfig } from '../../../electron/server/proxy-config.ts';
import {
  createTrafficRecorder,
  type TrafficRecorder,
} from '../../../electron/server/recorder/traffic-recorder.ts';
import {
  startProxyServer,
  type RunningProxyServer,
} from '../../../electron/server/start-proxy-server.ts';
import { createProviderChecker } from '../../../electron/server/settings/provider-checks.ts';
import { createSettingsBridgeApi } from '../../../electron/server/settings/settings-bridge-api.ts';
import {
  openSettingsService,
  type SettingsService,
} from '../../../electron/server/settings/settings-service.ts';
import { createUpstreamClients } from '../../../electron/server/upstream-client.ts';
import type { ProxyStatus } from '../../../shared/bridge.ts';
import { bridgeMethodNames } from '../../../shared/ipc-channels.ts';
import { launchChromium, watchProblems, type PageProblems } from '../../e2e/support/chromium.ts';
import { settingsPage } from '../../e2e/pages/settings-page.ts';
import { ensureRendererBuilt } from '../../e2e/support/renderer-build.ts';
import {
  jsonAnswer,
  startMockUpstream,
  type MockUpstream,
} from '../../support/mock-openai-upstream.ts';
import { memorySettingsStore, mockProviderSettings } from './mock-provider-settings.ts';

const UPSTREAM_KEY = 'sk-upstream-PLANTED-ipc-transport-5e7c1a';
const TYPED_KEY = 'sk-TYPED-in-the-desktop-form-77d2';

/** What the init script adds to the page's window, as seen from page.evaluate. */
interface FakeIpcWindow {
  __ipcDeliver(channel: string, batch: unknown[]): void;
  anthropicProxy?: Record<string, unknown>;
}

type Handler = (event: unknown, ...args: unknown[]) => unknown;

let upstream: MockUpstream;
let recorder: TrafficRecorder;
let settings: SettingsService;
let proxy: RunningProxyServer;
let mainBridge: MainBridge;
let rendererServer: Server;
let rendererUrl: string;
let browser: Browser;
let preloadDir: string;
let page: Page;
let problems: PageProblems;
const invoked: string[] = [];

function preloadInitScript(preloadSource: string): string {
  // The stand-in for Electron's ipcRenderer and contextBridge, then the real preload code
  // as a sandboxed CommonJS module whose only require is 'electron'.
  return `(() => {
    const listeners = new Map();
    const ipcRenderer = {
      invoke: (channel, ...args) => window.__ipcInvoke(channel, args),
      send: (channel, ...args) => { void window.__ipcSend(channel, args); },
      on(channel, listener) {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel).add(listener);
        return ipcRenderer;
      },
      removeListener(channel, listener) {
        listeners.get(channel)?.delete(listener);
        return ipcRenderer;
      },
    };
    window.__ipcDeliver = (channel, batch) => {
      for (const listener of [...(listeners.get(channel) ?? [])]) listener({ senderId: 0 }, batch);
    };
    const contextBridge = {
      exposeInMainWorld(key, api) {
        Object.defineProperty(window, key, { value: Object.freeze({ ...api }), enumerable: true });
      },
    };
    const require = (name) => {
      if (name !== 'electron') throw new Error('a sandboxed preload cannot require ' + name);
      return { ipcRenderer, contextBridge };
    };
    const module = { exports: {} };
    (function (require, module, exports) {
${preloadSource}
    })(require, module, module.exports);
  })();`;
}

beforeAll(async () => {
  preloadDir = mkdtempSync(join(tmpdir(), 'preload-build-'));
  const [rendererDir] = await Promise.all([ensureRendererBuilt(), buildPreload(preloadDir)]);

  upstream = await startMockUpstream();
  upstream.setHandler(jsonAnswer({ text: 'Hello from the mock upstream' }));
  settings = await openSettingsService({
    store: memorySettingsStore(
      mockProviderSettings({
        upstreamUrl: upstream.url,
        apiKey: UPSTREAM_KEY,
        model: 'gpt-5-mini',
      }),
    ),
  });
  recorder = createTrafficRecorder({ secrets: () => [UPSTREAM_KEY, TYPED_KEY] });
  proxy = await startProxyServer({
    config: loadProxyConfig({ PORT: '0', MAX_RETRIES: '0' }, '/nonexistent'),
    // As in the app: providers, routes and keys are read from the settings on every call.
    settings: settings.get,
    logger: createProxyLogger({ level: 'silent', secrets: [] }),
    tap: recorder,
    closeGraceMs: 200,
  });
  const status: ProxyStatus = {
    state: 'running',
    url: proxy.url,
    version: 'test',
    demo: false,
    upstreamConfigured: true,
  };

  const handleRenderer = createRendererRequestHandler(rendererDir);
  rendererServer = createServer((req, res) => {
    void (async () => {
      const response = await handleRenderer(
        new Request(`http://127.0.0.1${req.url ?? '/'}`, { method: req.method ?? 'GET' }),
      );
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    })();
  });
  await new Promise<void>((resolve) => rendererServer.listen(0, '127.0.0.1', resolve));
  rendererUrl = `http://127.0.0.1:${(rendererServer.address() as AddressInfo).port}/index.html`;

  browser = await launchChromium();
  page = await browser.newPage();
  problems = watchProblems(page);

  // Main → renderer: batches go into the page in the order they were sent.
  let delivery = Promise.resolve();
  const deliver = (channel: string, batch: unknown[]) => {
    delivery = delivery
      .then(() =>
        page.evaluate(([c, b]) => (globalThis as unknown as FakeIpcWindow).__ipcDeliver(c, b), [
          channel,
          batch,
        ] as const),
      )
      .then(
        () => undefined,
        () => undefined,
      );
  };
  const silentLogger = createProxyLogger({ level: 'silent', secrets: [] });
  mainBridge = createMainBridge({
    recorder,
    settingsApi: createSettingsBridgeApi(
      settings,
      createProviderChecker({
        clients: createUpstreamClients(silentLogger),
        redact: (text) => text,
        timeoutMs: 5000,
      }),
    ),
    status: () => status,
    version: 'test',
    send: deliver,
    batchIntervalMs: 25,
  });

  const handlers = new Map<string, Handler>();
  const mainListeners = new Map<string, Handler>();
  const event = { sender: { send: deliver } };
  registerBridgeIpc({
    ipcMain: {
      handle: (channel: string, handler: Handler) => void handlers.set(channel, handler),
      removeHandler: (channel: string) => void handlers.delete(channel),
      on: (channel: string, listener: Handler) => void mainListeners.set(channel, listener),
      removeListener: (channel: string) => void mainListeners.delete(channel),
    } as never,
    isTrustedSender: () => true,
    api: mainBridge.api,
    onSnapshotRequest: () => mainBridge.sendSnapshot(deliver),
  });
  await page.exposeFunction('__ipcInvoke', async (channel: string, args: unknown[]) => {
    invoked.push(channel);
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  });
  await page.exposeFunction('__ipcSend', (channel: string, args: unknown[]) => {
    mainListeners.get(channel)?.(event, ...args);
  });
  await page.addInitScript({
    content: preloadInitScript(readFileSync(join(preloadDir, 'preload.cjs'), 'utf8')),
  });
  await page.goto(rendererUrl);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  mainBridge?.dispose();
  recorder?.dispose();
  await proxy?.close();
  await upstream?.close();
  if (rendererServer) await new Promise((resolve) => rendererServer.close(resolve));
  if (preloadDir) rmSync(preloadDir, { recursive: true, force: true });
});

describe('renderer over the IPC transport, in Chromium', () => {
  it('gets its bridge from the preload, with exactly the contract methods', async () => {
    const keys = await page.evaluate(() =>
      Object.keys((globalThis as unknown as FakeIpcWindow).anthropicProxy ?? {}),
    );
    expect(keys.sort()).toEqual([...bridgeMethodNames, 'on'].sort());
  });

  it('shows the empty inspector with the status from the snapshot the main side answers with', async () => {
    const empty = page.getByTestId('empty-no-traffic');
    await empty.waitFor();
    // The proxy URL (not the page's own origin) can only have come over IPC.
    await expect.poll(() => empty.textContent()).toContain(`ANTHROPIC_BASE_URL='${proxy.url}'`);
    await expect.poll(() => page.locator('.brand-version').textContent()).toBe('vtest');
  });

  it('shows a call through the proxy in the list, and opens its detail', async () => {
    const client = new Anthropic({ baseURL: proxy.url, apiKey: 'client-key', maxRetries: 0 });
    const message = await client.messages.create({
      model: 'claude-sonnet-4-6',
      max_tokens: 64,
      messages: [{ role: 'user', content: 'Say hello' }],
    });
    expect(message.content[0]).toMatchObject({
      type: 'text',
      text: 'Hello from the mock upstream',
    });

    const row = page
      .getByTestId('exchange-list')
      .getByRole('row')
      .filter({ hasText: 'claude-sonnet-4-6' });
    await row.waitFor();
    await row.click();
    const detail = page.getByTestId('detail-pane');
    await detail.waitFor();
    await expect.poll(() => detail.textContent()).toContain('gpt-5-mini');
    // The detail came over IPC: the record was fetched with renderer:get-exchange.
    expect(invoked).toContain('renderer:get-exchange');
    expect(await page.content()).not.toContain(UPSTREAM_KEY);
  });

  it('empties the list on Clear, through the snapshot the clear produces', async () => {
    await page.getByTitle('Clear all recorded traffic').click();
    await page.getByTestId('empty-no-traffic').waitFor();
    expect(recorder.list()).toEqual([]);
    expect(invoked).toContain('renderer:clear-exchanges');
  });

  it('reads and saves settings through the preload, keys never reaching the page', async () => {
    const outcome = await page.evaluate(async () => {
      const bridge = (
        globalThis as unknown as {
          anthropicProxy: Record<string, (...args: unknown[]) => Promise<unknown>>;
        }
      ).anthropicProxy;
      const snapshot = (await bridge.getSettings!()) as { settings: { logLevel: string } };
      const saved = await bridge.saveSettings!({ logLevel: 'warn' });
      const refused = await bridge.saveSettings!({ logLevel: 'chatty' });
      let thrown = '';
      try {
        await bridge.testProvider!('no-such-provider');
      } catch (error) {
        thrown = (error as Error).message;
      }
      return { snapshot, saved, refused, thrown };
    });
    expect(JSON.stringify(outcome)).not.toContain(UPSTREAM_KEY);
    expect(outcome.snapshot.settings.logLevel).toBe('info');
    expect(outcome.saved).toMatchObject({ ok: true, snapshot: { settings: { logLevel: 'warn' } } });
    expect(outcome.refused).toMatchObject({ ok: false });
    expect(outcome.thrown).toContain('No provider with id "no-such-provider"');
  });

  it('opens the settings the way the tray does (#settings); a model saved there reaches the next call', async () => {
    await page.evaluate(() => {
      (globalThis as unknown as { location: { hash: string } }).location.hash = 'settings';
    });
    await page.getByRole('region', { name: 'Settings' }).waitFor();
    const ui = settingsPage(page);
    await ui.routeModel('Big').fill('gpt-5');
    expect(await ui.save()).toContain('Saved');
    expect(settings.get().routes.big.model).toBe('gpt-5');
    const client = new Anthropic({ baseURL: proxy.url, apiKey: 'client-key', maxRetries: 0 });
    await client.messages.create({
      model: 'claude-sonnet-4-6',
      max_tokens: 16,
      messages: [{ role: 'user', content: 'Hi' }],
    });
    expect((upstream.requests.at(-1)?.body as { model: string }).model).toBe('gpt-5');
  });

  it('saves a key typed in the form over IPC, uses it, and never lets it into the page', async () => {
    const ui = settingsPage(page);
    await ui.replaceKey('Mock', TYPED_KEY);
    expect(await ui.save()).toContain('Saved');
    expect(await ui.provider('Mock').getByTestId('secret-state').innerText()).toBe(
      `Set (…${TYPED_KEY.slice(-4)})`,
    );
    expect(settings.get().providers[0]!.apiKey).toBe(TYPED_KEY);
    const client = new Anthropic({ baseURL: proxy.url, apiKey: 'client-key', maxRetries: 0 });
    await client.messages.create({
      model: 'claude-sonnet-4-6',
      max_tokens: 16,
      messages: [{ role: 'user', content: 'Hi' }],
    });
    expect(upstream.requests.at(-1)?.headers.authorization).toBe(`Bearer ${TYPED_KEY}`);
    const content = await page.content();
    expect(content).not.toContain(TYPED_KEY);
    expect(content).not.toContain(UPSTREAM_KEY);
  });

  it('ran under the app CSP without violations or page errors', () => {
    expect(problems.cspViolations()).toEqual([]);
    expect(problems.errors).toEqual([]);
  });
});
