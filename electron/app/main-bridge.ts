/**
 * The proxy side of the bridge contract inside the main process: what the IPC handlers call
 * (reads of the recorder, exports, status, and the settings half shared with the HTTP
 * transport) and the push of bridge events to
 * the window, batched. The recorder's `cleared` becomes a fresh snapshot, as the contract
 * says, and a renderer that subscribes to `snapshot` gets one right after whatever was
 * already queued for it, so it never sees an update older than its snapshot.
 *
 * Electron-free (the window is reached through `send`), so the Chromium test of the
 * renderer's IPC transport runs this very module against the real recorder.
 */
import type {
  BridgeApi,
  BridgeEvents,
  ProxyStatus,
  SettingsBridgeApi,
} from '../../shared/bridge.ts';
import { eventChannel, type BridgeEventMessage } from '../../shared/ipc-channels.ts';
import { exportExchanges } from '../server/recorder/exchange-export.ts';
import type { RecorderEventArgs, TrafficRecorder } from '../server/recorder/traffic-recorder.ts';
import { createEventBatcher, type BatchSender } from './event-batcher.ts';

export interface MainBridgeOptions {
  recorder: TrafficRecorder;
  /** The settings half, shared with the HTTP transport (createSettingsBridgeApi). */
  settingsApi: SettingsBridgeApi;
  status(): ProxyStatus;
  version: string;
  /** Delivers one batch to the window (webContents.send in the app). */
  send: BatchSender;
  /** Sees every event pushed, e.g. the tray's traffic counter. */
  onEvent?(message: BridgeEventMessage): void;
  /** Turns demo mode on (demo/demo-mode.ts) and answers the new status; absent, startDemo refuses. */
  startDemo?(): Promise<ProxyStatus>;
  batchIntervalMs?: number;
}

export interface MainBridge {
  api: BridgeApi;
  pushStatus(status: ProxyStatus): void;
  /** Answers a snapshot request: what is queued first, then the snapshot, to `send`. */
  sendSnapshot(send: BatchSender): void;
  /** Sends what is queued now. */
  flush(): void;
  dispose(): void;
}

export function createMainBridge(options: MainBridgeOptions): MainBridge {
  const { recorder } = options;
  const batcher = createEventBatcher({
    send: options.send,
    ...(options.batchIntervalMs !== undefined ? { intervalMs: options.batchIntervalMs } : {}),
  });
  const snapshot = (): BridgeEvents['snapshot'] => ({
    exchanges: recorder.list(),
    status: options.status(),
  });
  const push = (message: BridgeEventMessage): void => {
    options.onEvent?.(message);
    batcher.push(message.event, message.payload);
  };

  const unsubscribe = recorder.subscribe((...[name, payload]: RecorderEventArgs) => {
    switch (name) {
      case 'cleared':
        push({ event: 'snapshot', payload: snapshot() });
        return;
      case 'exchange-started':
        push({ event: name, payload });
        return;
      case 'exchange-updated':
        push({ event: name, payload });
        return;
      case 'exchange-completed':
        push({ event: name, payload });
        return;
      case 'exchanges-evicted':
        push({ event: name, payload });
        return;
    }
  });

  const api: BridgeApi = {
    ...options.settingsApi,
    listExchanges: async () => recorder.list(),
    getExchange: async (id) => recorder.get(id),
    clearExchanges: async () => recorder.clear(),
    exportExchanges: async (format, ids) =>
      exportExchanges(recorder, format, ids, { version: options.version }).body,
    getStatus: async () => options.status(),
    searchExchanges: async (query) => (await recorder.search(query)).ids,
    startDemo: () =>
      options.startDemo
        ? options.startDemo()
        : Promise.reject(new Error('Demo mode is not available in this window.')),
  };

  return {
    api,
    pushStatus: (status) => push({ event: 'status', payload: status }),
    sendSnapshot(send) {
      batcher.flush();
      send(eventChannel('snapshot'), [snapshot()]);
    },
    flush: () => batcher.flush(),
    dispose() {
      unsubscribe();
      batcher.dispose();
    },
  };
}
