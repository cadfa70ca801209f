/**
 * A 5 MB request body (one huge tool result, as Claude Code sends after reading a big file)
 * opens in the inspector without freezing the page: the JSON viewer, its search and the
 * conversation view stay fast because they render only what is open or clipped.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  jsonAnswer,
  startMockUpstream,
  type MockUpstream,
} from '../support/mock-openai-upstream.ts';
import { launchChromium, watchProblems } from './support/chromium.ts';
import { startInspectorProxy, type InspectorProxy } from './support/inspector-proxy.ts';
import { inspectorPage } from './pages/inspector-page.ts';

let browser: Browser;
let upstream: MockUpstream;
let proxy: InspectorProxy;

beforeAll(async () => {
  browser = await launchChromium();
  upstream = await startMockUpstream();
  // Keep the whole body in the record (the default per-body limit is 5 MB).
  proxy = await startInspectorProxy({
    upstreamUrl: upstream.url,
    recorder: { maxBodyBytes: 16 * 1024 * 1024 },
  });
});

afterAll(async () => {
  await browser?.close();
  await proxy?.close();
  await upstream?.close();
});

/** Longest main-thread task seen since the page loaded (PerformanceObserver 'longtask'). */
const LONG_TASKS_INIT = `
  window.__longestTask = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longestTask = Math.max(window.__longestTask, entry.duration);
  }).observe({ type: 'longtask', buffered: true });
`;

describe('a 5 MB body', () => {
  it('opens, searches and reads without freezing the page', async () => {
    const big = `${'const line = "lorem ipsum dolor sit amet";\n'.repeat(120_000)}NEEDLE_AT_THE_END`;
    expect(big.length).toBeGreaterThan(5_000_000);
    upstream.enqueue(jsonAnswer({ text: 'That is a big file.' }));
    await proxy.client.messages.create({
      model: 'claude-sonnet-4-6',
      max_tokens: 100,
      messages: [
        { role: 'user', content: 'Read it' },
        {
          role: 'assistant',
          content: [
            { type: 'tool_use', id: 'toolu_big', name: 'Read', input: { file_path: '/big.js' } },
          ],
        },
        {
          role: 'user',
          content: [{ type: 'tool_result', tool_use_id: 'toolu_big', content: big }],
        },
      ],
    });

    const context = await browser.newContext({ viewport: { width: 1500, height: 950 } });
    context.setDefaultTimeout(10_000);
    await context.addInitScript(LONG_TASKS_INIT);
    const page = await context.newPage();
    const problems = watchProblems(page);
    const ui = inspectorPage(page);
    await page.goto(proxy.inspectorUrl);
    await ui.rows.first().waitFor();

    const t0 = Date.now();
    await ui.rows.first().click();
    await ui.openTab('Anthropic request');
    await ui.tabPanel.locator('.json-key', { hasText: 'messages' }).waitFor();
    const openMs = Date.now() - t0;

    const t1 = Date.now();
    await ui.tabPanel
      .getByLabel('Search Anthropic request (as received)')
      .fill('needle_at_the_end');
    await ui.tabPanel.getByText('1 / 1').waitFor();
    await ui.tabPanel.locator('.json-row.current-match').waitFor();
    const searchMs = Date.now() - t1;

    const t2 = Date.now();
    await ui.openTab('Conversation');
    await ui.tabPanel.getByText(/Show all 5,\d{3},\d{3} characters/).waitFor();
    const conversationMs = Date.now() - t2;

    const t3 = Date.now();
    await ui.openTab('Context');
    await ui.tabPanel.getByText('Tool result: Read (messages[2])').waitFor();
    const contextMs = Date.now() - t3;

    const longestTask = Number(await page.evaluate('window.__longestTask'));
    console.log(
      `[big body] ${(big.length / 1e6).toFixed(1)} MB tool result: request tab ${openMs} ms, search ${searchMs} ms, ` +
        `conversation ${conversationMs} ms, context ${contextMs} ms; longest main-thread task ${Math.round(longestTask)} ms`,
    );
    expect(openMs).toBeLessThan(3000);
    expect(searchMs).toBeLessThan(3000);
    expect(longestTask).toBeLessThan(1500);
    expect(problems.errors).toEqual([]);
    await context.close();
  });
});
