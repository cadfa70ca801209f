/**
 * Starts the proxy on config.host:config.port (port 0 picks a free one) and returns its
 * URL and a `close()` that stops accepting connections, gives calls in flight a short grace
 * period to finish, then cuts whatever is left (long streams would otherwise hold the
 * shutdown for minutes).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { warmUpTokenCounter } from '../../shared/tokens/token-counter.ts';
import type { ExchangeTap } from './exchange-tap.ts';
import { createProxyLogger, type Logger } from './logger.ts';
import { createProxyApp } from './proxy-app.ts';
import { configSecrets, type ProxyConfig } from './proxy-config.ts';

export interface StartProxyServerOptions {
  config: ProxyConfig;
  tap?: ExchangeTap;
  /** Defaults to a pino logger on stdout at config.logLevel, with the config's secrets masked. */
  logger?: Logger;
  /** Extra routes, e.g. the inspector under /inspector. */
  mount?: (app: Express) => void;
  /** How long close() waits for calls in flight before cutting them (default 2000 ms). */
  closeGraceMs?: number;
}

export interface RunningProxyServer {
  /** e.g. "http://127.0.0.1:8080" (IPv6 hosts in brackets). */
  url: string;
  port: number;
  server: Server;
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
  const logger =
    options.logger ?? createProxyLogger({ level: config.logLevel, secrets: configSecrets(config) });
  const app = createProxyApp({
    config,
    logger,
    ...(options.tap && { tap: options.tap }),
    ...(options.mount && { mount: options.mount }),
  });
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
          ? new Error(
              `Port ${config.port} on ${config.host} is already in use; set PORT to another port.`,
              { cause: error },
            )
          : error,
      );
    };
    server.once('error', onError);
    server.listen(config.port, config.host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  // Building the tokenizer takes about a second; pay it now rather than on the first call.
  setImmediate(warmUpTokenCounter);

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
      const cutAll = (): void => {
        clearTimeout(timer);
        server.closeAllConnections();
      };
      const timer = setTimeout(cutAll, options.closeGraceMs ?? 2000);
      timer.unref();
      if (inFlight === 0) cutAll();
      else idle = cutAll;
    });
    return closing;
  };

  return { url: urlFor(config.host, port), port, server, close };
}
