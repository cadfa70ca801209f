/**
 * The settings API under /inspector/api (the inspector mount checks the token first):
 *   GET  settings                   → SettingsSnapshot (keys only as { set, last4 })
 *   PUT  settings                   → 200 { ok: true, saved, message?, snapshot }
 *                                     400 { ok: false, errors: [{ path, message }] }, nothing changed
 *   POST providers/:id/test         { model?, draft? } → ProviderTestResult
 *   POST providers/:id/capabilities { model, draft? }  → CapabilityReport
 *   POST routes/test                { facts, routes? } → RouteTestResult
 * A check runs against `draft` (the unsaved form) when given; its key is the stored one of
 * the same provider id unless the draft replaces it.
 */
import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { resolveRoute } from '../../../shared/routing/route-rules.ts';
import type {
  CapabilityReport,
  ProviderTestResult,
  RouteTestResult,
} from '../../../shared/settings/provider-checks.ts';
import {
  providerInputSchema,
  resolveProviderInput,
} from '../../../shared/settings/public-settings.ts';
import {
  providerSchema,
  routesSchema,
  type ProviderSettings,
} from '../../../shared/settings/settings-schema.ts';
import {
  issuesToFieldErrors,
  type FieldError,
} from '../../../shared/settings/settings-validation.ts';
import type { SettingsService } from './settings-service.ts';

export interface ProviderChecker {
  test(provider: ProviderSettings, model: string | undefined): Promise<ProviderTestResult>;
  capabilities(provider: ProviderSettings, model: string): Promise<CapabilityReport>;
}

export interface SettingsApiOptions {
  settings: SettingsService;
  checker: ProviderChecker;
}

const checkBodySchema = z.object({
  model: z.string().trim().min(1).optional(),
  draft: providerInputSchema.optional(),
});

const routeTestSchema = z.object({
  facts: z.object({
    model: z.string().min(1),
    thinking: z.boolean(),
    images: z.boolean(),
    tools: z.boolean(),
    estimatedInputTokens: z.number().int().nonnegative(),
    background: z.boolean(),
  }),
  routes: routesSchema.optional(),
});

function sendInvalid(res: Response, errors: FieldError[]): void {
  const message = errors
    .map((error) => (error.path ? `${error.path}: ${error.message}` : error.message))
    .join('; ');
  res
    .status(400)
    .json({ ok: false, errors, type: 'error', error: { type: 'invalid_request_error', message } });
}

type Resolved =
  | { ok: true; provider: ProviderSettings; model?: string }
  | { ok: false; status: 400 | 404; errors: FieldError[] };

/** The provider a check runs against: the draft with its key resolved, or the stored one. */
function providerForCheck(settings: SettingsService, req: Request): Resolved {
  const body = checkBodySchema.safeParse(req.body ?? {});
  if (!body.success)
    return { ok: false, status: 400, errors: issuesToFieldErrors(body.error.issues) };
  const id = String(req.params.id);
  const stored = settings.get().providers.find((provider) => provider.id === id);
  const { draft, model } = body.data;
  if (!draft) {
    return stored
      ? { ok: true, provider: stored, ...(model === undefined ? {} : { model }) }
      : { ok: false, status: 404, errors: [{ path: '', message: `No provider with id "${id}"` }] };
  }
  if (draft.id !== id)
    return {
      ok: false,
      status: 400,
      errors: [{ path: 'draft.id', message: `The draft is not provider "${id}"` }],
    };
  const errors: FieldError[] = [];
  const candidate = resolveProviderInput(draft, stored, 'draft', errors);
  const parsed = providerSchema.safeParse(candidate);
  if (!parsed.success)
    errors.push(
      ...issuesToFieldErrors(parsed.error.issues).map((e) => ({ ...e, path: `draft.${e.path}` })),
    );
  if (!parsed.success || errors.length > 0) return { ok: false, status: 400, errors };
  return { ok: true, provider: parsed.data, ...(model === undefined ? {} : { model }) };
}

/** A model to try when the form gave none: one a route sends to this provider, else its first. */
function defaultModel(settings: SettingsService, provider: ProviderSettings): string | undefined {
  const { big, small, rules } = settings.get().routes;
  const routed = [big, small, ...rules.map((rule) => rule.target)].find(
    (target) => target.provider === provider.id,
  );
  return routed?.model ?? provider.models[0];
}

export function registerSettingsApi(api: Router, { settings, checker }: SettingsApiOptions): void {
  const json = express.json({ limit: '1mb' });

  api.get('/settings', (_req, res) => {
    res.json(settings.snapshot());
  });

  api.put('/settings', json, async (req, res) => {
    const result = await settings.update(req.body);
    if (!result.ok) {
      sendInvalid(res, result.errors);
      return;
    }
    res.json({ ...result, snapshot: settings.snapshot() });
  });

  /** Answers a failed provider lookup; returns the provider and model otherwise. */
  const checkTarget = (req: Request, res: Response) => {
    const resolved = providerForCheck(settings, req);
    if (resolved.ok)
      return {
        provider: resolved.provider,
        model: resolved.model ?? defaultModel(settings, resolved.provider),
      };
    if (resolved.status === 400) sendInvalid(res, resolved.errors);
    else
      res
        .status(404)
        .json({
          type: 'error',
          error: { type: 'not_found_error', message: resolved.errors[0]?.message },
        });
    return undefined;
  };

  api.post('/providers/:id/test', json, async (req, res) => {
    const target = checkTarget(req, res);
    if (target) res.json(await checker.test(target.provider, target.model));
  });

  api.post('/providers/:id/capabilities', json, async (req, res) => {
    const target = checkTarget(req, res);
    if (!target) return;
    if (target.model === undefined)
      sendInvalid(res, [{ path: 'model', message: 'Choose a model to check' }]);
    else res.json(await checker.capabilities(target.provider, target.model));
  });

  api.post('/routes/test', json, (req, res) => {
    const body = routeTestSchema.safeParse(req.body ?? {});
    if (!body.success) {
      sendInvalid(res, issuesToFieldErrors(body.error.issues));
      return;
    }
    const current = settings.get();
    const resolution = resolveRoute(
      { routes: body.data.routes ?? current.routes },
      body.data.facts,
    );
    const provider = current.providers.find((candidate) => candidate.id === resolution.provider);
    const answer: RouteTestResult = provider
      ? { resolution, providerName: provider.name }
      : { resolution };
    res.json(answer);
  });
}
