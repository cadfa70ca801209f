/**
 * The quirks the translator applies for one provider and upstream model: the preset's
 * (which depend on the model, e.g. OpenAI's reasoning models), then the user's overrides
 * from the provider's settings, with the provider's extra headers added to the preset's.
 * A referrer URL means "attribute my calls" on any upstream (a gateway in front of
 * OpenRouter too), as the seed's REFERRER_URL did; servers that do not know the headers
 * ignore them.
 */
import { OPENROUTER_APP_TITLE, quirksFor } from '../providers/provider-presets.ts';
import type { ProviderQuirks } from '../providers/provider-quirks.ts';
import type { ProviderSettings } from './settings-schema.ts';

export function effectiveQuirks(
  provider: Pick<ProviderSettings, 'preset' | 'referrerUrl' | 'quirks' | 'extraHeaders'>,
  upstreamModel: string,
): ProviderQuirks {
  const { referrerUrl } = provider;
  const preset = quirksFor(provider.preset, upstreamModel, referrerUrl ? { referrerUrl } : {});
  const attribution: Record<string, string> = referrerUrl
    ? { 'HTTP-Referer': referrerUrl, 'X-Title': OPENROUTER_APP_TITLE }
    : {};
  return {
    ...preset,
    ...provider.quirks,
    extraHeaders: { ...attribution, ...preset.extraHeaders, ...provider.extraHeaders },
  };
}
