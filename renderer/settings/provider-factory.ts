/**
 * New providers and rules as the form adds them: a provider from a preset gets the preset's
 * name and base URL and a free id derived from the preset ("openrouter", "openrouter-2"),
 * which stays fixed afterwards because routes and the stored key refer to it.
 */
import { PRESETS, type ProviderPresetId } from '../../shared/providers/provider-presets.ts';
import type { ProviderInput } from '../../shared/settings/public-settings.ts';
import type { RouteRule, RouteTarget } from '../../shared/settings/settings-schema.ts';

export function freeId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

export function newProviderFromPreset(
  preset: ProviderPresetId,
  existing: readonly { id: string; name: string }[],
): ProviderInput {
  const { label, defaultBaseUrl } = PRESETS[preset];
  const id = freeId(
    preset,
    existing.map((provider) => provider.id),
  );
  const sameLabel = existing.filter((provider) => provider.name.startsWith(label)).length;
  return {
    id,
    name: sameLabel === 0 ? label : `${label} ${sameLabel + 1}`,
    preset,
    baseUrl: defaultBaseUrl,
    apiKey: { set: false },
    extraHeaders: {},
    models: [],
    prices: {},
    quirks: {},
  };
}

export function newRule(existing: readonly RouteRule[], target: RouteTarget): RouteRule {
  const id = freeId(
    `rule-${existing.length + 1}`,
    existing.map((rule) => rule.id),
  );
  return {
    id,
    name: `Rule ${existing.length + 1}`,
    enabled: true,
    when: {},
    target: { ...target },
  };
}
