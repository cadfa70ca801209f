/**
 * Puts the headless inspector on the proxy's express app under /inspector: the UI page and
 * its assets, and the token-guarded HTTP/SSE API (inspector-api.ts). Everything under
 * /inspector first passes the inspector's own loopback-Host / same-origin fence, whatever
 * the app-wide guard does. Call it from startProxyServer's `mount` option; the handle ends
 * open event streams on shutdown (an open stream would otherwise hold server.close()).
 */
import express, { Router, type Application } from 'express';
import type { ProxyStatus } from '../../../shared/bridge.ts';
import type { TrafficRecorder } from '../recorder/traffic-recorder.ts';
import { createInspectorApi } from './inspector-api.ts';
import { createEventsHub } from './inspector-events.ts';
import { inspectorGuard } from './inspector-guard.ts';
import { createPageHandler, securityHeaders } from './inspector-page.ts';
import { createTokenCheck, requireToken } from './inspector-token.ts';

export const INSPECTOR_BASE_PATH = '/inspector';

export interface InspectorOptions {
  recorder: TrafficRecorder;
  token: string;
  /** The built UI (dist/renderer). */
  staticDir: string;
  status: () => ProxyStatus;
  /** Keep-alive period of the event stream (default 15 s). */
  keepAliveMs?: number;
  /** More API routes under /inspector/api behind the same token and guard (e.g. settings). */
  apiRoutes?: (api: Router) => void;
}

export interface InspectorHandle {
  /** Pushes the current status to every open page. */
  broadcastStatus(): void;
  /** Ends every open event stream. */
  close(): void;
}

/** The URL to print at start, e.g. http://127.0.0.1:8080/inspector/?token=… */
export function inspectorUrl(origin: string, token: string): string {
  return `${origin.replace(/\/+$/, '')}${INSPECTOR_BASE_PATH}/?token=${encodeURIComponent(token)}`;
}

export function mountInspector(app: Application, options: InspectorOptions): InspectorHandle {
  const check = createTokenCheck(options.token);
  const events = createEventsHub({
    recorder: options.recorder,
    status: options.status,
    ...(options.keepAliveMs === undefined ? {} : { keepAliveMs: options.keepAliveMs }),
  });
  const page = createPageHandler(options.staticDir, check);
  const router = Router();
  router.use(inspectorGuard, securityHeaders);
  router.use(
    '/api',
    requireToken(check),
    createInspectorApi({
      recorder: options.recorder,
      status: options.status,
      events,
      ...(options.apiRoutes === undefined ? {} : { extraRoutes: options.apiRoutes }),
    }),
  );
  router.get(['/', '/index.html'], (req, res) => {
    // "/inspector" without the slash: the page's relative asset URLs need it.
    const [path, query] = splitQuery(req.originalUrl);
    if (path === req.baseUrl) {
      res.redirect(308, `${req.baseUrl}/${query}`);
      return;
    }
    void page(req, res);
  });
  router.use(
    express.static(options.staticDir, { index: false, redirect: false, fallthrough: true }),
  );
  router.use((_req, res) => {
    res.status(404).type('text/plain').send('Not found.');
  });
  app.use(INSPECTOR_BASE_PATH, router);
  return { broadcastStatus: events.broadcastStatus, close: events.close };
}

function splitQuery(url: string): [string, string] {
  const at = url.indexOf('?');
  return at === -1 ? [url, ''] : [url.slice(0, at), url.slice(at)];
}
