/**
 * Locators and small actions for the Settings view, so the settings tests read as what a
 * user does and the selectors live in one place.
 */
import type { Locator, Page } from 'playwright-core';

export interface SettingsPage {
  page: Page;
  open(): Promise<void>;
  saveButton: Locator;
  revertButton: Locator;
  /** The "Saved." / "Nothing was saved" banner. */
  notice: Locator;
  provider(name: string): Locator;
  /** The Model box of the big or small route. */
  routeModel(route: 'Big' | 'Small'): Locator;
  fieldError(path: string): Locator;
  /** Types a new key for a provider (Replace → password box). */
  replaceKey(providerName: string, key: string): Promise<void>;
  save(): Promise<string>;
}

export function settingsPage(page: Page): SettingsPage {
  const notice = page.locator('.settings-view [role=status]');
  const ui: SettingsPage = {
    page,
    async open() {
      await page.getByRole('button', { name: 'Settings', exact: true }).click();
      await page.getByRole('region', { name: 'Settings' }).waitFor();
    },
    saveButton: page.getByRole('button', { name: 'Save', exact: true }),
    revertButton: page.getByRole('button', { name: 'Revert', exact: true }),
    notice,
    provider: (name) => page.getByRole('region', { name: `Provider ${name}` }),
    routeModel: (route) =>
      page.locator('fieldset.settings-target', { hasText: route }).first().getByLabel('Model'),
    fieldError: (path) => page.locator(`[data-error-path="${path}"]`),
    async replaceKey(providerName, key) {
      const card = ui.provider(providerName);
      await card.getByRole('button', { name: /^(Replace|Set key)$/ }).click();
      await card.getByPlaceholder('Paste the new key').fill(key);
    },
    async save() {
      await ui.saveButton.click();
      await notice.waitFor();
      return notice.innerText();
    },
  };
  return ui;
}
