/**
 * The settings API under /inspector/api (the inspector mount checks the token first), over
 * the same implementation the Electron IPC transport uses (settings-bridge-api.ts):
 *   GET  settings                   → SettingsSnapshot (keys only as { set, last4 })
 *   PUT  settings                   → 200 { ok: true, saved, message?, snapshot }
 *                                     400 { ok: false, errors: [{ path, message }] }, nothing changed
 *   POST providers/:id/test         { model?, draft? } → ProviderTestResult
 *   POST providers/:id/capabilities { model?, draft? } → CapabilityReport
 *   POST routes/test                { facts, routes? } → RouteTestResult
 * A check runs against `draft` (the unsaved form) when given; its key is the stored one of
 * the same provider id unless the draft replaces it.
 */
import express, { type Request, type Response, type Router } from 'express';
import type { SettingsBridgeApi } from '../../../shared/bridge.ts';
import {
  describeFieldErrors,
  type FieldError,
} from '../../../shared/settings/settings-validation.ts';
import { SettingsRequestError } from './settings-bridge-api.ts';

function sendInvalid(res: Response, errors: FieldError[]): void {
  const message = describeFieldErrors(errors);
  res
    .status(400)
    .json({ ok: false, errors, type: 'error', error: { type: 'invalid_request_error', message } });
}

/** Runs one API call; request errors become 400/404 answers, anything else goes to express. */
function answer(call: (req: Request) => Promise<unknown>) {
  return async (req: Request, res: Response): Promise<void> => {
    try {
      res.json(await call(req));
    } catch (error) {
      if (!(error instanceof SettingsRequestError)) throw error;
      if (error.status === 400) sendInvalid(res, error.errors);
      else
        res
          .status(404)
          .json({ type: 'error', error: { type: 'not_found_error', message: error.message } });
    }
  };
}

export function registerSettingsApi(api: Router, settings: SettingsBridgeApi): void {
  const json = express.json({ limit: '1mb' });

  api.get(
    '/settings',
    answer(() => settings.getSettings()),
  );

  api.put('/settings', json, async (req, res) => {
    const result = await settings.saveSettings(req.body);
    if (result.ok) res.json(result);
    else sendInvalid(res, result.errors);
  });

  api.post(
    '/providers/:id/test',
    json,
    answer((req) => settings.testProvider(String(req.params.id), req.body)),
  );
  api.post(
    '/providers/:id/capabilities',
    json,
    answer((req) => settings.checkCapabilities(String(req.params.id), req.body)),
  );
  api.post(
    '/routes/test',
    json,
    answer((req) => settings.testRoute(req.body)),
  );
}
