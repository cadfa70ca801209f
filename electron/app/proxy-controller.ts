/**
 * Owns the proxy's listener for the tray app: Start opens a real listening socket, Stop
 * closes it (so the port is free again), and the state (running / stopped / error) is what
 * the tray, the tooltip and the renderer's `status` event show. A port already in use is an
 * error state with a message that says so, not a crash.
 *
 * Operations run one at a time in order, so a Stop clicked while a Start is still binding
 * waits for it and then closes it. Stopping gives calls in flight the short grace period of
 * the server's own close() (startProxyServer's closeGraceMs), then cuts what is left.
 *
 * Knows nothing of Electron: `launch` is injected (startProxyServer with the current
 * settings), so tests drive it with real sockets on port 0.
 */
import type { ProxyStatus } from '../../shared/bridge.ts';
import type { RunningProxyServer } from '../server/start-proxy-server.ts';

/**
 * What a launch returns: startProxyServer's result, as far as the controller needs it.
 * `close()` stops listening and gives calls in flight their grace period.
 */
export type LaunchedProxy = Pick<RunningProxyServer, 'url' | 'close' | 'rebind'>;

export interface ProxyControllerOptions {
  launch(): Promise<LaunchedProxy>;
  /** The parts of the status that do not depend on the listener. */
  describe(): Pick<ProxyStatus, 'version' | 'demo' | 'upstreamConfigured'>;
  /** The port the next launch will ask for, for the "port in use" message. */
  configuredPort(): number;
}

export type ProxyErrorKind = 'port-in-use' | 'start-failed';

export interface ProxyController {
  status(): ProxyStatus;
  /** Why the last start failed, while in the error state. */
  errorKind(): ProxyErrorKind | undefined;
  start(): Promise<ProxyStatus>;
  stop(): Promise<ProxyStatus>;
  /**
   * Moves a running listener to a new address (a saved host/port change); calls in flight
   * finish on the old one. When the new address cannot be bound, the proxy stays where it
   * was and the answer says why. Nothing to do while not running: Start uses the settings.
   */
  rebind(host: string, port: number): Promise<{ ok: true } | { ok: false; message: string }>;
  isRunning(): boolean;
  /** Called after every status change; returns the unsubscribe function. */
  onStatus(listener: (status: ProxyStatus) => void): () => void;
}

/** startProxyServer wraps the listen error; the errno code is on it or on its cause. */
function isAddressInUse(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    if ((e as { code?: unknown }).code === 'EADDRINUSE') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

export function createProxyController(options: ProxyControllerOptions): ProxyController {
  const listeners = new Set<(status: ProxyStatus) => void>();
  let running: LaunchedProxy | undefined;
  let state: Pick<ProxyStatus, 'state' | 'url' | 'message'> = { state: 'stopped' };
  let errorKind: ProxyErrorKind | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const status = (): ProxyStatus => ({ ...options.describe(), ...state });

  function set(next: typeof state, kind?: ProxyErrorKind): ProxyStatus {
    state = next;
    errorKind = kind;
    const current = status();
    for (const listener of listeners) listener(current);
    return current;
  }

  function serially(operation: () => Promise<ProxyStatus>): Promise<ProxyStatus> {
    const result = queue.then(operation);
    queue = result.catch(() => undefined);
    return result;
  }

  async function doStart(): Promise<ProxyStatus> {
    if (running) return status();
    try {
      running = await options.launch();
      return set({ state: 'running', url: running.url });
    } catch (error) {
      if (isAddressInUse(error)) {
        const port = options.configuredPort();
        return set(
          {
            state: 'error',
            message: `Port ${port} is already in use by another program. Choose another port in Settings, or stop the other program.`,
          },
          'port-in-use',
        );
      }
      const message = error instanceof Error ? error.message : String(error);
      return set(
        { state: 'error', message: `The proxy could not start: ${message}` },
        'start-failed',
      );
    }
  }

  async function doStop(): Promise<ProxyStatus> {
    const proxy = running;
    running = undefined;
    if (proxy) await proxy.close();
    return set({ state: 'stopped' });
  }

  return {
    status,
    errorKind: () => errorKind,
    start: () => serially(doStart),
    stop: () => serially(doStop),
    async rebind(host, port) {
      let outcome: { ok: true } | { ok: false; message: string } = { ok: true };
      await serially(async () => {
        if (!running) return status();
        try {
          await running.rebind(host, port);
        } catch (error) {
          outcome = { ok: false, message: error instanceof Error ? error.message : String(error) };
          return status();
        }
        return set({ state: 'running', url: running.url });
      });
      return outcome;
    },
    isRunning: () => running !== undefined,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
