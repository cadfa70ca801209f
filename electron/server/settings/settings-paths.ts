/**
 * Where the headless proxy keeps its settings file: ANTHROPIC_PROXY_CONFIG_DIR when set
 * (tests, portable setups), else the XDG config directory ($XDG_CONFIG_HOME or ~/.config,
 * %APPDATA% on Windows), in an `anthropic-proxy` folder.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const SETTINGS_FILE_NAME = 'settings.json';

export function settingsDirectory(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  const explicit = env.ANTHROPIC_PROXY_CONFIG_DIR?.trim();
  if (explicit) return explicit;
  const xdg = env.XDG_CONFIG_HOME?.trim();
  if (xdg) return join(xdg, 'anthropic-proxy');
  const appData = env.APPDATA?.trim();
  if (platform === 'win32' && appData) return join(appData, 'anthropic-proxy');
  return join(homedir(), '.config', 'anthropic-proxy');
}

export function settingsFilePath(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  return join(settingsDirectory(env, platform), SETTINGS_FILE_NAME);
}
