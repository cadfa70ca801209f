/**
 * From the settings in effect to one upstream call: the provider a route names, its
 * effective quirks for the model, and the target the upstream client dials. Read per call,
 * so a saved change applies to the very next request. A route that names no provider, or a
 * hosted provider without a key, yields the error the client gets instead of a doomed call.
 */
import type { MappedError } from '../../../shared/errors/anthropic-errors.ts';
import type { ProviderPresetId } from '../../../shared/providers/provider-presets.ts';
import type { ProviderQuirks } from '../../../shared/providers/provider-quirks.ts';
import { effectiveQuirks } from '../../../shared/settings/effective-quirks.ts';
import type {
  ProviderSettings,
  RouteTarget,
  Settings,
} from '../../../shared/settings/settings-schema.ts';
import { publicUpstreamUrl } from '../proxy-config.ts';
import { maskSecret } from '../secret-redactor.ts';
import type { UpstreamTarget } from '../upstream-client.ts';
import type { UpstreamFailure } from '../upstream-failure.ts';

/** Hosted APIs refuse every call without a key; local servers and gateways may not need one. */
const KEYED_PRESETS: ReadonlySet<ProviderPresetId> = new Set([
  'openrouter',
  'openai',
  'deepseek',
  'gemini',
  'groq',
]);

export interface UpstreamPlan {
  provider: ProviderSettings;
  model: string;
  quirks: ProviderQuirks;
  target: UpstreamTarget;
  /** The chat/completions URL, for the inspector and HAR export. */
  url: string;
  /** The base URL without credentials or query, for error text. */
  publicUrl: string;
  /** The key as the inspector may show it. */
  maskedKey: string;
}

export interface UpstreamRuntime {
  timeoutMs: number;
  maxRetries: number;
}

export function providerNeedsKey(provider: Pick<ProviderSettings, 'preset' | 'apiKey'>): boolean {
  return provider.apiKey === undefined && KEYED_PRESETS.has(provider.preset);
}

/** True when the big route can reach an upstream: what status pages call "configured". */
export function upstreamConfigured(settings: Settings): boolean {
  const provider = settings.providers.find(
    (candidate) => candidate.id === settings.routes.big.provider,
  );
  return provider !== undefined && !providerNeedsKey(provider);
}

function notConfigured(provider: ProviderSettings): MappedError {
  return {
    status: 500,
    type: 'api_error',
    message:
      `No API key for the provider "${provider.name}" (${publicUpstreamUrl(provider.baseUrl)}), so this proxy has no upstream to call. ` +
      'Add the key in the inspector under Settings → Providers, or set OPENAI_API_KEY (and BASE_URL for a provider other than ' +
      'OpenAI, e.g. BASE_URL=https://openrouter.ai/api/v1) in the environment or a .env file and restart.',
    shouldRetry: false,
  };
}

export function planUpstream(
  settings: Settings,
  target: RouteTarget,
  runtime: UpstreamRuntime,
): { ok: true; plan: UpstreamPlan } | { ok: false; error: MappedError } {
  const provider = settings.providers.find((candidate) => candidate.id === target.provider);
  if (!provider) {
    return {
      ok: false,
      error: {
        status: 500,
        type: 'api_error',
        message: `The route for this model names the provider "${target.provider}", which is not configured. Fix the route in the inspector under Settings → Routes.`,
        shouldRetry: false,
      },
    };
  }
  if (providerNeedsKey(provider)) return { ok: false, error: notConfigured(provider) };
  return { ok: true, plan: planForProvider(provider, target.model, runtime) };
}

/** The call to `model` on `provider`, whether or not it has the key it needs. */
export function planForProvider(
  provider: ProviderSettings,
  model: string,
  runtime: UpstreamRuntime,
): UpstreamPlan {
  const quirks = effectiveQuirks(provider, model);
  const baseUrl = provider.baseUrl.replace(/\/+$/, '');
  return {
    provider,
    model,
    quirks,
    target: {
      baseUrl,
      extraHeaders: quirks.extraHeaders,
      timeoutMs: runtime.timeoutMs,
      maxRetries: runtime.maxRetries,
      ...(provider.apiKey === undefined ? {} : { apiKey: provider.apiKey }),
    },
    url: `${baseUrl}/chat/completions`,
    publicUrl: publicUpstreamUrl(baseUrl),
    maskedKey: provider.apiKey === undefined ? '(none)' : maskSecret(provider.apiKey),
  };
}

/**
 * Why a failed first attempt may go to the route's fallback ("answered 429"), or undefined
 * when it may not: only when the upstream was rate limited, failed on its side, or could
 * not be reached. Nothing was streamed to the client yet (the answer had not started), so
 * the retry is invisible to it.
 */
export function fallbackReason(failure: UpstreamFailure): string | undefined {
  switch (failure.kind) {
    case 'http':
      return failure.status === 429 || failure.status >= 500
        ? `answered ${failure.status}`
        : undefined;
    case 'unreachable':
      return 'could not be reached';
    case 'aborted':
      return undefined;
  }
}
