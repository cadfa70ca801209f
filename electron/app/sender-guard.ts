/**
 * Decides whether an IPC message comes from the app's own inspector window: the sender must
 * be that window's webContents, the message must come from its main frame (not an iframe),
 * and that frame must show an `app://inspector/` page. Anything else (another window, a
 * navigated-away page, a frame Electron could not resolve) is refused.
 */
import type { BrowserWindow, IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import { isAppUrl } from './renderer-protocol.ts';

export type SenderGuard = (event: IpcMainEvent | IpcMainInvokeEvent) => boolean;

export function createSenderGuard(getWindow: () => BrowserWindow | undefined): SenderGuard {
  return (event) => {
    const window = getWindow();
    if (!window || window.isDestroyed()) return false;
    if (event.sender !== window.webContents) return false;
    const frame = event.senderFrame;
    // A frame with a parent is a subframe; WebFrameMain wrappers are not compared by identity.
    if (!frame || frame.parent !== null) return false;
    return isAppUrl(frame.url);
  };
}
