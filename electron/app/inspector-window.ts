/**
 * The one app window (inspector and settings), created on first use and then kept: closing
 * it only hides it, so the app lives on in the tray and the renderer's state survives.
 * Only Quit (which sets `isQuitting`) lets the close through.
 *
 * Locked down: context isolation, sandbox, no Node integration, the preload as the only way
 * out; every navigation away from the loaded page and every window.open is refused (http(s)
 * links the user clicks open in the default browser instead).
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, Shell } from 'electron';

export type WindowView = 'inspector' | 'settings';

export interface InspectorWindowOptions {
  createWindow(options: BrowserWindowConstructorOptions): BrowserWindow;
  shell: Pick<Shell, 'openExternal'>;
  preloadPath: string;
  /** The renderer's index page, e.g. app://inspector/index.html. */
  indexUrl: string;
  isQuitting(): boolean;
  icon?: string;
  /** Developer tools: on in development, off in the packaged app. */
  devTools: boolean;
}

export interface InspectorWindow {
  /** Shows (creating if needed), restores and focuses the window on the given view. */
  show(view?: WindowView): void;
  /** The window if it exists and is not destroyed. */
  get(): BrowserWindow | undefined;
}

/** The renderer reads its starting view from the URL fragment (`#settings`). */
export function viewUrl(indexUrl: string, view: WindowView): string {
  return view === 'settings' ? `${indexUrl}#settings` : indexUrl;
}

export function isExternalHttpUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

export function createInspectorWindow(options: InspectorWindowOptions): InspectorWindow {
  let window: BrowserWindow | undefined;

  function create(view: WindowView): BrowserWindow {
    const win = options.createWindow({
      width: 1280,
      height: 820,
      minWidth: 720,
      minHeight: 480,
      show: false,
      title: 'Anthropic Proxy',
      ...(options.icon ? { icon: options.icon } : {}),
      webPreferences: {
        preload: options.preloadPath,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        spellcheck: false,
        devTools: options.devTools,
      },
    });
    win.on('close', (event) => {
      if (options.isQuitting()) return;
      event.preventDefault();
      win.hide();
    });
    win.on('closed', () => {
      if (window === win) window = undefined;
    });
    const contents = win.webContents;
    contents.setWindowOpenHandler(({ url }) => {
      if (isExternalHttpUrl(url)) void options.shell.openExternal(url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    win.once('ready-to-show', () => win.show());
    void win.loadURL(viewUrl(options.indexUrl, view));
    return win;
  }

  return {
    show(view = 'inspector') {
      if (!window || window.isDestroyed()) {
        window = create(view);
        return;
      }
      // A same-page fragment change: no navigation, the renderer's hashchange handler runs.
      void window.webContents.executeJavaScript(
        view === 'settings'
          ? "location.hash = 'settings'"
          : "if (location.hash === '#settings') location.hash = ''",
        false,
      );
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
    },
    get: () => (window && !window.isDestroyed() ? window : undefined),
  };
}
