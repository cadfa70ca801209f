/**
 * The inspector with 5,000 recorded exchanges: the list renders quickly, keeps only the rows
 * in view in the DOM (virtualized), stays responsive to scrolling, filtering and new
 * traffic, and the proxy's memory stays within the recorder's budget. The figures are
 * printed for the report.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, watchProblems } from './support/chromium.ts';
import { startInspectorProxy, type InspectorProxy } from './support/inspector-proxy.ts';
import { injectExchanges, manualClock } from './support/recorded-traffic.ts';
import { inspectorPage } from './pages/inspector-page.ts';

const COUNT = 5000;
const MAX_BYTES = 200 * 1024 * 1024;
const MB = 1024 * 1024;

let browser: Browser;
let proxy: InspectorProxy;
const clock = manualClock();
let rssGrowthMb = 0;

beforeAll(async () => {
  browser = await launchChromium();
  proxy = await startInspectorProxy({
    recorder: { maxExchanges: COUNT + 1000, maxBytes: MAX_BYTES, now: clock.now },
  });
  globalThis.gc?.();
  const before = process.memoryUsage().rss;
  injectExchanges(proxy.wiring.recorder, clock, COUNT);
  rssGrowthMb = (process.memoryUsage().rss - before) / MB;
});

afterAll(async () => {
  await browser?.close();
  await proxy?.close();
});

describe('inspector at 5,000 exchanges', () => {
  it('keeps the recorder within its byte budget and the process RSS modest', () => {
    const stats = proxy.wiring.recorder.stats();
    expect(stats.exchanges).toBe(COUNT);
    expect(stats.approxBytes).toBeLessThanOrEqual(MAX_BYTES);
    expect(rssGrowthMb).toBeLessThan(MAX_BYTES / MB);
    console.log(
      `[scale] recorder ${(stats.approxBytes / MB).toFixed(1)} MB estimated for ${stats.exchanges} exchanges; ` +
        `RSS grew ${rssGrowthMb.toFixed(1)} MB while recording them (total RSS ${(process.memoryUsage().rss / MB).toFixed(0)} MB)`,
    );
  });

  it('renders the list fast with only the rows in view in the DOM, and stays responsive', async () => {
    const context = await browser.newContext({ viewport: { width: 1500, height: 950 } });
    const page = await context.newPage();
    const problems = watchProblems(page);
    const ui = inspectorPage(page);

    const t0 = Date.now();
    await page.goto(proxy.inspectorUrl);
    await ui.summaryCalls.getByText('5,000').waitFor();
    await ui.rows.first().waitFor();
    const renderMs = Date.now() - t0;
    // In-page split: script loaded and parsed (DOMContentLoaded), then snapshot + first render.
    const timing = JSON.parse(
      await page.evaluate(
        `JSON.stringify({ dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd, now: performance.now() })`,
      ),
    ) as { dcl: number; now: number };
    const listMs = Math.round(timing.now - timing.dcl);
    const domRows = await ui.rows.count();
    const domNodes = await page.locator('*').count();
    expect(domRows).toBeGreaterThan(10);
    expect(domRows).toBeLessThan(100);
    // Opened at the live end: the newest exchange is on screen.
    await ui.row('inj-04999').waitFor();

    // Jump to the middle: rows are swapped, not added.
    const t1 = Date.now();
    await ui.list.evaluate((el) => {
      el.scrollTop = el.scrollHeight / 2;
    });
    await ui.row('inj-02500').waitFor();
    const scrollMs = Date.now() - t1;
    expect(await ui.rows.count()).toBeLessThan(100);

    // Filtering 5,000 summaries.
    const t2 = Date.now();
    await ui.errorsOnly.check();
    await ui.summaryCalls.getByText(/^125 calls of 5,000/).waitFor();
    const filterMs = Date.now() - t2;
    await ui.errorsOnly.uncheck();
    await ui.summaryCalls.getByText(/^5,000 calls$/).waitFor();

    // New traffic still shows up promptly at this size.
    await ui.list.evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    const t3 = Date.now();
    injectExchanges(proxy.wiring.recorder, clock, 1, 'late');
    await ui.row('late-00000').waitFor({ timeout: 1000 });
    const liveMs = Date.now() - t3;

    // Opening one exchange's detail at this size.
    const t4 = Date.now();
    await ui.row('late-00000').click();
    await ui.detail.getByText('Translation notes').waitFor();
    const detailMs = Date.now() - t4;

    expect(renderMs).toBeLessThan(5000);
    expect(problems.errors).toEqual([]);
    console.log(
      `[scale] ${COUNT} exchanges: list on screen ${renderMs} ms after navigation (${listMs} ms after DOMContentLoaded: ` +
        `snapshot over SSE + first render) with ${domRows} row elements ` +
        `(${domNodes} DOM nodes in all); scroll to the middle ${scrollMs} ms; errors-only filter ${filterMs} ms; ` +
        `a new exchange appeared in ${liveMs} ms; detail opened in ${detailMs} ms`,
    );
    await context.close();
  });
});
