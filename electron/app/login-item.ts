/**
 * "Launch at Login" for the tray menu. macOS and Windows have it built in (Electron's login
 * item settings); on Linux Electron has nothing, so this writes the XDG autostart entry
 * (`~/.config/autostart/anthropic-proxy.desktop`) that desktop sessions honour. A login
 * launch passes `--hidden`, so the app starts in the tray without opening its window.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from 'electron';

export const HIDDEN_ARG = '--hidden';

export interface LoginItem {
  supported: boolean;
  isEnabled(): boolean;
  setEnabled(enabled: boolean): void;
}

export interface LoginItemOptions {
  app: Pick<App, 'getLoginItemSettings' | 'setLoginItemSettings'>;
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  homeDir: string;
  /** The program to start: the AppImage when running from one, else the executable. */
  execPath: string;
}

/** Desktop Entry spec: quote the path, escape the characters that are special inside quotes. */
function desktopExec(path: string): string {
  return `"${path.replace(/(["`$\\])/g, '\\$1')}" ${HIDDEN_ARG}`;
}

export function linuxAutostartFile(env: NodeJS.ProcessEnv, homeDir: string): string {
  const configHome = env.XDG_CONFIG_HOME || join(homeDir, '.config');
  return join(configHome, 'autostart', 'anthropic-proxy.desktop');
}

export function createLoginItem(options: LoginItemOptions): LoginItem {
  const { app, platform } = options;
  if (platform === 'darwin' || platform === 'win32') {
    return {
      supported: true,
      isEnabled: () => app.getLoginItemSettings({ args: [HIDDEN_ARG] }).openAtLogin,
      setEnabled: (enabled) =>
        app.setLoginItemSettings({ openAtLogin: enabled, args: [HIDDEN_ARG] }),
    };
  }
  if (platform === 'linux') {
    const file = linuxAutostartFile(options.env, options.homeDir);
    const program = options.env.APPIMAGE || options.execPath;
    return {
      supported: true,
      isEnabled: () => existsSync(file),
      setEnabled(enabled) {
        if (!enabled) {
          rmSync(file, { force: true });
          return;
        }
        mkdirSync(join(file, '..'), { recursive: true });
        writeFileSync(
          file,
          [
            '[Desktop Entry]',
            'Type=Application',
            'Name=Anthropic Proxy',
            'Comment=Run Claude Code on OpenAI-compatible models',
            `Exec=${desktopExec(program)}`,
            'Terminal=false',
            'X-GNOME-Autostart-enabled=true',
            '',
          ].join('\n'),
        );
      },
    };
  }
  return { supported: false, isEnabled: () => false, setEnabled: () => undefined };
}
