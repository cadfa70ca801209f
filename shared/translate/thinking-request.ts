/**
 * Anthropic's thinking switch → the upstream's reasoning fields, in the style the provider
 * speaks (ProviderQuirks.reasoningRequest). Thinking off means no reasoning field at all:
 * DeepSeek 400s on "disabled + effort" (anthropics/claude-code#65863). A budget below 4,096
 * maps to low effort, below 16,384 to medium, else high (Claude Code's "think" 4,000 → low,
 * "think hard" 10,000 → medium, "ultrathink" 31,999 → high). Adaptive thinking, which Claude
 * Code sends for model ids it does not know, carries its effort in `output_config.effort`.
 */
import type { MessageCreateParamsBase, OutputConfig } from '@anthropic-ai/sdk/resources/messages';
import type { ProviderQuirks } from '../providers/provider-quirks.ts';
import type { RequestNotes } from './request-notes.ts';
import type { OpenRouterReasoningParam, UpstreamRequestExtras } from './upstream-request-types.ts';

export type UpstreamEffort = 'low' | 'medium' | 'high';

export interface ReasoningFields extends UpstreamRequestExtras {
  reasoning_effort?: UpstreamEffort;
}

export interface ThinkingTranslation {
  fields: ReasoningFields;
  /** Whether the upstream will think (for rules such as dropToolChoiceWithThinking). */
  thinkingOn: boolean;
}

const LOW_BELOW = 4096;
const MEDIUM_BELOW = 16384;

export function effortForBudget(budgetTokens: number): UpstreamEffort {
  if (budgetTokens < LOW_BELOW) return 'low';
  if (budgetTokens < MEDIUM_BELOW) return 'medium';
  return 'high';
}

/** Anthropic's effort scale is wider than OpenAI-compatible servers accept. */
function upstreamEffort(
  effort: NonNullable<OutputConfig['effort']>,
  notes: RequestNotes,
): UpstreamEffort {
  switch (effort) {
    case 'low':
    case 'medium':
    case 'high':
      return effort;
    case 'xhigh':
    case 'max':
      notes.add('changed', 'output_config.effort', `effort ${effort} → high`);
      return 'high';
    default:
      notes.add(
        'changed',
        'output_config.effort',
        `effort ${String(effort)} not understood; sent as medium`,
      );
      return 'medium';
  }
}

/** What the client asked for: a budget, an effort, or "on" with neither. */
type Ask = { budget?: number; effort?: OutputConfig['effort'] };

function styleFields(ask: Ask, quirks: ProviderQuirks, notes: RequestNotes): ReasoningFields {
  if (quirks.reasoningRequest === 'none') {
    notes.add('dropped', 'thinking', 'thinking dropped: this upstream takes no reasoning fields');
    return {};
  }
  const effort = ask.effort
    ? upstreamEffort(ask.effort, notes)
    : ask.budget !== undefined
      ? effortForBudget(ask.budget)
      : undefined;
  switch (quirks.reasoningRequest) {
    case 'reasoning_effort':
      return effort ? { reasoning_effort: effort } : {};
    case 'openrouter': {
      const reasoning: OpenRouterReasoningParam =
        ask.budget !== undefined
          ? { max_tokens: ask.budget }
          : effort
            ? { effort }
            : { enabled: true };
      return { reasoning };
    }
    case 'deepseek':
      return { thinking: { type: 'enabled' }, ...(effort && { reasoning_effort: effort }) };
  }
}

export function translateThinking(
  request: Pick<MessageCreateParamsBase, 'thinking' | 'output_config'>,
  quirks: ProviderQuirks,
  notes: RequestNotes,
): ThinkingTranslation {
  const thinking = request.thinking;
  const alwaysThinks = quirks.alwaysThinks === true;
  if (!thinking) return { fields: {}, thinkingOn: alwaysThinks };
  switch (thinking.type) {
    case 'disabled':
      return { fields: {}, thinkingOn: alwaysThinks };
    case 'enabled':
      return {
        fields: styleFields({ budget: thinking.budget_tokens }, quirks, notes),
        thinkingOn: true,
      };
    case 'adaptive':
    case 'between_tools':
      return {
        fields: styleFields({ effort: request.output_config?.effort }, quirks, notes),
        thinkingOn: true,
      };
    default: {
      const type = (thinking as { type: unknown }).type;
      notes.add('dropped', 'thinking', `thinking type ${String(type)} not understood`);
      return { fields: {}, thinkingOn: alwaysThinks };
    }
  }
}
