/**
 * The Settings view in Chromium against the real headless app (settings file in a temp
 * directory, a mock OpenAI upstream): a model changed in the form reaches the very next
 * call and the inspector names the rule; the settings survive a restart; a key typed into
 * the form is used but never shows up in the page, the API, the logs or an export; leaving
 * with unsaved edits asks first.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Anthropic from '@anthropic-ai/sdk';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHeadlessApp, type HeadlessApp } from '../../electron/server/headless-app.ts';
import { loadProxyConfig } from '../../electron/server/proxy-config.ts';
import {
  defaultBehaviour,
  startMockUpstream,
  type MockUpstream,
} from '../support/mock-openai-upstream.ts';
import { mockProvider, mockSettings } from '../support/mock-settings.ts';
import { launchChromium, watchProblems, type PageProblems } from './support/chromium.ts';
import { ensureRendererBuilt } from './support/renderer-build.ts';
import { inspectorPage } from './pages/inspector-page.ts';
import { settingsPage } from './pages/settings-page.ts';

const STORED_KEY = 'sk-e2e-STORED-provider-key-5e1f';
const TYPED_KEY = 'sk-e2e-TYPED-in-the-form-9a7c';
const TOKEN = 'e2e-settings-token';

let browser: Browser;
let staticDir: string;
let dir: string;
let upstream: MockUpstream;
let logs: string[];
let app: HeadlessApp | undefined;

beforeAll(async () => {
  staticDir = await ensureRendererBuilt();
  browser = await launchChromium();
});
afterAll(() => browser?.close());

beforeEach(async () => {
  upstream = await startMockUpstream();
  dir = await mkdtemp(join(tmpdir(), 'settings-e2e-'));
  logs = [];
  const settings = mockSettings(
    [
      mockProvider({
        id: 'mock',
        name: 'Mock upstream',
        baseUrl: upstream.url,
        apiKey: STORED_KEY,
        models: ['mock-big', 'mock-bigger'],
      }),
    ],
    {
      big: { provider: 'mock', model: 'mock-big' },
      small: { provider: 'mock', model: 'mock-small' },
    },
    // Debug logs carry headers and bodies: the strictest place to look for a leaked key.
    { logLevel: 'debug' },
  );
  await writeFile(join(dir, 'settings.json'), JSON.stringify(settings), { mode: 0o600 });
});

afterEach(async () => {
  await app?.close();
  app = undefined;
  await upstream.close();
  await rm(dir, { recursive: true, force: true });
});

async function startApp(): Promise<HeadlessApp> {
  const env = { ANTHROPIC_PROXY_CONFIG_DIR: dir, INSPECTOR_TOKEN: TOKEN, MAX_RETRIES: '0' };
  app = await startHeadlessApp({
    config: loadProxyConfig(env, dir),
    env,
    cwd: dir,
    staticDir,
    warn: (message) => logs.push(`WARNING ${message}`),
    logDestination: { write: (line: string) => void logs.push(line) },
    closeGraceMs: 100,
  });
  return app;
}

async function openPage(running: HeadlessApp): Promise<{ page: Page; problems: PageProblems }> {
  // Headless Chromium may exit once a beforeunload dialog was answered; start a fresh one then.
  if (!browser.isConnected()) browser = await launchChromium();
  const context = await browser.newContext();
  context.setDefaultTimeout(8000);
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(running.inspectorUrl);
  return { page, problems };
}

function sdk(running: HeadlessApp): Anthropic {
  return new Anthropic({ baseURL: running.proxy.url, apiKey: 'test', maxRetries: 0 });
}

const hello = {
  model: 'claude-sonnet-4-6',
  max_tokens: 32,
  messages: [{ role: 'user' as const, content: 'Hi' }],
};

describe('settings form', () => {
  it('applies a saved big model to the next call, shows the rule, and keeps it across a restart', async () => {
    const running = await startApp();
    const { page, problems } = await openPage(running);
    const ui = settingsPage(page);
    await ui.open();
    await ui.routeModel('Big').fill('mock-bigger');
    expect(await ui.save()).toContain('Saved');

    await sdk(running).messages.create(hello);
    expect((upstream.requests.at(-1)?.body as { model: string }).model).toBe('mock-bigger');

    const inspector = inspectorPage(page);
    await inspector.viewButton('Traffic').click();
    await inspector.rows.first().click();
    await inspector.openTab('Overview');
    await inspector.tabPanel.getByText('big (opus/sonnet)').waitFor();
    expect(await inspector.tabPanel.innerText()).toContain('Mock upstream');
    expect(problems.errors).toEqual([]);
    await page.context().close();

    await running.close();
    app = undefined;
    const restarted = await startApp();
    const again = await openPage(restarted);
    const ui2 = settingsPage(again.page);
    await ui2.open();
    expect(await ui2.routeModel('Big').inputValue()).toBe('mock-bigger');
    await sdk(restarted).messages.create(hello);
    expect((upstream.requests.at(-1)?.body as { model: string }).model).toBe('mock-bigger');
    await again.page.context().close();
  });

  it('uses a key typed into the form but never shows it in the page, the API, the logs or an export', async () => {
    const running = await startApp();
    const { page } = await openPage(running);
    const ui = settingsPage(page);
    await ui.open();
    await ui.replaceKey('Mock upstream', TYPED_KEY);
    // Typed but unsaved: in the box's value only, never in the markup.
    expect(await page.content()).not.toContain(TYPED_KEY);
    expect(await ui.save()).toContain('Saved');
    expect(await ui.provider('Mock upstream').getByTestId('secret-state').innerText()).toBe(
      'Set (…9a7c)',
    );

    await sdk(running).messages.create(hello);
    expect(upstream.requests.at(-1)?.headers.authorization).toBe(`Bearer ${TYPED_KEY}`);

    await page.reload();
    await ui.open();
    const seen: string[] = [await page.content()];
    const api = (path: string) =>
      fetch(`${running.proxy.url}/inspector/api${path}`, {
        headers: { 'x-inspector-token': TOKEN },
      }).then((r) => r.text());
    const [exchange] = JSON.parse(await api('/exchanges')) as { id: string }[];
    for (const path of [
      '/settings',
      '/exchanges',
      `/exchanges/${exchange!.id}`,
      '/export?format=json',
      '/export?format=har',
    ]) {
      seen.push(await api(path));
    }
    running.inspector.recorder.flush();
    seen.push(logs.join('\n'));
    expect(logs.length).toBeGreaterThan(3);
    for (const text of seen) {
      expect(text).not.toContain(TYPED_KEY);
      expect(text).not.toContain(STORED_KEY);
    }
    await page.context().close();
  });

  it('shows field errors inline, saves nothing while they remain, and reverts', async () => {
    const running = await startApp();
    const { page } = await openPage(running);
    const ui = settingsPage(page);
    await ui.open();
    await ui.routeModel('Big').fill('');
    await ui.fieldError('routes.big.model').waitFor();
    expect(await ui.fieldError('routes.big.model').innerText()).toBe('Model is required');
    expect(await ui.save()).toContain('Nothing was saved');
    expect(running.settings.service.get().routes.big.model).toBe('mock-big');
    await ui.revertButton.click();
    expect(await ui.routeModel('Big').inputValue()).toBe('mock-big');
    await page.context().close();
  });

  it('asks before the page is left with unsaved changes', async () => {
    const running = await startApp();
    const { page } = await openPage(running);
    const ui = settingsPage(page);
    await ui.open();
    await ui.routeModel('Small').fill('mock-other');
    const dialog = new Promise<string>((resolve) =>
      page.once('dialog', (shown) => {
        resolve(shown.type());
        void shown.accept();
      }),
    );
    await page.close({ runBeforeUnload: true });
    expect(await dialog).toBe('beforeunload');
  });

  it('tests the connection, checks capabilities and answers "which route?" from the form', async () => {
    upstream.setHandler((ctx) => {
      if (ctx.request.path.endsWith('/models')) {
        ctx.res.writeHead(200, { 'content-type': 'application/json' });
        ctx.res.end(
          JSON.stringify({ object: 'list', data: [{ id: 'mock-big', object: 'model' }] }),
        );
        return;
      }
      return defaultBehaviour(ctx);
    });
    const running = await startApp();
    const { page } = await openPage(running);
    const ui = settingsPage(page);
    await ui.open();
    const card = ui.provider('Mock upstream');
    await card.getByRole('button', { name: 'Test connection' }).click();
    const result = card.getByTestId('provider-test-result');
    await result.waitFor();
    expect(await result.innerText()).toMatch(
      /1 models[\s\S]*answered "Hello from the mock upstream\."/,
    );

    await card.getByRole('button', { name: 'Check capabilities' }).click();
    const grid = card.getByTestId('capability-grid');
    await grid.waitFor();
    expect(await grid.getByRole('row', { name: /^Text/ }).innerText()).toMatch(/Yes/);

    await page.getByRole('button', { name: 'Add rule' }).click();
    await page.getByLabel('Thinking requested').selectOption('yes');
    await page
      .locator('fieldset.settings-target', { hasText: 'Send to' })
      .getByLabel('Model')
      .fill('mock-thinker');
    await page.getByLabel('Thinking', { exact: true }).check();
    await page.getByRole('button', { name: 'Which route?', exact: true }).click();
    const answer = page.getByTestId('route-test-result');
    await answer.waitFor();
    expect(await answer.innerText()).toMatch(
      /mock-thinker on Mock upstream, chosen by rule "Rule 1"/,
    );
    await page.context().close();
  });
});
