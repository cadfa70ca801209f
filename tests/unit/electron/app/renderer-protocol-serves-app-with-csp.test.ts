/**
 * The app:// handler that serves dist/renderer to the window: files with their type and the
 * strict CSP header, and nothing outside the folder or the app's host.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  APP_HOST,
  CONTENT_SECURITY_POLICY,
  createRendererRequestHandler,
  isAppUrl,
} from '../../../../electron/app/renderer-protocol.ts';

const root = mkdtempSync(join(tmpdir(), 'renderer-protocol-'));
const dist = join(root, 'dist', 'renderer');
mkdirSync(join(dist, 'assets'), { recursive: true });
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Inspector</title>');
writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(root, 'secret.txt'), 'not for the renderer');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const handle = createRendererRequestHandler(dist, APP_HOST);
const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

describe('app:// renderer protocol', () => {
  it('serves index.html for the root and the page itself, with the CSP header', async () => {
    for (const url of ['app://inspector/', 'app://inspector/index.html']) {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.text()).toContain('<title>Inspector</title>');
    }
  });

  it('serves assets with their content type', async () => {
    const response = await get('app://inspector/assets/app.js');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('refuses paths that climb out of the renderer folder, encoded or not', async () => {
    for (const url of [
      'app://inspector/../../secret.txt',
      'app://inspector/%2e%2e/%2e%2e/secret.txt',
      'app://inspector/..%2f..%2fsecret.txt',
      'app://inspector/assets/%00.js',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBeGreaterThanOrEqual(400);
      expect(await response.text()).not.toContain('not for the renderer');
    }
  });

  it('answers 404 for missing files, directories and other hosts, 405 for other methods', async () => {
    expect((await get('app://inspector/missing.js')).status).toBe(404);
    expect((await get('app://inspector/assets')).status).toBe(404);
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://inspector/index.html', 'POST')).status).toBe(405);
  });

  it('has a CSP that allows only the app itself: no inline script, eval or network', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
  });

  it('recognises only app://inspector URLs as the app', () => {
    expect(isAppUrl('app://inspector/index.html#settings')).toBe(true);
    expect(isAppUrl('app://inspector.evil/index.html')).toBe(false);
    expect(isAppUrl('https://inspector/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});
