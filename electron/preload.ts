/**
 * The preload of the inspector window: exposes the typed bridge of shared/bridge.ts as
 * `window.anthropicProxy` and nothing else (no generic invoke, no ipcRenderer). Runs
 * sandboxed, so it is bundled to one CommonJS file whose only require is 'electron'.
 *
 * Listeners never see the IPC event (it carries `sender`); each `main:*` message is a batch
 * of payloads, delivered to the listener one by one in order.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { Bridge, BridgeApi, BridgeEventName, BridgeEvents } from '../shared/bridge.ts';
import {
  bridgeMethodNames,
  eventChannel,
  invokeChannel,
  isBridgeEventName,
  snapshotRequestChannel,
} from '../shared/ipc-channels.ts';

// One invoke per contract method. ipcRenderer.invoke is untyped; the main process's handler
// table is typed against the contract, which is what keeps the two ends in step.
const api = Object.fromEntries(
  bridgeMethodNames.map((method) => [
    method,
    (...args: unknown[]) => ipcRenderer.invoke(invokeChannel(method), ...args),
  ]),
) as unknown as BridgeApi;

function on<K extends BridgeEventName>(
  event: K,
  listener: (payload: BridgeEvents[K]) => void,
): () => void {
  if (!isBridgeEventName(event)) throw new TypeError(`Unknown bridge event: ${String(event)}`);
  const channel = eventChannel(event);
  const relay = (_event: IpcRendererEvent, batch: BridgeEvents[K][]) => {
    for (const payload of batch) listener(payload);
  };
  ipcRenderer.on(channel, relay);
  // Subscribing to the snapshot is this transport's "connect": ask for the current state.
  if (event === 'snapshot') ipcRenderer.send(snapshotRequestChannel);
  return () => {
    ipcRenderer.removeListener(channel, relay);
  };
}

const bridge: Bridge = { ...api, on };

contextBridge.exposeInMainWorld('anthropicProxy', bridge);
