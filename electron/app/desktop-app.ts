/**
 * Wires the desktop app together once Electron is ready: the same proxy server and traffic
 * recorder as headless mode (settings read per call, recording switchable), the settings
 * (desktop-settings.ts), the tray, the one window, and the IPC transport of the bridge. Everything Electron-specific
 * comes from the 'electron' module; everything about the proxy is the server's own code.
 *
 * Lifecycle: the window only hides on close; a second launch focuses it; Quit (tray, menu,
 * Cmd+Q, OS logout) first stops the proxy, whose close() gives calls in flight a short
 * grace period, and only then lets the app exit.
 */
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  clipboard,
  ipcMain,
  Menu,
  nativeImage,
  Notification,
  protocol,
  session,
  shell,
  Tray,
} from 'electron';
import { createDemoMode } from '../server/demo/demo-mode.ts';
import type { ProxyConfig } from '../server/proxy-config.ts';
import { PROXY_VERSION } from '../server/proxy-version.ts';
import { createTrafficRecorder } from '../server/recorder/traffic-recorder.ts';
import type { TrafficRecorder } from '../server/recorder/traffic-recorder.ts';
import type { EnvSettings } from '../server/settings/env-overlay.ts';
import { gatedTap } from '../server/settings/gated-tap.ts';
import type { SettingsService } from '../server/settings/settings-service.ts';
import type { SettingsStore } from '../server/settings/settings-store.ts';
import { upstreamConfigured } from '../server/settings/upstream-plan.ts';
import { startProxyServer } from '../server/start-proxy-server.ts';
import { registerBridgeIpc } from './bridge-ipc.ts';
import { claudeCodeSetupLines } from './claude-code-setup.ts';
import { openDesktopSettings } from './desktop-settings.ts';
import { createInspectorWindow, type InspectorWindow } from './inspector-window.ts';
import { createMainBridge } from './main-bridge.ts';
import type { LoginItem } from './login-item.ts';
import { createProxyController, type ProxyController } from './proxy-controller.ts';
import {
  APP_HOST,
  APP_INDEX_URL,
  APP_SCHEME,
  createRendererRequestHandler,
} from './renderer-protocol.ts';
import { createSenderGuard } from './sender-guard.ts';
import { guardAllWebContents, hardenSession } from './session-security.ts';
import { createTrafficCounter } from './traffic-counter.ts';
import { createTrayController, type TrayController } from './tray-controller.ts';
import type { TrayActions, TrayView } from './tray-menu.ts';

export interface DesktopAppOptions {
  /** Where the settings live (electron-store with safeStorage in the app). */
  store: SettingsStore;
  /** The environment's configuration (HOST, PORT, BASE_URL, ..., timeouts). */
  baseConfig: ProxyConfig;
  /** Which settings the environment's variables pin. */
  env: EnvSettings;
  loginItem: LoginItem;
  preloadPath: string;
  rendererDir: string;
  iconDir: string;
  appIcon?: string;
  platform: NodeJS.Platform;
  /** Start in the tray without opening the window (launch at login). */
  startHidden: boolean;
  /** Start in demo mode (`--demo`, DEMO=1), as headless mode does. */
  demo?: boolean;
  /** Grace for calls in flight when the proxy stops or the app quits (default 2000 ms). */
  closeGraceMs?: number;
}

export interface DesktopApp {
  settings: SettingsService;
  controller: ProxyController;
  recorder: TrafficRecorder;
  window: InspectorWindow;
  tray: TrayController;
  actions: TrayActions;
  /** Stops the proxy (with grace) and releases everything; before-quit calls it. */
  shutdown(): Promise<void>;
}

