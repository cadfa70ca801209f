/** Launch at login: Electron's login items on macOS/Windows, an XDG autostart file on Linux. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createLoginItem,
  HIDDEN_ARG,
  linuxAutostartFile,
} from '../../../../electron/app/login-item.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function fakeApp() {
  let settings = { openAtLogin: false };
  return {
    getLoginItemSettings: vi.fn(() => ({ ...settings })),
    setLoginItemSettings: vi.fn((next: { openAtLogin: boolean }) => {
      settings = { openAtLogin: next.openAtLogin };
    }),
  };
}

describe('login item', () => {
  it('uses Electron login item settings on macOS and Windows, starting hidden', () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const app = fakeApp();
      const item = createLoginItem({
        app: app as never,
        platform,
        env: {},
        homeDir: '/home/u',
        execPath: '/x',
      });
      expect(item.supported).toBe(true);
      expect(item.isEnabled()).toBe(false);
      item.setEnabled(true);
      expect(app.setLoginItemSettings).toHaveBeenCalledWith({
        openAtLogin: true,
        args: [HIDDEN_ARG],
      });
      expect(item.isEnabled()).toBe(true);
    }
  });

  it('writes and removes an XDG autostart entry on Linux, quoting the program path', () => {
    const home = mkdtempSync(join(tmpdir(), 'login-item-'));
    dirs.push(home);
    const env = { XDG_CONFIG_HOME: join(home, 'cfg') };
    const item = createLoginItem({
      app: fakeApp() as never,
      platform: 'linux',
      env,
      homeDir: home,
      execPath: '/opt/Anthropic Proxy/anthropic-proxy',
    });
    const file = linuxAutostartFile(env, home);
    expect(file).toBe(join(home, 'cfg', 'autostart', 'anthropic-proxy.desktop'));
    expect(item.isEnabled()).toBe(false);
    item.setEnabled(true);
    expect(item.isEnabled()).toBe(true);
    const entry = readFileSync(file, 'utf8');
    expect(entry).toContain('[Desktop Entry]');
    expect(entry).toContain('Exec="/opt/Anthropic Proxy/anthropic-proxy" --hidden');
    item.setEnabled(false);
    expect(existsSync(file)).toBe(false);
  });

  it('starts the AppImage rather than its temporary mount when running from one', () => {
    const home = mkdtempSync(join(tmpdir(), 'login-item-'));
    dirs.push(home);
    const env = { APPIMAGE: '/home/u/Apps/Anthropic-Proxy.AppImage' };
    createLoginItem({
      app: fakeApp() as never,
      platform: 'linux',
      env,
      homeDir: home,
      execPath: '/tmp/.mount_x/app',
    }).setEnabled(true);
    expect(readFileSync(linuxAutostartFile(env, home), 'utf8')).toContain(
      'Exec="/home/u/Apps/Anthropic-Proxy.AppImage"',
    );
  });

  it('is unsupported elsewhere', () => {
    const item = createLoginItem({
      app: fakeApp() as never,
      platform: 'freebsd',
      env: {},
      homeDir: '/h',
      execPath: '/x',
    });
    expect(item.supported).toBe(false);
    expect(item.isEnabled()).toBe(false);
  });
});
