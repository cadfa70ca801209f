/**
 * The list's text filter searches the bodies through the proxy, in Chromium: a word that
 * appears only in one call's request body finds that row, without the row ever having been
 * opened (so no body was loaded in the page), and the filtered empty state says where the
 * text was looked for.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  jsonAnswer,
  startMockUpstream,
  type MockUpstream,
} from '../support/mock-openai-upstream.ts';
import { launchChromium, watchProblems, type PageProblems } from './support/chromium.ts';
import { startInspectorProxy, type InspectorProxy } from './support/inspector-proxy.ts';
import { inspectorPage, type InspectorPage } from './pages/inspector-page.ts';

let browser: Browser;
let upstream: MockUpstream;
let proxy: InspectorProxy;
let context: BrowserContext;
let ui: InspectorPage;
let problems: PageProblems;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

beforeEach(async () => {
  upstream = await startMockUpstream();
  proxy = await startInspectorProxy({ upstreamUrl: upstream.url });
  context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  context.setDefaultTimeout(8000);
  const page = await context.newPage();
  problems = watchProblems(page);
  ui = inspectorPage(page);
  await page.goto(proxy.inspectorUrl);
  await ui.proxyStatus.filter({ hasText: 'Proxy running' }).waitFor();
});

afterEach(async () => {
  await context?.close();
  await proxy?.close();
  await upstream?.close();
  expect(problems.cspViolations()).toEqual([]);
  expect(problems.errors).toEqual([]);
});

const ask = (content: string) => ({
  model: 'claude-sonnet-4-6',
  max_tokens: 64,
  messages: [{ role: 'user' as const, content }],
});

describe('text filter', () => {
  it('finds a row by a word that is only in its request body', async () => {
    upstream.setHandler(jsonAnswer({ text: 'ok' }));
    const { response } = await proxy.client.messages
      .create(ask('Please summarise the marginalia of the Voynich manuscript.'))
      .withResponse();
    const wanted = response.headers.get('request-id')!;
    await proxy.client.messages.create(ask('Something else entirely.'));
    await proxy.client.messages.create(ask('And a third call.'));
    await ui.rows.nth(2).waitFor();

    await ui.filterText.fill('VOYNICH');
    await ui.row(wanted).waitFor();
    await expect.poll(() => ui.rows.count()).toBe(1);
    // No detail was opened: the match came from the proxy's search of the bodies.
    expect(await ui.detail.count()).toBe(0);

    await ui.filterText.fill('voynich codex');
    await ui.emptyFiltered.waitFor();
    expect(await ui.emptyFiltered.innerText()).toContain('every recorded body');

    await ui.filterText.fill('');
    await expect.poll(() => ui.rows.count()).toBe(3);
  });

  it('picks up a matching call that arrives while the filter is set', async () => {
    upstream.setHandler(jsonAnswer({ text: 'ok' }));
    await proxy.client.messages.create(ask('First call.'));
    await ui.rows.first().waitFor();
    await ui.filterText.fill('quokka');
    await ui.emptyFiltered.waitFor();
    const { response } = await proxy.client.messages
      .create(ask('Tell me about the quokka.'))
      .withResponse();
    await ui.row(response.headers.get('request-id')!).waitFor();
    expect(await ui.rows.count()).toBe(1);
  });
});
