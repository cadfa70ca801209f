/**
 * Process-wide guards that hold whatever window or page exists: the session loads nothing
 * but the app's own `app://` pages (plus devtools), grants no permission (camera, notifications
 * from pages, ...), and every webContents created anywhere refuses navigation, new windows
 * and <webview>. The inspector window sets the same handlers itself; these catch anything
 * else (a devtools window, a future second window).
 */
import type { App, Session } from 'electron';
import { APP_SCHEME } from './renderer-protocol.ts';

// data: and blob: never leave the process (inline images, export downloads).
const allowedSchemes = new Set([`${APP_SCHEME}:`, 'devtools:', 'data:', 'blob:']);

/** True for request URLs the renderer may load: its own files only, never the network. */
export function isAllowedRequestUrl(url: string): boolean {
  try {
    return allowedSchemes.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url) });
  });
}

export function guardAllWebContents(app: Pick<App, 'on'>): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}
