/**
 * The one place that knows which transport the inspector uses: the preload's bridge
 * (`window.anthropicProxy`) inside Electron, else the HTTP/SSE bridge of the page it was
 * served from. Everything else in renderer/ sees only a `Bridge`.
 */
import type { Bridge } from '../../shared/bridge.ts';
import { createHttpBridge, httpBridgeOptionsFromLocation } from './http-bridge.ts';
import { createIpcBridge } from './ipc-bridge.ts';

declare global {
  interface Window {
    /** Exposed by electron/preload.ts through contextBridge: traffic and settings calls. */
    anthropicProxy?: Bridge;
  }
}

export function chooseBridge(): Bridge {
  return window.anthropicProxy
    ? createIpcBridge(window.anthropicProxy)
    : createHttpBridge(httpBridgeOptionsFromLocation(window.location));
}
