/**
 * Starts the proxy on config.host:config.port (port 0 picks a free one; an address beyond
 * loopback only with a client key, else a ProxyConfigError saying so) and returns its
 * URL, a `rebind()` for a changed host or port (the same app on a new listener; calls in
 * flight on the old one finish there), and a `close()` that stops accepting connections,
 * gives calls in flight a short grace period to finish, then cuts whatever is left (long
 * streams would otherwise hold the shutdown for minutes).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { exposedWithoutClientKey } from '../../shared/settings/listen-exposure.ts';
import type { Settings } from '../../shared/settings/settings-schema.ts';
import { warmUpTokenCounter } from '../../shared/tokens/token-counter.ts';
import type { ExchangeTap } from './exchange-tap.ts';
import { createProxyLogger, type Logger } from './logger.ts';
import { createProxyApp, type ProxyAppOptions } from './proxy-app.ts';
import { configSecrets, ProxyConfigError, type ProxyConfig } from './proxy-config.ts';
import { settingsFromConfig } from './settings/env-overlay.ts';

export interface StartProxyServerOptions {
  config: ProxyConfig;
  tap?: ExchangeTap;
  /** Defaults to a pino logger on stdout at config.logLevel, with the config's secrets masked. */
  logger?: Logger;
  /** Extra routes, e.g. the inspector under /inspector. */
  mount?: (app: Express) => void;
  /** How long close() waits for calls in flight before cutting them (default 2000 ms). */
  closeGraceMs?: number;
  /** The settings in effect, read per call (the settings service's get()); see ProxyAppOptions. */
  settings?: () => Settings;
  /** See ProxyAppOptions.upstreamFetch. */
  upstreamFetch?: ProxyAppOptions['upstreamFetch'];
}

export interface RunningProxyServer {
  /** e.g. "http://127.0.0.1:8080" (IPv6 hosts in brackets); follows a rebind. */
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  /**
   * Moves the listener to host:port (a changed setting). The new address listens before the
   * old one stops accepting, and calls in flight on the old one finish there. Rejects, and
   * keeps the old address, when the new one cannot be bound.
   */
  rebind(host: string, port: number): Promise<void>;
  close(): Promise<void>;
}

function urlFor(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' || host === '' ? '127.0.0.1' : host;
  return `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`;
}

export async function startProxyServer(
  options: StartProxyServerOptions,
): Promise<RunningProxyServer> {
  const { config } = options;
  // Beyond loopback, a client key or no start (listen-exposure.ts); checked before anything listens.
  const exposed = exposedWithoutClientKey({
    host: config.host,
    clientKey: (options.settings?.() ?? settingsFromConfig(config)).server.clientKey,
  });
  if (exposed !== undefined) throw new ProxyConfigError(exposed);
  const logger =
    options.logger ?? createProxyLogger({ level: config.logLevel, secrets: configSecrets(config) });
  const app = createProxyApp({
    config,
    logger,
    ...(options.tap && { tap: options.tap }),
    ...(options.mount && { mount: options.mount }),
    ...(options.settings && { settings: options.settings }),
    ...(options.upstreamFetch && { upstreamFetch: options.upstreamFetch }),
  });
  const grace = options.closeGraceMs ?? 2000;
  const first = await listen(app, config.host, config.port);
  // Building the tokenizer takes about a second; pay it now rather than on the first call.
  setImmediate(warmUpTokenCounter);

  let current = first;
  let host = config.host;
  /** Old listeners still finishing their calls after a rebind. */
  const draining = new Set<Listener>();
  let closing: Promise<void> | undefined;

  return {
    get url() {
      return urlFor(host, current.port);
    },
    get port() {
      return current.port;
    },
    get server() {
      return current.server;
    },
    async rebind(nextHost, nextPort) {
      if (closing) throw new Error('The proxy is shutting down.');
      const next = await listen(app, nextHost, nextPort);
      const previous = current;
      current = next;
      host = nextHost;
      draining.add(previous);
      // Calls in flight on the old address finish; only the idle connections go now.
      void previous.stop(undefined).then(() => draining.delete(previous));
    },
    close() {
      closing ??= Promise.all([current, ...draining].map((listener) => listener.stop(grace))).then(
        () => undefined,
      );
      return closing;
    },
  };
}

interface Listener {
  server: Server;
  port: number;
  /**
   * Stops accepting connections and resolves once the calls in flight are done; with
   * `graceMs`, whatever is still open after it is cut.
   */
  stop(graceMs: number | undefined): Promise<void>;
}

async function listen(app: Express, host: string, port: number): Promise<Listener> {
  const server = createServer(app);
  let inFlight = 0;
  let idle: (() => void) | undefined;
  server.on('request', (_req, res) => {
    inFlight += 1;
    res.once('close', () => {
      inFlight -= 1;
      if (inFlight === 0) idle?.();
    });
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`Port ${port} on ${host} is already in use; set PORT to another port.`, {
              cause: error,
            })
          : error,
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });

  let stopping: Promise<void> | undefined;
  const stop = (graceMs: number | undefined): Promise<void> => {
    stopping ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
      const cutAll = (): void => {
        clearTimeout(timer);
        server.closeAllConnections();
      };
      const timer = graceMs === undefined ? undefined : setTimeout(cutAll, graceMs);
      timer?.unref();
      if (inFlight === 0) cutAll();
      else idle = cutAll;
    });
    return stopping;
  };
  return { server, port: (server.address() as AddressInfo).port, stop };
}
