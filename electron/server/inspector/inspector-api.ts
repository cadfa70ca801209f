/**
 * The inspector's HTTP API under /inspector/api (token already checked by the caller). It is
 * a documented contract that scripts and tests use:
 *   GET    exchanges           → ExchangeSummary[], newest first
 *   GET    exchanges?q=<text>  → only those whose bodies (the four forms, not headers) contain
 *                                the text, case-insensitive; X-Search-Complete: false when
 *                                the search's budget ran out before the oldest ones, with
 *                                X-Search-Scanned-Exchanges and X-Search-Scanned-Chars
 *   GET    exchanges/:id       → ExchangeRecord (anthropicRequest, openaiRequest,
 *                                openaiResponse, anthropicResponse; streams as {offsetMs, data}[])
 *   DELETE exchanges           → 204, every page gets a fresh snapshot
 *   GET    events              → text/event-stream of the bridge contract
 *   GET    status              → ProxyStatus
 *   GET    export?format=json|har[&ids=a,b] → attachment
 * Everything is redacted by the recorder; errors use the Anthropic error shape.
 */
import { Router, type Response } from 'express';
import type { ProxyStatus } from '../../../shared/bridge.ts';
import { MAX_SEARCH_QUERY_LENGTH } from '../../../shared/traffic/exchange-search-limits.ts';
import type { TrafficRecorder } from '../recorder/traffic-recorder.ts';
import { exportExchanges, isExportFormat } from '../recorder/exchange-export.ts';
import type { EventsHub } from './inspector-events.ts';

export interface InspectorApiOptions {
  recorder: TrafficRecorder;
  status: () => ProxyStatus;
  events: EventsHub;
  /** More routes behind the same token (e.g. settings), registered before the API's 404. */
  extraRoutes?: (api: Router) => void;
}

export function createInspectorApi({
  recorder,
  status,
  events,
  extraRoutes,
}: InspectorApiOptions): Router {
  const api = Router();
  api.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  api.get('/exchanges', async (req, res) => {
    const { q } = req.query as Record<string, unknown>;
    if (q === undefined) {
      res.json(recorder.list());
      return;
    }
    if (typeof q !== 'string' || q.length > MAX_SEARCH_QUERY_LENGTH) {
      sendError(
        res,
        400,
        'invalid_request_error',
        `q must be one text of at most ${MAX_SEARCH_QUERY_LENGTH} characters.`,
      );
      return;
    }
    const found = await recorder.search(q);
    const ids = new Set(found.ids);
    res
      .set('X-Search-Complete', String(found.complete))
      .set('X-Search-Scanned-Exchanges', String(found.scannedExchanges))
      .set('X-Search-Scanned-Chars', String(found.scannedChars))
      .json(recorder.list().filter((summary) => ids.has(summary.id)));
  });

  api.get('/exchanges/:id', (req, res) => {
    const record = recorder.get(req.params.id);
    if (record) res.json(record);
    else
      sendError(
        res,
        404,
        'not_found_error',
        `No recorded exchange with id ${req.params.id} (it may have been evicted).`,
      );
  });

  api.delete('/exchanges', (_req, res) => {
    recorder.clear();
    res.status(204).end();
  });

  api.get('/events', (req, res) => {
    events.handle(req, res);
  });

  api.get('/status', (_req, res) => {
    res.json(status());
  });

  api.get('/export', (req, res) => {
    const { format, ids } = req.query as Record<string, unknown>;
    if (!isExportFormat(format)) {
      sendError(res, 400, 'invalid_request_error', 'format must be json or har.');
      return;
    }
    if (ids !== undefined && typeof ids !== 'string') {
      sendError(res, 400, 'invalid_request_error', 'ids must be one comma-separated list.');
      return;
    }
    const selected = ids
      ?.split(',')
      .map((id) => id.trim())
      .filter((id) => id !== '');
    const doc = exportExchanges(recorder, format, selected, { version: status().version });
    res
      .status(200)
      .set('Content-Type', doc.contentType)
      .set('Content-Disposition', `attachment; filename="${doc.filename}"`)
      .send(doc.body);
  });

  extraRoutes?.(api);
  api.use((req, res) => {
    sendError(res, 404, 'not_found_error', `No inspector API route ${req.method} ${req.path}.`);
  });
  return api;
}

function sendError(res: Response, status: number, type: string, message: string): void {
  res.status(status).json({ type: 'error', error: { type, message } });
}
