/**
 * The Electron transport: the Bridge over `window.anthropicProxy`, which electron/preload.ts
 * exposes through contextBridge. Every call there crosses the context-isolation boundary,
 * so this keeps one preload subscription per event name and fans payloads out to the
 * renderer's listeners itself; the last listener of an event unsubscribes it again.
 *
 * Errors from the main process arrive wrapped by Electron ("Error invoking remote method
 * 'renderer:get-exchange': IpcRefusedError: …"); callers get the main process's message
 * alone, as the HTTP transport gives the server's.
 */
import type { Bridge, BridgeEventName, BridgeEvents } from '../../shared/bridge.ts';

type AnyListener = (payload: never) => void;

const ELECTRON_PREFIX = /^Error invoking remote method '[^']*': (?:[A-Za-z]*Error: )?/;

function cleanError(error: unknown): Error {
  if (!(error instanceof Error)) return new Error(String(error));
  const message = error.message.replace(ELECTRON_PREFIX, '');
  return message === error.message ? error : new Error(message);
}

async function relay<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw cleanError(error);
  }
}

export function createIpcBridge(exposed: Bridge): Bridge {
  const listeners = new Map<BridgeEventName, Set<AnyListener>>();
  const detach = new Map<BridgeEventName, () => void>();

  function on<K extends BridgeEventName>(
    event: K,
    listener: (payload: BridgeEvents[K]) => void,
  ): () => void {
    let set = listeners.get(event);
    if (!set) {
      const fresh = new Set<AnyListener>();
      set = fresh;
      listeners.set(event, fresh);
      detach.set(
        event,
        exposed.on(event, (payload) => {
          // A copy: a listener may unsubscribe itself while being called.
          for (const each of [...fresh]) (each as (p: BridgeEvents[K]) => void)(payload);
        }),
      );
    }
    const entry = listener as AnyListener;
    set.add(entry);
    return () => {
      const current = listeners.get(event);
      if (!current?.delete(entry) || current.size > 0) return;
      listeners.delete(event);
      detach.get(event)?.();
      detach.delete(event);
    };
  }

  return {
    listExchanges: () => relay(() => exposed.listExchanges()),
    getExchange: (id) => relay(() => exposed.getExchange(id)),
    clearExchanges: () => relay(() => exposed.clearExchanges()),
    exportExchanges: (format, ids) =>
      relay(() =>
        ids === undefined ? exposed.exportExchanges(format) : exposed.exportExchanges(format, ids),
      ),
    getStatus: () => relay(() => exposed.getStatus()),
    searchExchanges: (query) => relay(() => exposed.searchExchanges(query)),
    startDemo: () => relay(() => exposed.startDemo()),
    getSettings: () => relay(() => exposed.getSettings()),
    saveSettings: (update) => relay(() => exposed.saveSettings(update)),
    testProvider: (id, request) =>
      relay(() =>
        request === undefined ? exposed.testProvider(id) : exposed.testProvider(id, request),
      ),
    checkCapabilities: (id, request) =>
      relay(() =>
        request === undefined
          ? exposed.checkCapabilities(id)
          : exposed.checkCapabilities(id, request),
      ),
    testRoute: (request) => relay(() => exposed.testRoute(request)),
    on,
  };
}
