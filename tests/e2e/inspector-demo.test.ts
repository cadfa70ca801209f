/**
 * "Try the demo" in Chromium, against the real headless app with no upstream configured (a
 * newcomer's first run): the empty state offers the demo; one click turns demo mode on, the
 * SIMULATED badge shows, the first-run banner goes, and the sample calls appear as rows,
 * answered by "Simulated (demo)", one of them a rate limit that stands out as an error.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PROVIDER_NAME } from '../../electron/server/demo/demo-mode.ts';
import { startHeadlessApp, type HeadlessApp } from '../../electron/server/headless-app.ts';
import { loadProxyConfig } from '../../electron/server/proxy-config.ts';
import { launchChromium, watchProblems, type PageProblems } from './support/chromium.ts';
import { ensureRendererBuilt } from './support/renderer-build.ts';
import { inspectorPage, type InspectorPage } from './pages/inspector-page.ts';

let browser: Browser;
let staticDir: string;
let dir: string;
let app: HeadlessApp;
let context: BrowserContext;
let ui: InspectorPage;
let problems: PageProblems;

beforeAll(async () => {
  staticDir = await ensureRendererBuilt();
  browser = await launchChromium();
});
afterAll(() => browser?.close());

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'demo-e2e-'));
  const env = {
    ANTHROPIC_PROXY_CONFIG_DIR: join(dir, 'config'),
    INSPECTOR_TOKEN: 'e2e-demo-token',
    PORT: '0',
  };
  app = await startHeadlessApp({
    config: loadProxyConfig(env, dir),
    env,
    cwd: dir,
    staticDir,
    warn: () => undefined,
    logDestination: { write: () => undefined },
    closeGraceMs: 100,
    // Realistic pacing, calls close together: the test sees rows stream in.
    demo: { spacingMs: 300 },
  });
  context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  problems = watchProblems(page);
  ui = inspectorPage(page);
  await page.goto(app.inspectorUrl);
  await ui.proxyStatus.filter({ hasText: 'Proxy running' }).waitFor();
});

afterEach(async () => {
  await context?.close();
  await app?.close();
  await rm(dir, { recursive: true, force: true });
  expect(problems.cspViolations()).toEqual([]);
  expect(problems.errors).toEqual([]);
});

describe('Try the demo', () => {
  it('turns demo mode on from the empty state: the badge shows and the sample calls appear', async () => {
    await ui.banner.waitFor();
    expect(await ui.demoBadge.count()).toBe(0);
    await ui.emptyNoTraffic.waitFor();
    await ui.tryDemo.click();

    await ui.demoBadge.waitFor();
    await ui.banner.waitFor({ state: 'detached' });
    await ui.rows.first().waitFor();
    await ui.rows.nth(4).waitFor({ timeout: 20_000 });
    expect(await ui.rows.count()).toBe(5);
    expect(await ui.list.getByText(DEMO_PROVIDER_NAME).count()).toBeGreaterThan(0);
    // The designed rate limit stands out as an error.
    await ui.rows.and(ui.page.locator('.tone-error')).waitFor();
    expect(app.demo.enabled()).toBe(true);
  });

  it('offers no demo button once demo mode is on', async () => {
    await app.startDemo();
    await ui.demoBadge.waitFor();
    expect(await ui.tryDemo.count()).toBe(0);
  });
});
