/**
 * The express app of the proxy, assembled from small modules. Order matters: the request
 * id comes first so every answer carries `request-id`, then the browser guard, the JSON
 * body parser (50 MB; Claude Code sends images and long histories), the probe and /v1
 * routes, the optional extra routes (the inspector mounts under /inspector), and last the
 * 404 and error handlers, which answer in Anthropic's shape whatever went wrong.
 */
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { errorTypeForStatus } from '../../shared/errors/anthropic-errors.ts';
import type { Settings } from '../../shared/settings/settings-schema.ts';
import { createClientAuth } from './client-auth.ts';
import { countTokens } from './count-tokens-route.ts';
import { sendAnthropicError } from './error-response.ts';
import { noopExchangeTap, type ExchangeTap } from './exchange-tap.ts';
import { createHealthRoute, probeOk } from './health-route.ts';
import type { Logger } from './logger.ts';
import { createMessagesRoute } from './messages-route.ts';
import { createModelsRoutes } from './models-route.ts';
import type { ProxyContext } from './proxy-context.ts';
import { configSecrets, type ProxyConfig } from './proxy-config.ts';
import { createRequestGuard } from './request-guard.ts';
import { newRequestId, requestIdOf } from './request-id.ts';
import { safeTap } from './safe-tap.ts';
import { settingsFromConfig } from './settings/env-overlay.ts';
import { settingsRedactor } from './settings/settings-redactor.ts';
import { createUpstreamClients, type UpstreamFetch } from './upstream-client.ts';

export const BODY_LIMIT = '50mb';

export interface ProxyAppOptions {
  config: ProxyConfig;
  logger: Logger;
  tap?: ExchangeTap;
  /** Adds routes (the inspector under /inspector) behind the guard, before the 404 handler. */
  mount?: (app: Express) => void;
  /**
   * The settings in effect (providers, routes, keys, client key, host), read on every call;
   * the settings service's get(). Without it, the settings `config` alone describes.
   */
  settings?: () => Settings;
  /** What upstream calls are sent with; the global fetch by default (demo mode adds its simulated upstream). */
  upstreamFetch?: UpstreamFetch;
}

export function createProxyContext(options: ProxyAppOptions): ProxyContext {
  const { config, logger } = options;
  const fixed = settingsFromConfig(config);
  const settings = options.settings ?? (() => fixed);
  return {
    config,
    logger,
    tap: safeTap(options.tap ?? noopExchangeTap, logger),
    upstream: createUpstreamClients(logger, options.upstreamFetch),
    redact: settingsRedactor(settings, configSecrets(config)),
    settings,
  };
}

/** body-parser errors carry `status` and `type` ("entity.parse.failed", "entity.too.large"). */
interface HttpishError {
  status?: unknown;
  statusCode?: unknown;
  type?: unknown;
  message?: unknown;
}

function errorHandler(ctx: ProxyContext) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const e = (typeof error === 'object' && error !== null ? error : {}) as HttpishError;
    const raw =
      typeof e.status === 'number'
        ? e.status
        : typeof e.statusCode === 'number'
          ? e.statusCode
          : 500;
    const status = raw >= 400 && raw < 600 ? raw : 500;
    let message: string;
    if (e.type === 'entity.too.large')
      message = `Request body is larger than the proxy's ${BODY_LIMIT} limit.`;
    else if (e.type === 'entity.parse.failed')
      message = `Request body is not valid JSON: ${String(e.message)}`;
    else if (status >= 500) message = `Internal proxy error: ${String(e.message ?? error)}`;
    else message = String(e.message ?? 'Bad request');
    if (status >= 500)
      ctx.logger.error(
        { reqId: requestIdOf(res), err: error },
        `${req.method} ${req.originalUrl} failed`,
      );
    else
      ctx.logger.info(
        { reqId: requestIdOf(res), status },
        `${req.method} ${req.originalUrl} ${status}: ${message}`,
      );
    sendAnthropicError(res, {
      status,
      type: errorTypeForStatus(status),
      message: ctx.redact(message),
    });
  };
}

export function createProxyApp(options: ProxyAppOptions): Express {
  const ctx = createProxyContext(options);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  app.use((_req, res, next) => {
    const id = newRequestId();
    res.locals.requestId = id;
    res.setHeader('request-id', id);
    next();
  });
  app.use(createRequestGuard(() => ctx.settings().server.host));
  // Any content type: the guard has already refused the ones browsers send cross-site.
  app.use(express.json({ limit: BODY_LIMIT, type: () => true }));

  // Preflights get a plain answer and never CORS headers (foreign origins were refused above).
  app.options('/{*path}', (_req, res) => {
    res.setHeader('allow', 'GET, HEAD, POST, OPTIONS');
    res.status(204).end();
  });
  app.get('/', createHealthRoute(ctx.settings));
  app.head('/api/hello', probeOk);
  app.get('/api/hello', probeOk);

  const v1 = express.Router();
  v1.use(createClientAuth(() => ctx.settings().server.clientKey));
  v1.post('/messages', createMessagesRoute(ctx));
  v1.post('/messages/count_tokens', countTokens);
  const models = createModelsRoutes(ctx.settings);
  v1.get('/models', models.list);
  v1.get('/models/:id', models.one);
  app.use('/v1', v1);

  options.mount?.(app);

  app.use((req, res) => {
    sendAnthropicError(res, {
      status: 404,
      type: 'not_found_error',
      message: `No route for ${req.method} ${req.path}. This proxy serves POST /v1/messages, POST /v1/messages/count_tokens and GET /v1/models.`,
    });
  });
  app.use(errorHandler(ctx));
  return app;
}
