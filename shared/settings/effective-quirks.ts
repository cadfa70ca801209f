/**
 * The quirks the translator applies for one provider and upstream model: the preset's
 * (which depend on the model, e.g. OpenAI's reasoning models), then the user's overrides
 * from the provider's settings, with the provider's extra headers added to the preset's.
 */
import { quirksFor } from '../providers/provider-presets.ts';
import type { ProviderQuirks } from '../providers/provider-quirks.ts';
import type { ProviderSettings } from './settings-schema.ts';

export function effectiveQuirks(
  provider: Pick<ProviderSettings, 'preset' | 'referrerUrl' | 'quirks' | 'extraHeaders'>,
  upstreamModel: string,
): ProviderQuirks {
  const preset = quirksFor(provider.preset, upstreamModel, { referrerUrl: provider.referrerUrl });
  return {
    ...preset,
    ...provider.quirks,
    extraHeaders: { ...preset.extraHeaders, ...provider.extraHeaders },
  };
}
