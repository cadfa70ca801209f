/**
 * Chooses the upstream model for a requested Claude model id. Claude Code asks for ids such
 * as `claude-sonnet-4-6[1m]` or `claude-haiku-4-5`; an OpenAI-compatible upstream knows
 * none of them, so the family names map onto the two configured tiers ("big" for
 * opus/sonnet, "small" for haiku) and everything else passes through unchanged (a user who
 * runs `claude --model gpt-4.1` gets exactly that).
 *
 * The rules are an ordered list so later settings (per-rule providers, user-defined
 * patterns) can slot in without changing callers: the first rule that matches decides.
 */

export interface ModelRoutes {
  /** Upstream model for opus/sonnet requests. */
  big?: string;
  /** Upstream model for haiku requests. */
  small?: string;
  /** Provider that serves both tiers and pass-through ids. */
  provider: string;
}

export interface RouteDecision {
  provider: string;
  /** The upstream model id to send. */
  model: string;
  /** Which rule chose it, for logs and the inspector, e.g. "big (opus/sonnet)". */
  rule: string;
}

type Tier = 'big' | 'small';

interface TierRule {
  tier: Tier;
  /** Shown when the rule's own tier is configured. */
  label: string;
  matches(model: string): boolean;
}

const TIER_RULES: readonly TierRule[] = [
  { tier: 'big', label: 'opus/sonnet', matches: (model) => /opus|sonnet/i.test(model) },
  { tier: 'small', label: 'haiku', matches: (model) => /haiku/i.test(model) },
];

const OTHER_TIER: Readonly<Record<Tier, Tier>> = { big: 'small', small: 'big' };

/** Claude Code appends `[1m]` to ask for the 1M-token context window; upstreams reject it. */
export function stripContextSuffix(model: string): string {
  return model.replace(/\[1m\]$/i, '').trim();
}

export function routeModel(requested: string, routes: ModelRoutes): RouteDecision {
  const model = stripContextSuffix(requested);
  const rule = TIER_RULES.find((candidate) => candidate.matches(model));
  if (rule) {
    const own = routes[rule.tier];
    if (own) return { provider: routes.provider, model: own, rule: `${rule.tier} (${rule.label})` };
    // A claude-* id never exists on an OpenAI-compatible upstream, so with only one tier
    // configured every Claude family goes to that one rather than to a sure 404.
    const other = OTHER_TIER[rule.tier];
    const fallback = routes[other];
    if (fallback) {
      return {
        provider: routes.provider,
        model: fallback,
        rule: `${other} (${rule.label}; no ${rule.tier} model set)`,
      };
    }
  }
  return { provider: routes.provider, model, rule: 'pass-through' };
}
