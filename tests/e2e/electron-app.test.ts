/**
 * The real desktop app under Playwright's Electron driver: it launches, opens its window on
 * the app:// inspector, and a call through its proxy shows up in that inspector with its
 * detail. Needs the Electron binary, which `npm install` downloads on a normal machine; on
 * machines installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1 (these CI machines) the suite is
 * skipped and says so in its name. On Linux without a display, run it under xvfb-run.
 *
 * The app runs with its own user-data folder and the seed's environment variables pointing
 * at a mock upstream, so it never touches the user's settings.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Anthropic from '@anthropic-ai/sdk';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMain, buildPreload } from '../../electron/build-electron.ts';
import type { ProxyStatus } from '../../shared/bridge.ts';
import {
  jsonAnswer,
  startMockUpstream,
  type MockUpstream,
} from '../support/mock-openai-upstream.ts';
import { ensureRendererBuilt } from './support/renderer-build.ts';

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * The binary `npm install` put in node_modules/electron/dist, found without requiring the
 * 'electron' package (which would try to download it when missing).
 */
function electronBinary(): string | undefined {
  const pathFile = join(ROOT, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(
    ROOT,
    'node_modules',
    'electron',
    'dist',
    readFileSync(pathFile, 'utf8').trim(),
  );
  return existsSync(binary) ? binary : undefined;
}

const binary = electronBinary();
const suiteName = binary
  ? 'desktop app in Electron'
  : 'desktop app in Electron — skipped: Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD)';

describe.skipIf(!binary)(suiteName, () => {
  let upstream: MockUpstream;
  let app: ElectronApplication;
  let window: Page;
  let userData: string;

  beforeAll(async () => {
    await Promise.all([ensureRendererBuilt(), buildMain().then(() => buildPreload())]);
    upstream = await startMockUpstream();
    upstream.setHandler(jsonAnswer({ text: 'Hello from the mock upstream' }));
    userData = mkdtempSync(join(tmpdir(), 'anthropic-proxy-electron-'));
    app = await _electron.launch({
      executablePath: binary!,
      // Chromium refuses to run its sandbox as root (CI containers); the app's own renderer
      // sandbox setting is what this test is about, not the OS-level one.
      args: [ROOT, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      cwd: userData,
      env: {
        ...process.env,
        ANTHROPIC_PROXY_USER_DATA_DIR: userData,
        PORT: '0',
        BASE_URL: upstream.url,
        OPENAI_API_KEY: 'sk-upstream-electron-e2e-0123456789',
        BIG_MODEL_NAME: 'gpt-5-mini',
        LOG_LEVEL: 'warn',
      },
    });
    window = await app.firstWindow();
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await upstream?.close();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  it('opens its window on the app:// inspector with the preload bridge', async () => {
    expect(window.url()).toBe('app://inspector/index.html');
    const keys = await window.evaluate(() =>
      Object.keys((globalThis as unknown as { anthropicProxy: object }).anthropicProxy),
    );
    expect(keys).toContain('getExchange');
    expect(keys).toContain('on');
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
      'undefined',
    );
  });

  it('shows a call through its proxy in the inspector, and opens its detail', async () => {
    const status = await window.evaluate(() =>
      (
        globalThis as unknown as { anthropicProxy: { getStatus(): Promise<ProxyStatus> } }
      ).anthropicProxy.getStatus(),
    );
    expect(status.state).toBe('running');
    const client = new Anthropic({ baseURL: status.url!, apiKey: 'anything', maxRetries: 0 });
    await client.messages.create({
      model: 'claude-sonnet-4-6',
      max_tokens: 64,
      messages: [{ role: 'user', content: 'Say hello' }],
    });
    const row = window
      .getByTestId('exchange-list')
      .getByRole('row')
      .filter({ hasText: 'claude-sonnet-4-6' });
    await row.waitFor();
    await row.click();
    const detail = window.getByTestId('detail-pane');
    await detail.waitFor();
    await expect.poll(() => detail.textContent()).toContain('gpt-5-mini');
  });
});