export async function startDesktopApp(options: DesktopAppOptions): Promise<DesktopApp> {
  const { platform } = options;
  hardenSession(session.defaultSession);
  guardAllWebContents(app);
  protocol.handle(APP_SCHEME, createRendererRequestHandler(options.rendererDir, APP_HOST));

  const desktop = await openDesktopSettings({
    store: options.store,
    config: options.baseConfig,
    env: options.env,
    warn: (message) => console.warn(`WARNING: ${message}`),
  });
  const settings = desktop.service;
  // The recorder's bounds are set once; changed limits apply at the next launch.
  const limits = settings.get().inspector;
  const recorder = createTrafficRecorder({
    maxExchanges: limits.maxExchanges,
    maxBytes: limits.maxMemoryMb * 1024 * 1024,
    secrets: desktop.secrets,
  });

  // Off until the inspector's "Try the demo" (or --demo); then every call goes to the
  // simulated upstream.
  const demo = createDemoMode({
    settings: settings.get,
    sampleCalls: {
      proxyUrl: () => controller.status().url,
      onError: (error) => desktop.logger.warn({ err: error }, 'a demo sample call failed'),
    },
  });
  const controller = createProxyController({
    launch: () =>
      startProxyServer({
        config: desktop.listenConfig(),
        settings: demo.settings,
        upstreamFetch: demo.fetch,
        logger: desktop.logger,
        tap: gatedTap(recorder, () => settings.get().inspector.enabled),
        closeGraceMs: options.closeGraceMs ?? 2000,
      }),
    describe: () => ({
      version: PROXY_VERSION,
      demo: demo.enabled(),
      upstreamConfigured: upstreamConfigured(settings.get()),
    }),
    configuredPort: () => settings.get().server.port,
  });
  desktop.follow((host, port) => controller.rebind(host, port));

  let quitting = false;
  const window = createInspectorWindow({
    createWindow: (windowOptions) => new BrowserWindow(windowOptions),
    shell,
    preloadPath: options.preloadPath,
    indexUrl: APP_INDEX_URL,
    isQuitting: () => quitting,
    devTools: !app.isPackaged,
    ...(options.appIcon ? { icon: options.appIcon } : {}),
  });

  const counter = createTrafficCounter();
  const bridge = createMainBridge({
    recorder,
    settingsApi: desktop.bridgeApi,
    status: () => controller.status(),
    version: PROXY_VERSION,
    send: (channel, batch) => {
      const contents = window.get()?.webContents;
      if (contents && !contents.isDestroyed()) contents.send(channel, batch);
    },
    onEvent(message) {
      counter.handle(message);
      // The tray is created below, before any event can arrive.
      tray.render(trayView());
    },
    batchIntervalMs: 25,
    async startDemo() {
      if (demo.start()) bridge.pushStatus(controller.status());
      return controller.status();
    },
  });

  let launchAtLogin = options.loginItem.isEnabled();
  const trayView = (): TrayView => {
    const errorKind = controller.errorKind();
    return {
      status: controller.status(),
      ...(errorKind ? { errorKind } : {}),
      ...counter.counts(),
      launchAtLogin,
      launchAtLoginSupported: options.loginItem.supported,
    };
  };

  function notifyIfFailed(): void {
    const status = controller.status();
    if (status.state !== 'error' || !Notification.isSupported()) return;
    const notification = new Notification({
      title: 'Anthropic Proxy could not start',
      body: `${status.message ?? 'Unknown error'} Click to open the settings.`,
    });
    notification.on('click', () => window.show('settings'));
    notification.show();
  }

  const actions: TrayActions = {
    start: () => void controller.start().then(notifyIfFailed),
    stop: () => void controller.stop(),
    openInspector: () => window.show('inspector'),
    openSettings: () => window.show('settings'),
    copyClaudeCodeSetup() {
      const { url } = controller.status();
      if (!url) return;
      const { clientKey } = settings.get().server;
      clipboard.writeText(
        claudeCodeSetupLines({ url, platform, ...(clientKey ? { clientKey } : {}) }),
      );
    },
    setLaunchAtLogin(enabled) {
      options.loginItem.setEnabled(enabled);
      launchAtLogin = options.loginItem.isEnabled();
      tray.render(trayView());
    },
    quit: () => app.quit(),
  };

  const tray = createTrayController({
    createTray: (image) => new Tray(image),
    buildMenu: (template) => Menu.buildFromTemplate(template),
    loadImage: (path) => nativeImage.createFromPath(path),
    iconDir: options.iconDir,
    platform,
    actions,
    initial: trayView(),
  });

  const unsubscribeStatus = controller.onStatus((status) => bridge.pushStatus(status));

  const unregisterIpc = registerBridgeIpc({
    ipcMain,
    isTrustedSender: createSenderGuard(() => window.get()),
    api: bridge.api,
    onSnapshotRequest: (sender) =>
      bridge.sendSnapshot((channel, batch) => sender.send(channel, batch)),
  });

  // A listener that could not start gets another try once its address is changed.
  const unsubscribeSettings = settings.subscribe((next, previous) => {
    const moved =
      next.server.host !== previous.server.host || next.server.port !== previous.server.port;
    if (moved && controller.status().state === 'error') {
      void controller.start().then(notifyIfFailed);
    }
  });

  app.on('second-instance', () => window.show());
  app.on('activate', () => window.show());
  // Hidden windows keep the app alive anyway; this only stops Electron's default quit.
  app.on('window-all-closed', () => undefined);

  let shutdownPromise: Promise<void> | undefined;
  const shutdown = (): Promise<void> => {
    shutdownPromise ??= (async () => {
      quitting = true;
      demo.close();
      unsubscribeSettings();
      await controller.stop();
      recorder.flush();
      bridge.flush();
      unsubscribeStatus();
      unregisterIpc();
      bridge.dispose();
      recorder.dispose();
      tray.destroy();
    })();
    return shutdownPromise;
  };
  let readyToQuit = false;
  app.on('before-quit', (event) => {
    quitting = true;
    if (readyToQuit) return;
    event.preventDefault();
    void shutdown().finally(() => {
      readyToQuit = true;
      app.quit();
    });
  });

  await controller.start();
  notifyIfFailed();
  if (options.demo) await bridge.api.startDemo();
  if (!options.startHidden) window.show();
  return { settings, controller, recorder, window, tray, actions, shutdown };
}

/** Where the packaged or development app keeps its files, from the app's root folder. */
export function appPaths(appRoot: string) {
  return {
    preloadPath: join(appRoot, 'dist', 'electron', 'preload.cjs'),
    rendererDir: join(appRoot, 'dist', 'renderer'),
    iconDir: join(appRoot, 'resources', 'tray'),
    appIcon: join(appRoot, 'resources', 'icon.png'),
  };
}
