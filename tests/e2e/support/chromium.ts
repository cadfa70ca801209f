/**
 * Debian's Chromium driven by playwright-core, headless, with a fresh profile per launch.
 * Collects the page's console errors so tests can assert that nothing was blocked by the
 * inspector's Content-Security-Policy.
 */
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

export interface PageProblems {
  /** Console errors and uncaught exceptions, in order. */
  errors: string[];
  /** The subset that are CSP violations. */
  cspViolations(): string[];
}

export function watchProblems(page: Page): PageProblems {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return {
    errors,
    cspViolations: () => errors.filter((e) => /Content Security Policy/i.test(e)),
  };
}
