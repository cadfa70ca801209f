/**
 * Locators and small actions for the inspector page, so tests read as what a user does and
 * the selectors live in one place.
 */
import type { Download, Locator, Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';

export type DetailTabName =
  | 'Overview'
  | 'Conversation'
  | "What's new"
  | 'Context'
  | 'Anthropic request'
  | 'OpenAI request'
  | 'OpenAI response'
  | 'Anthropic response'
  | 'Headers'
  | 'Diff';

export interface InspectorPage {
  page: Page;
  list: Locator;
  rows: Locator;
  row(id: string): Locator;
  emptyNoTraffic: Locator;
  emptyFiltered: Locator;
  emptyPaused: Locator;
  detail: Locator;
  tab(name: DetailTabName): Locator;
  tabPanel: Locator;
  /** The assistant's answer in the conversation tab. */
  response: Locator;
  filterText: Locator;
  errorsOnly: Locator;
  pauseButton: Locator;
  summaryCalls: Locator;
  summaryErrors: Locator;
  proxyStatus: Locator;
  banner: Locator;
  demoBadge: Locator;
  /** The empty state's "Try the demo" button. */
  tryDemo: Locator;
  viewButton(name: 'Traffic' | 'Sessions'): Locator;
  /** Opens a detail tab and waits until it is the selected one. */
  openTab(name: DetailTabName): Promise<void>;
  /** Runs an export from the menu and returns the downloaded document's text. */
  exportDocument(scope: 'selected' | 'visible' | 'all', format: 'json' | 'har'): Promise<string>;
}

export function inspectorPage(page: Page): InspectorPage {
  const tab = (name: DetailTabName) => page.getByRole('tab', { name, exact: true });
  return {
    page,
    list: page.getByTestId('exchange-list'),
    rows: page.locator('[data-testid=exchange-list] [role=row][data-id]'),
    row: (id) => page.locator(`[role=row][data-id="${id}"]`),
    emptyNoTraffic: page.getByTestId('empty-no-traffic'),
    emptyFiltered: page.getByTestId('empty-filtered'),
    emptyPaused: page.getByTestId('empty-paused'),
    detail: page.getByTestId('detail-pane'),
    tab,
    tabPanel: page.getByRole('tabpanel'),
    response: page.locator('article[data-tag=response]'),
    filterText: page.getByLabel('Filter text'),
    errorsOnly: page.getByLabel('Errors only'),
    pauseButton: page.getByRole('button', { name: /^(❚❚ Pause|▶ Resume)/ }),
    summaryCalls: page.getByTestId('summary-calls'),
    summaryErrors: page.getByTestId('summary-errors'),
    proxyStatus: page.getByTestId('proxy-status'),
    banner: page.getByRole('status').filter({ hasText: 'No upstream configured' }),
    demoBadge: page.getByText('SIMULATED', { exact: true }),
    tryDemo: page.getByRole('button', { name: /Try the demo/ }),
    viewButton: (name) => page.getByRole('button', { name, exact: true }),
    async openTab(name) {
      await tab(name).click();
      await page.getByRole('tab', { name, exact: true, selected: true }).waitFor();
    },
    async exportDocument(scope, format) {
      await page.getByRole('button', { name: /Export/ }).click();
      const [download] = await Promise.all([
        page.waitForEvent('download') as Promise<Download>,
        page.getByRole('menuitem', { name: `Export ${scope} as ${format.toUpperCase()}` }).click(),
      ]);
      return readFile((await download.path())!, 'utf8');
    },
  };
}
