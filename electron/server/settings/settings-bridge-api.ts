/**
 * The settings half of the bridge contract, implemented once for both transports: the HTTP
 * routes (settings-api.ts) and the Electron IPC handlers call these same functions. Bad
 * input to a check throws a SettingsRequestError (400 with field errors, or 404); a bad save
 * is an answer, `{ ok: false, errors }`, since the form shows it field by field.
 */
import { z } from 'zod';
import type { SettingsBridgeApi } from '../../../shared/bridge.ts';
import { checkModelFor, resolveRoute } from '../../../shared/routing/route-rules.ts';
import type {
  CapabilityReport,
  ProviderCheckRequest,
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
  describeFieldErrors,
  issuesToFieldErrors,
  type FieldError,
} from '../../../shared/settings/settings-validation.ts';
import type { SettingsService } from './settings-service.ts';

export interface ProviderChecker {
  test(provider: ProviderSettings, model: string | undefined): Promise<ProviderTestResult>;
  capabilities(provider: ProviderSettings, model: string): Promise<CapabilityReport>;
}

export class SettingsRequestError extends Error {
  override name = 'SettingsRequestError';
  readonly status: 400 | 404;
  readonly errors: FieldError[];
  constructor(status: 400 | 404, errors: FieldError[]) {
    super(describeFieldErrors(errors));
    this.status = status;
    this.errors = errors;
  }
}

export const providerCheckRequestSchema = z.object({
  model: z.string().trim().min(1).optional(),
  draft: providerInputSchema.optional(),
});

export const routeTestRequestSchema = z.object({
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

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input ?? {});
  if (!parsed.success)
    throw new SettingsRequestError(400, issuesToFieldErrors(parsed.error.issues));
  return parsed.data;
}

export function createSettingsBridgeApi(
  settings: SettingsService,
  checker: ProviderChecker,
): SettingsBridgeApi {
  /** The provider a check runs against: the form's draft with its key resolved, or the stored one. */
  function providerFor(id: string, request: ProviderCheckRequest): ProviderSettings {
    const stored = settings.get().providers.find((provider) => provider.id === id);
    const { draft } = request;
    if (!draft) {
      if (!stored)
        throw new SettingsRequestError(404, [{ path: '', message: `No provider with id "${id}"` }]);
      return stored;
    }
    if (draft.id !== id)
      throw new SettingsRequestError(400, [
        { path: 'draft.id', message: `The draft is not provider "${id}"` },
      ]);
    const errors: FieldError[] = [];
    const parsed = providerSchema.safeParse(resolveProviderInput(draft, stored, 'draft', errors));
    if (!parsed.success) {
      errors.push(
        ...issuesToFieldErrors(parsed.error.issues).map((error) => ({
          ...error,
          path: `draft.${error.path}`,
        })),
      );
    }
    if (!parsed.success || errors.length > 0) throw new SettingsRequestError(400, errors);
    return parsed.data;
  }

  /** A model to try when the form named none: one a route sends to this provider, else its first. */
  const defaultModel = (provider: ProviderSettings) =>
    checkModelFor(settings.get().routes, provider);

  return {
    async getSettings() {
      return settings.snapshot();
    },
    async saveSettings(update) {
      const result = await settings.update(update);
      return result.ok ? { ...result, snapshot: settings.snapshot() } : result;
    },
    async testProvider(id, request) {
      const parsed = parse(providerCheckRequestSchema, request);
      const provider = providerFor(id, parsed);
      return checker.test(provider, parsed.model ?? defaultModel(provider));
    },
    async checkCapabilities(id, request) {
      const parsed = parse(providerCheckRequestSchema, request);
      const provider = providerFor(id, parsed);
      const model = parsed.model ?? defaultModel(provider);
      if (model === undefined)
        throw new SettingsRequestError(400, [
          { path: 'model', message: 'Choose a model to check' },
        ]);
      return checker.capabilities(provider, model);
    },
    async testRoute(request) {
      const parsed = parse(routeTestRequestSchema, request);
      const current = settings.get();
      const resolution = resolveRoute({ routes: parsed.routes ?? current.routes }, parsed.facts);
      const provider = current.providers.find((candidate) => candidate.id === resolution.provider);
      const answer: RouteTestResult = provider
        ? { resolution, providerName: provider.name }
        : { resolution };
      return answer;
    },
  };
}
