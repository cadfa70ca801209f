/**
 * First run and demo mode, as the inspector shows them: without any upstream configured a
 * banner says what to set and calls come back as clear errors in the list; in demo mode
 * everything is labelled as simulated.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, watchProblems } from './support/chromium.ts';
import { startInspectorProxy } from './support/inspector-proxy.ts';
import { inspectorPage } from './pages/inspector-page.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('first run', () => {
  it('says what to set while no upstream is configured, and lists the refused call as an error', async () => {
    const proxy = await startInspectorProxy();
    const context = await browser.newContext();
    context.setDefaultTimeout(8000);
    const page = await context.newPage();
    const problems = watchProblems(page);
    const ui = inspectorPage(page);
    try {
      await page.goto(proxy.inspectorUrl);
      await ui.banner.waitFor();
      expect(await ui.banner.innerText()).toMatch(/BASE_URL[\s\S]*OPENAI_API_KEY/);
      await expect(
        proxy.client.messages.create({
          model: 'claude-sonnet-4-6',
          max_tokens: 10,
          messages: [{ role: 'user', content: 'hi' }],
        }),
      ).rejects.toMatchObject({ status: expect.any(Number) });
      const row = ui.rows.and(page.locator('.tone-error'));
      await row.waitFor();
      await row.click();
      await ui.detail.getByRole('alert').waitFor();
      expect(problems.cspViolations()).toEqual([]);
    } finally {
      await context.close();
      await proxy.close();
    }
  });

  it('labels demo mode as simulated', async () => {
    const proxy = await startInspectorProxy({ demo: true });
    const context = await browser.newContext();
    context.setDefaultTimeout(8000);
    const page = await context.newPage();
    const ui = inspectorPage(page);
    try {
      await page.goto(proxy.inspectorUrl);
      await ui.demoBadge.waitFor();
      expect(await ui.banner.count()).toBe(0);
      expect(await ui.emptyNoTraffic.innerText()).toContain('simulated upstream');
    } finally {
      await context.close();
      await proxy.close();
    }
  });
});
