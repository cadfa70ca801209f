/**
 * What the request translation did, field by field: which Anthropic fields were kept, renamed
 * (moved), rewritten (changed) or dropped, and what the OpenAI request gained (added). The
 * translator's own notes say why; the structural comparison here catches everything, noted
 * or not, from the two recorded bodies.
 */
import type { TranslationNote } from '../../shared/translate/translation-note.ts';
import { asArray, asObject, asString, jsonEqual, jsonText } from './json-shape.ts';

export type DiffKind = 'kept' | 'moved' | 'changed' | 'dropped' | 'added';

export interface DiffRow {
  kind: DiffKind;
  anthropicField?: string;
  openaiField?: string;
  before?: string;
  after?: string;
  /** The translator's note for this field, when it left one. */
  note?: string;
}

export interface TranslationDiff {
  rows: DiffRow[];
  messages: { anthropic: number; openai: number; openaiRoles: Record<string, number> };
  tools: { anthropic: string[]; openai: string[]; missing: string[]; extra: string[] };
  notes: readonly TranslationNote[];
}

/** Where each Anthropic field lands in the OpenAI request (first present wins). */
const TARGETS: Record<string, readonly string[]> = {
  max_tokens: ['max_tokens', 'max_completion_tokens'],
  system: ['messages'],
  stop_sequences: ['stop'],
  metadata: ['user'],
  thinking: ['reasoning_effort', 'reasoning', 'thinking'],
  output_config: ['reasoning_effort', 'reasoning'],
  disable_parallel_tool_use: ['parallel_tool_calls'],
};

const PREVIEW = 80;

function preview(value: unknown): string {
  const text = jsonText(value);
  return text.length > PREVIEW ? `${text.slice(0, PREVIEW)}…` : text;
}

function noteFor(notes: readonly TranslationNote[], field: string): string | undefined {
  const hits = notes.filter(
    (n) => n.field === field || n.field.startsWith(`${field}.`) || n.field.startsWith(`${field}[`),
  );
  return hits.length > 0 ? hits.map((n) => n.detail).join('; ') : undefined;
}

function toolNames(tools: unknown, openai: boolean): string[] {
  return (asArray(tools) ?? []).map((raw) => {
    const t = asObject(raw);
    return (
      (openai ? asString(asObject(t?.function)?.name) : (asString(t?.name) ?? asString(t?.type))) ??
      '?'
    );
  });
}

export function buildTranslationDiff(
  anthropicRequest: unknown,
  openaiRequest: unknown,
  notes: readonly TranslationNote[],
): TranslationDiff {
  const a = asObject(anthropicRequest) ?? {};
  const o = asObject(openaiRequest) ?? {};
  const claimed = new Set<string>();
  const rows: DiffRow[] = [];

  for (const [field, value] of Object.entries(a)) {
    if (value === undefined) continue;
    const note = noteFor(notes, field);
    if (field === 'system') {
      claimed.add('messages');
      const first = asObject(asArray(o.messages)?.[0]);
      const moved = first?.role === 'system' || first?.role === 'developer';
      rows.push(
        moved
          ? {
              kind: 'moved',
              anthropicField: 'system',
              openaiField: `messages[0] (role ${String(first?.role)})`,
              before: preview(value),
              after: preview(first?.content),
              note,
            }
          : { kind: 'dropped', anthropicField: 'system', before: preview(value), note },
      );
      continue;
    }
    if (
      (field === 'messages' || field === 'tools') &&
      Array.isArray(value) &&
      Array.isArray(o[field])
    ) {
      // Whole lists are rewritten shape by shape; counts say more than a JSON prefix.
      claimed.add(field);
      const unit = field === 'messages' ? 'messages' : 'tools';
      rows.push({
        kind: 'changed',
        anthropicField: field,
        openaiField: field,
        before: `${value.length} ${unit}`,
        after: `${(o[field] as unknown[]).length} ${field === 'messages' ? 'messages' : 'functions'}`,
        note,
      });
      continue;
    }
    const target = (TARGETS[field] ?? [field]).find((t) => o[t] !== undefined);
    if (!target) {
      rows.push({ kind: 'dropped', anthropicField: field, before: preview(value), note });
      continue;
    }
    claimed.add(target);
    const same = jsonEqual(value, o[target]);
    const kind: DiffKind =
      target === field ? (same ? 'kept' : 'changed') : same ? 'moved' : 'changed';
    rows.push({
      kind,
      anthropicField: field,
      openaiField: target,
      before: preview(value),
      after: preview(o[target]),
      note,
    });
  }
  for (const [field, value] of Object.entries(o)) {
    if (value === undefined || claimed.has(field) || field in a) continue;
    rows.push({
      kind: 'added',
      openaiField: field,
      after: preview(value),
      note: noteFor(notes, field),
    });
  }

  const openaiRoles: Record<string, number> = {};
  for (const m of asArray(o.messages) ?? []) {
    const role = asString(asObject(m)?.role) ?? '?';
    openaiRoles[role] = (openaiRoles[role] ?? 0) + 1;
  }
  const aTools = toolNames(a.tools, false);
  const oTools = toolNames(o.tools, true);
  return {
    rows,
    messages: {
      anthropic: asArray(a.messages)?.length ?? 0,
      openai: asArray(o.messages)?.length ?? 0,
      openaiRoles,
    },
    tools: {
      anthropic: aTools,
      openai: oTools,
      missing: aTools.filter((n) => !oTools.includes(n)),
      extra: oTools.filter((n) => !aTools.includes(n)),
    },
    notes,
  };
}
