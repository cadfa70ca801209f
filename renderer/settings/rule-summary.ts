/** One-line descriptions of rules for the rules table. */
import type { RouteTarget, RuleConditions } from '../../shared/settings/settings-schema.ts';

const FLAG_WORDS: Record<
  'thinking' | 'images' | 'tools' | 'background',
  [yes: string, no: string]
> = {
  thinking: ['thinking', 'no thinking'],
  images: ['images', 'no images'],
  tools: ['tools', 'no tools'],
  background: ['background call', 'foreground call'],
};

export function describeConditions(when: RuleConditions): string {
  const parts: string[] = [];
  if (when.model !== undefined) parts.push(`model ${when.model}`);
  for (const flag of Object.keys(FLAG_WORDS) as (keyof typeof FLAG_WORDS)[]) {
    const value = when[flag];
    if (value !== undefined) parts.push(FLAG_WORDS[flag][value ? 0 : 1]);
  }
  if (when.inputTokensAbove !== undefined)
    parts.push(`> ${when.inputTokensAbove.toLocaleString('en-US')} tokens`);
  return parts.length > 0 ? parts.join(', ') : 'every call';
}

export function describeTarget(target: RouteTarget, providerName: (id: string) => string): string {
  return `${target.model || '?'} on ${providerName(target.provider) || '?'}`;
}
