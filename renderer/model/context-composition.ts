/**
 * "What is eating my context": one call's input split into system prompt, tool definitions,
 * message history and the new turn (the messages after the last assistant message), with the
 * largest single items ranked. The split is an estimate (about 4 characters per token, images
 * at a flat ~1,600), scaled to the upstream's reported prompt size when there is one, and
 * labelled as such everywhere it shows.
 */
import type { ExchangeSummary } from '../../shared/traffic/exchange-record.ts';
import { contextWindowOf } from './context-windows.ts';
import { reportedInputTokens } from './exchange-view.ts';
import { asArray, asObject, asString, jsonText } from './json-shape.ts';

export type ContextCategory = 'system' | 'tools' | 'history' | 'new-turn';

export interface ContextItem {
  category: ContextCategory;
  label: string;
  tokens: number;
}

export interface ContextPart {
  category: ContextCategory;
  label: string;
  tokens: number;
  /** Share of the total. */
  fraction: number;
  items: number;
}

export interface ContextComposition {
  totalTokens: number;
  /** 'reported': the total is the upstream's count and the split is scaled to it. */
  basis: 'reported' | 'estimate';
  parts: ContextPart[];
  largest: ContextItem[];
  contextWindow?: number;
  windowFraction?: number;
}

const CHARS_PER_TOKEN = 4;
const IMAGE_TOKENS = 1600;
const PER_MESSAGE = 3;
const PER_TOOL = 10;
const LARGEST = 12;

const LABELS: Record<ContextCategory, string> = {
  system: 'System prompt',
  tools: 'Tool definitions',
  history: 'Message history',
  'new-turn': 'New turn',
};

export function estimateTextTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}

/** Tokens of one content block; images count flat, never by their base64 size. */
function blockTokens(block: unknown): number {
  const b = asObject(block);
  if (!b) return estimateTextTokens(jsonText(block));
  switch (b.type) {
    case 'image':
      return IMAGE_TOKENS;
    case 'text':
      return estimateTextTokens(asString(b.text) ?? '');
    case 'thinking':
      return estimateTextTokens(asString(b.thinking) ?? '');
    case 'tool_use':
      return estimateTextTokens(`${asString(b.name) ?? ''}${jsonText(b.input)}`);
    case 'tool_result': {
      const content = b.content;
      if (typeof content === 'string') return estimateTextTokens(content);
      return (asArray(content) ?? []).reduce<number>((n, part) => n + blockTokens(part), 0);
    }
    default:
      return estimateTextTokens(jsonText(block));
  }
}

function blockLabel(
  block: unknown,
  messageIndex: number,
  role: string,
  toolNames: Map<string, string>,
): string {
  const b = asObject(block);
  const where = `messages[${messageIndex}]`;
  switch (b?.type) {
    case 'tool_result': {
      const id = asString(b.tool_use_id) ?? '';
      return `Tool result: ${toolNames.get(id) ?? id} (${where})`;
    }
    case 'tool_use':
      return `Tool call: ${asString(b.name) ?? '?'} (${where})`;
    case 'image':
      return `Image (${where})`;
    case 'thinking':
      return `Thinking (${where})`;
    default:
      return `${role === 'assistant' ? 'Assistant' : 'User'} text (${where})`;
  }
}

export function composeContext(
  anthropicRequest: unknown,
  summary: ExchangeSummary,
): ContextComposition {
  const req = asObject(anthropicRequest);
  const items: ContextItem[] = [];
  const totals: Record<ContextCategory, { tokens: number; items: number }> = {
    system: { tokens: 0, items: 0 },
    tools: { tokens: 0, items: 0 },
    history: { tokens: 0, items: 0 },
    'new-turn': { tokens: 0, items: 0 },
  };
  const add = (category: ContextCategory, label: string, tokens: number, ranked = true) => {
    totals[category].tokens += tokens;
    totals[category].items += 1;
    if (ranked) items.push({ category, label, tokens });
  };

  const system = req?.system;
  if (typeof system === 'string') add('system', 'System prompt', estimateTextTokens(system));
  else
    (asArray(system) ?? []).forEach((b, i) =>
      add(
        'system',
        `System block ${i + 1}`,
        estimateTextTokens(asString(asObject(b)?.text) ?? jsonText(b)),
      ),
    );

  for (const raw of asArray(req?.tools) ?? []) {
    const t = asObject(raw);
    add(
      'tools',
      `Tool schema: ${asString(t?.name) ?? asString(t?.type) ?? '?'}`,
      estimateTextTokens(jsonText(raw)) + PER_TOOL,
    );
  }

  const messages = asArray(req?.messages) ?? [];
  let lastAssistant = -1;
  messages.forEach((m, i) => {
    if (asObject(m)?.role === 'assistant') lastAssistant = i;
  });
  const toolNames = new Map<string, string>();
  messages.forEach((raw, i) => {
    const m = asObject(raw);
    const role = asString(m?.role) ?? '?';
    const category: ContextCategory = i > lastAssistant ? 'new-turn' : 'history';
    const content = m?.content;
    add(category, '', PER_MESSAGE, false);
    if (typeof content === 'string') {
      add(
        category,
        `${role === 'assistant' ? 'Assistant' : 'User'} text (messages[${i}])`,
        estimateTextTokens(content),
      );
      return;
    }
    for (const block of asArray(content) ?? []) {
      const b = asObject(block);
      if (b?.type === 'tool_use' && asString(b.id))
        toolNames.set(asString(b.id)!, asString(b.name) ?? '?');
      add(category, blockLabel(block, i, role, toolNames), blockTokens(block));
    }
  });

  const estimated = (Object.keys(totals) as ContextCategory[]).reduce(
    (n, k) => n + totals[k].tokens,
    0,
  );
  const reported = reportedInputTokens(summary);
  const totalTokens = reported ?? estimated;
  const scale = reported !== undefined && estimated > 0 ? reported / estimated : 1;
  const parts = (Object.keys(totals) as ContextCategory[]).map((category) => ({
    category,
    label: LABELS[category],
    tokens: Math.round(totals[category].tokens * scale),
    fraction: estimated > 0 ? totals[category].tokens / estimated : 0,
    items:
      category === 'history' || category === 'new-turn'
        ? countMessages(messages, lastAssistant, category)
        : totals[category].items,
  }));
  const largest = items
    .sort((a, b) => b.tokens - a.tokens)
    .slice(0, LARGEST)
    .map((item) => ({ ...item, tokens: Math.round(item.tokens * scale) }));
  const contextWindow = contextWindowOf(summary.upstreamModel ?? summary.requestedModel);
  return {
    totalTokens,
    basis: reported !== undefined ? 'reported' : 'estimate',
    parts,
    largest,
    contextWindow,
    windowFraction: contextWindow ? totalTokens / contextWindow : undefined,
  };
}

function countMessages(
  messages: unknown[],
  lastAssistant: number,
  category: ContextCategory,
): number {
  return category === 'new-turn' ? messages.length - lastAssistant - 1 : lastAssistant + 1;
}
