/**
 * A small stand-in for the 'electron' module, for `vi.mock('electron', ...)` in the main
 * process tests (the Electron binary is not installed here). It implements just what
 * electron/app uses, records what the app did (tray images, menus, clipboard, notifications,
 * windows) and lets a test play the user or the OS: click a menu item, close a window,
 * launch a second instance, send IPC from a chosen sender.
 *
 * Usage: `vi.mock('electron', async () => (await import('./fake-electron.ts')).electronModule)`
 * (electron-store imports the default export, the app the named ones). `resetFakeElectron()`
 * between tests.
 */
import { EventEmitter } from 'node:events';
import type { MenuItemConstructorOptions } from 'electron';

/** An event whose default action a handler can cancel, like Electron's. */
export class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeWebFrame {
  url: string;
  parent: FakeWebFrame | null;
  constructor(url: string, parent: FakeWebFrame | null = null) {
    this.url = url;
    this.parent = parent;
  }
}

export class FakeWebContents extends EventEmitter {
  readonly sent: { channel: string; args: unknown[] }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | undefined;
  destroyed = false;
  mainFrame = new FakeWebFrame('about:blank');
  readonly executed: string[] = [];
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  async executeJavaScript(code: string): Promise<unknown> {
    this.executed.push(code);
    return undefined;
  }
  /** Emits a cancelable event (will-navigate, ...) and says whether it was prevented. */
  tryEvent(name: string, ...args: unknown[]): boolean {
    const event = new FakeEvent();
    this.emit(name, event, ...args);
    return event.defaultPrevented;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  visible = false;
  minimized = false;
  focused = false;
  destroyed = false;
  loadedUrl: string | undefined;
  readonly options: Record<string, unknown>;
  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    FakeBrowserWindow.instances.push(this);
    fake.app.emit('web-contents-created', new FakeEvent(), this.webContents);
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.mainFrame = new FakeWebFrame(url);
    // A real window becomes ready to show once the page has painted.
    queueMicrotask(() => this.emit('ready-to-show'));
  }
  show(): void {
    this.visible = true;
    this.focused = true;
  }
  hide(): void {
    this.visible = false;
    this.focused = false;
  }
  focus(): void {
    this.focused = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  minimize(): void {
    this.minimized = true;
    this.focused = false;
  }
  restore(): void {
    this.minimized = false;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** What the user's close button does: 'close' (cancelable), then destruction unless prevented. */
  close(): void {
    const event = new FakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.visible = false;
    this.emit('closed');
  }
}

export interface FakeImage {
  path: string;
  template: boolean;
  setTemplateImage(template: boolean): void;
}

export interface FakeMenu {
  items: MenuItemConstructorOptions[];
}

export class FakeTray extends EventEmitter {
  static instances: FakeTray[] = [];
  image: FakeImage;
  readonly images: FakeImage[] = [];
  tooltip = '';
  menu: FakeMenu | undefined;
  menuBuilds = 0;
  destroyed = false;
  constructor(image: FakeImage) {
    super();
    this.image = image;
    this.images.push(image);
    FakeTray.instances.push(this);
  }
  setImage(image: FakeImage): void {
    this.image = image;
    this.images.push(image);
    this.emit('image-changed', this.iconState());
  }
  /** Resolves once the tray shows the given icon state (at once if it already does). */
  untilIcon(state: string): Promise<void> {
    if (this.iconState() === state) return Promise.resolve();
    return new Promise((resolve) => {
      const check = () => {
        if (this.iconState() !== state) return;
        this.off('image-changed', check);
        resolve();
      };
      this.on('image-changed', check);
    });
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  setContextMenu(menu: FakeMenu): void {
    this.menu = menu;
    this.menuBuilds += 1;
    this.emit('menu-changed');
  }
  /** Resolves once a menu item's label matches (at once if it already does). */
  untilLabel(id: string, pattern: RegExp): Promise<void> {
    const matches = () => this.hasItem(id) && pattern.test(this.item(id).label ?? '');
    if (matches()) return Promise.resolve();
    return new Promise((resolve) => {
      const check = () => {
        if (!matches()) return;
        this.off('menu-changed', check);
        resolve();
      };
      this.on('menu-changed', check);
    });
  }
  destroy(): void {
    this.destroyed = true;
  }
  /** The icon state shown, read from the file name (tray-<state>[Template].png). */
  iconState(): string {
    return /tray-([a-z]+)(?:Template)?\.png$/.exec(this.image.path)?.[1] ?? '?';
  }
  item(id: string): MenuItemConstructorOptions {
    const found = this.menu?.items.find((item) => item.id === id);
    if (!found) throw new Error(`No menu item "${id}" in ${JSON.stringify(this.labels())}`);
    return found;
  }
  hasItem(id: string): boolean {
    return this.menu?.items.some((item) => item.id === id) ?? false;
  }
  labels(): string[] {
    return (this.menu?.items ?? []).filter((item) => item.label).map((item) => item.label!);
  }
  /** Clicks a menu item the way Electron does (checkboxes flip before the click handler). */
  click(id: string): void {
    const item = this.item(id);
    if (item.enabled === false) throw new Error(`Menu item "${id}" is disabled`);
    const menuItem = { ...item, checked: item.type === 'checkbox' ? !item.checked : item.checked };
    (item.click as ((menuItem: unknown) => void) | undefined)?.(menuItem);
  }
}

export class FakeNotification extends EventEmitter {
  static instances: FakeNotification[] = [];
  static supported = true;
  static isSupported(): boolean {
    return FakeNotification.supported;
  }
  shown = false;
  readonly options: { title: string; body: string };
  constructor(options: { title: string; body: string }) {
    super();
    this.options = options;
    FakeNotification.instances.push(this);
  }
  show(): void {
    this.shown = true;
  }
}

type Handler = (event: unknown, ...args: unknown[]) => unknown;

class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, Handler>();
  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** What ipcRenderer.invoke does: the handler's result or rejection. */
  async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }
}

/** A reversible stand-in for OS encryption: the output never contains the input. */
const fakeSafeStorage = {
  available: true,
  isEncryptionAvailable(): boolean {
    return fakeSafeStorage.available;
  },
  encryptString(text: string): Buffer {
    if (!fakeSafeStorage.available) throw new Error('Encryption is not available.');
    return Buffer.concat([Buffer.from('FAKE'), Buffer.from(text, 'utf8').map((b) => b ^ 0x5a)]);
  },
  decryptString(buffer: Buffer): string {
    if (buffer.subarray(0, 4).toString() !== 'FAKE')
      throw new Error(
        'Error while decrypting the ciphertext provided to safeStorage.decryptString.',
      );
    return Buffer.from(buffer.subarray(4).map((b) => b ^ 0x5a)).toString('utf8');
  },
};

class FakeApp extends EventEmitter {
  userData = '/tmp/fake-user-data';
  appPath = process.cwd();
  name = 'anthropic-proxy';
  quitCalls = 0;
  /** Set when a quit went through (no before-quit handler prevented it). */
  quitted = false;
  exitCode: number | undefined;
  loginItem = { openAtLogin: false, args: [] as string[] };
  getPath(): string {
    return this.userData;
  }
  getAppPath(): string {
    return this.appPath;
  }
  getVersion(): string {
    return '0.0.0-test';
  }
  setName(name: string): void {
    this.name = name;
  }
  isPackaged = false;
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  requestSingleInstanceLock(): boolean {
    return true;
  }
  quit(): void {
    this.quitCalls += 1;
    const event = new FakeEvent();
    this.emit('before-quit', event);
    if (!event.defaultPrevented) this.quitted = true;
  }
  exit(code = 0): void {
    this.exitCode = code;
  }
  getLoginItemSettings(): { openAtLogin: boolean; wasOpenedAtLogin: boolean } {
    return { openAtLogin: this.loginItem.openAtLogin, wasOpenedAtLogin: false };
  }
  setLoginItemSettings(settings: { openAtLogin: boolean; args?: string[] }): void {
    this.loginItem = { openAtLogin: settings.openAtLogin, args: settings.args ?? [] };
  }
}

const app = new FakeApp();
const ipcMain = new FakeIpcMain();

/** What the app did, and the handlers it installed; cleared by resetFakeElectron(). */
export const fake = {
  app,
  ipcMain,
  clipboardText: '',
  openedExternally: [] as string[],
  protocolHandlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
  privilegedSchemes: [] as unknown[],
  permissionRequestHandler: undefined as
    | undefined
    | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void),
  beforeRequest: undefined as
    | undefined
    | ((details: { url: string }, callback: (response: { cancel: boolean }) => void) => void),
  exposed: new Map<string, unknown>(),
  errorBoxes: [] as { title: string; content: string }[],
};

