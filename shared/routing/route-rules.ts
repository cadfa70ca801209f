/**
 * Picks the provider and upstream model for one call from the user's routes: the ordered
 * rules first (the first enabled rule whose conditions all hold wins), then the built-in
 * tiers: Claude Code asks for ids such as `claude-sonnet-4-6[1m]` that no OpenAI-compatible
 * upstream knows, so opus/sonnet go to the big route and haiku to the small one, while any
 * other id passes through unchanged to the big route's provider (a user who runs
 * `claude --model gpt-4.1` gets exactly that). The result names the rule so the inspector can show why a
 * call went where it did, and carries the rule's fallback target for upstream 429/5xx.
 *
 * Pure: it reads settings and a few facts about the request, never the network. The facts
 * come from `requestFactsOf`, so the "which route?" tester and the proxy decide alike.
 */
import type { MessageCreateParamsBase } from '@anthropic-ai/sdk/resources/messages';
import type {
  RouteRule,
  RouteTarget,
  RoutesSettings,
  RuleConditions,
} from '../settings/settings-schema.ts';

/** What the rules may look at; everything is known before the upstream call. */
export interface RequestFacts {
  /** The model id as the client sent it, e.g. "claude-sonnet-4-6[1m]". */
  model: string;
  thinking: boolean;
  images: boolean;
  tools: boolean;
  estimatedInputTokens: number;
  /** A background/small-model call: Claude Code uses its haiku slot for these. */
  background: boolean;
}

export interface RouteResolution {
  /** Provider id (settings.providers[].id). */
  provider: string;
  /** Upstream model id to send. */
  model: string;
  /** Human label for logs and the inspector, e.g. `rule "long context"` or "big (opus/sonnet)". */
  rule: string;
  /** Id of the user rule that matched; absent when a built-in tier decided. */
  ruleId?: string;
  /** Where to retry once on 429/5xx before any byte was streamed. */
  fallback?: RouteTarget;
}

/** Claude Code appends `[1m]` to ask for the 1M-token context window; upstreams reject it. */
export function stripContextSuffix(model: string): string {
  return model.replace(/\[1m\]$/i, '').trim();
}

/** Claude Code's background work (titles, summaries, warmup) asks for a haiku model. */
export function isBackgroundModel(model: string): boolean {
  return /haiku/i.test(model);
}

type ContentBlocks = MessageCreateParamsBase['messages'][number]['content'];

function hasImage(content: ContentBlocks): boolean {
  if (typeof content === 'string') return false;
  return content.some(
    (block) =>
      block.type === 'image' ||
      (block.type === 'tool_result' &&
        Array.isArray(block.content) &&
        block.content.some((inner) => inner.type === 'image')),
  );
}

export function requestFactsOf(
  request: Pick<MessageCreateParamsBase, 'model' | 'messages' | 'tools' | 'thinking'>,
  estimatedInputTokens: number,
): RequestFacts {
  const thinkingType = request.thinking?.type;
  return {
    model: request.model,
    thinking: thinkingType !== undefined && thinkingType !== 'disabled',
    images: request.messages.some((message) => hasImage(message.content)),
    tools: (request.tools?.length ?? 0) > 0,
    estimatedInputTokens,
    background: isBackgroundModel(request.model),
  };
}

function globToRegExp(glob: string): RegExp {
  const source = glob
    .split('')
    .map((char) =>
      char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${source}$`, 'i');
}

/**
 * A glob matches the id as sent or without Claude Code's `[1m]` suffix, so
 * `claude-opus-*` catches `claude-opus-4-6[1m]` while `*[1m]` can still single those out.
 */
export function modelGlobMatches(glob: string, model: string): boolean {
  const pattern = globToRegExp(glob.trim());
  return pattern.test(model) || pattern.test(stripContextSuffix(model));
}

export function ruleMatches(when: RuleConditions, facts: RequestFacts): boolean {
  if (when.model !== undefined && !modelGlobMatches(when.model, facts.model)) return false;
  if (when.thinking !== undefined && when.thinking !== facts.thinking) return false;
  if (when.images !== undefined && when.images !== facts.images) return false;
  if (when.tools !== undefined && when.tools !== facts.tools) return false;
  if (when.background !== undefined && when.background !== facts.background) return false;
  if (when.inputTokensAbove !== undefined && !(facts.estimatedInputTokens > when.inputTokensAbove))
    return false;
  return true;
}

export function ruleLabel(rule: Pick<RouteRule, 'name'>): string {
  return `rule "${rule.name}"`;
}

export function resolveRoute(
  settings: { routes: RoutesSettings },
  facts: RequestFacts,
): RouteResolution {
  const { routes } = settings;
  const rule = routes.rules.find(
    (candidate) => candidate.enabled && ruleMatches(candidate.when, facts),
  );
  if (rule) {
    return {
      provider: rule.target.provider,
      model: rule.target.model,
      rule: ruleLabel(rule),
      ruleId: rule.id,
      ...(rule.fallback ? { fallback: rule.fallback } : {}),
    };
  }
  return tierRoute(routes, facts.model);
}

/** The built-in tiers, used when no rule matched. */
function tierRoute(routes: RoutesSettings, requested: string): RouteResolution {
  const model = stripContextSuffix(requested);
  if (/opus|sonnet/i.test(model)) return { ...routes.big, rule: 'big (opus/sonnet)' };
  if (isBackgroundModel(model)) return { ...routes.small, rule: 'small (haiku)' };
  return { provider: routes.big.provider, model, rule: 'pass-through' };
}

/**
 * The model a check of a provider should try when the user named none: one a route sends
 * to it (big, small, then the rules), else the first of its own model list.
 */
export function checkModelFor(
  routes: RoutesSettings,
  provider: { id: string; models: readonly string[] },
): string | undefined {
  const { big, small, rules } = routes;
  const routed = [big, small, ...rules.map((rule) => rule.target)].find(
    (target) => target.provider === provider.id,
  );
  return routed?.model ?? provider.models[0];
}
