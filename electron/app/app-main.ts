/**
 * The desktop app's start-up, in the order Electron needs: name and privileged scheme before
 * `ready`, the single-instance lock (a second launch hands over to the first and exits),
 * then the electron-store settings store with safeStorage-encrypted keys, and the app itself
 * (desktop-app.ts).
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { app, ipcMain, protocol, safeStorage } from 'electron';
import ElectronStore from 'electron-store';
import { demoRequested } from '../server/demo/demo-mode.ts';
import { loadProxyConfig } from '../server/proxy-config.ts';
import { envSettingsFrom, setVariables } from '../server/settings/env-overlay.ts';
import { appPaths, startDesktopApp } from './desktop-app.ts';
import { ElectronSettingsStore } from './electron-settings-store.ts';
import { createLoginItem, HIDDEN_ARG } from './login-item.ts';
import { APP_SCHEME } from './renderer-protocol.ts';
import { createSafeStorageCodec } from './safe-storage-codec.ts';

// One user-data folder in development and when packaged (the package name would differ).
app.setName('Anthropic Proxy');
// A folder of its own for tests and portable setups; must be set before anything reads it.
const userDataDir = process.env.ANTHROPIC_PROXY_USER_DATA_DIR?.trim();
if (userDataDir) app.setPath('userData', userDataDir);
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  await app.whenReady();
  const cwd = process.cwd();
  const baseConfig = loadProxyConfig(process.env, cwd);
  const variables = setVariables(process.env, cwd);
  const store = new ElectronSettingsStore({
    open() {
      const electronStore = new ElectronStore<Record<string, unknown>>({
        name: 'settings',
        cwd: app.getPath('userData'),
        configFileMode: 0o600,
        accessPropertiesByDotNotation: false,
      });
      // electron-store answers this channel for renderer-side stores, which this app does
      // not use; no IPC listener here may skip the sender check, so it goes.
      ipcMain.removeAllListeners('electron-store-get-data');
      return electronStore;
    },
    location: join(app.getPath('userData'), 'settings.json'),
    codec: createSafeStorageCodec(safeStorage),
  });
  const paths = appPaths(app.getAppPath());
  await startDesktopApp({
    store,
    baseConfig,
    env: envSettingsFrom(baseConfig, (name) => variables.has(name)),
    loginItem: createLoginItem({
      app,
      platform: process.platform,
      env: process.env,
      homeDir: homedir(),
      execPath: process.execPath,
    }),
    ...paths,
    platform: process.platform,
    startHidden:
      process.argv.includes(HIDDEN_ARG) || app.getLoginItemSettings().wasOpenedAtLogin === true,
    demo: demoRequested(process.argv, process.env),
  });
}