/** Back to a fresh state, keeping the same objects (the app holds references to them). */
export function resetFakeElectron(): void {
  app.removeAllListeners();
  Object.assign(app, new FakeApp());
  ipcMain.removeAllListeners();
  ipcMain.handlers.clear();
  fake.clipboardText = '';
  fake.openedExternally = [];
  fake.protocolHandlers.clear();
  fake.privilegedSchemes = [];
  fake.permissionRequestHandler = undefined;
  fake.beforeRequest = undefined;
  fake.exposed.clear();
  fake.errorBoxes = [];
  FakeBrowserWindow.instances = [];
  FakeTray.instances = [];
  FakeNotification.instances = [];
  FakeNotification.supported = true;
  fakeSafeStorage.available = true;
}

/** The module the app imports. */
const named = {
  app,
  ipcMain,
  BrowserWindow: FakeBrowserWindow,
  Tray: FakeTray,
  Notification: FakeNotification,
  Menu: {
    buildFromTemplate: (items: MenuItemConstructorOptions[]): FakeMenu => ({ items }),
  },
  nativeImage: {
    createFromPath(path: string): FakeImage {
      const image: FakeImage = {
        path,
        template: false,
        setTemplateImage(template) {
          image.template = template;
        },
      };
      return image;
    },
  },
  clipboard: {
    writeText(text: string): void {
      fake.clipboardText = text;
    },
  },
  shell: {
    async openExternal(url: string): Promise<void> {
      fake.openedExternally.push(url);
    },
  },
  safeStorage: fakeSafeStorage,
  protocol: {
    registerSchemesAsPrivileged(schemes: unknown[]): void {
      fake.privilegedSchemes.push(...schemes);
    },
    handle(scheme: string, handler: (request: Request) => Promise<Response>): void {
      fake.protocolHandlers.set(scheme, handler);
    },
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler(handler: typeof fake.permissionRequestHandler): void {
        fake.permissionRequestHandler = handler;
      },
      setPermissionCheckHandler(): void {},
      webRequest: {
        onBeforeRequest(handler: typeof fake.beforeRequest): void {
          fake.beforeRequest = handler;
        },
      },
    },
  },
  dialog: {
    showErrorBox(title: string, content: string): void {
      fake.errorBoxes.push({ title, content });
    },
  },
  contextBridge: {
    exposeInMainWorld(key: string, api: unknown): void {
      fake.exposed.set(key, api);
    },
  },
  ipcRenderer: new (class extends EventEmitter {
    readonly invoked: { channel: string; args: unknown[] }[] = [];
    readonly sentToMain: { channel: string; args: unknown[] }[] = [];
    async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
      this.invoked.push({ channel, args });
      return { channel, args };
    }
    send(channel: string, ...args: unknown[]): void {
      this.sentToMain.push({ channel, args });
    }
  })(),
};

export const electronModule = { ...named, default: named };
