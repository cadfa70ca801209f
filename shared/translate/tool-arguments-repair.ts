/**
 * Tool-call arguments → an Anthropic tool_use `input` object.
 *
 * Upstream models sometimes produce arguments that are not valid JSON: wrapped in markdown
 * fences, cut off by the token limit, or with a trailing comma. Anthropic clients need an
 * object, and Claude Code reports a schema error back to the model when the object is
 * wrong, which is far better than a failed turn. So: "" → {}; valid JSON object → as is;
 * otherwise repair (strip fences, drop stray commas, close strings and brackets); else {}.
 *
 * The stream translator cannot take back fragments it has sent, so it uses the append-only
 * part (closingSuffix) when it closes a tool_use block.
 */
import { scanJson } from './json-text-scanner.ts';

export type ToolArgumentsOutcome = 'empty' | 'valid' | 'repaired' | 'invalid';

export interface ParsedToolArguments {
  input: Record<string, unknown>;
  outcome: ToolArgumentsOutcome;
}

export function parseToolArguments(raw: string): ParsedToolArguments {
  if (raw.trim() === '') return { input: {}, outcome: 'empty' };
  const direct = parseObject(raw);
  if (direct) return { input: direct, outcome: 'valid' };
  const repaired = repairJson(raw);
  const input = repaired === null ? null : parseObject(repaired);
  return input ? { input, outcome: 'repaired' } : { input: {}, outcome: 'invalid' };
}

/** True when `text` is a whole JSON object, so no further fragment can belong to it. */
export function isCompleteJsonObject(text: string): boolean {
  // Cheap filter first: an object's text ends with '}' (ignoring trailing whitespace).
  let end = text.length - 1;
  while (end >= 0 && text.charCodeAt(end) <= 32) end--;
  return end >= 0 && text.charCodeAt(end) === 125 && parseObject(text) !== null;
}

/**
 * What to append to a cut-off JSON text to make it valid, or null when appending cannot
 * help (garbage, or a comma before a closer). '' when it is already complete. A text cut
 * right after a comma gets a placeholder member (`"":null` or `null`): appending cannot
 * remove the comma, and a valid object with one odd key is better for a client than
 * unparseable input.
 */
export function closingSuffix(partial: string): string | null {
  const scan = scanJson(partial);
  return scan.broken || scan.strayCommas.length > 0 ? null : scan.appendOnlySuffix;
}

/** A best-effort valid JSON text for `raw`, or null when it cannot be repaired. */
export function repairJson(raw: string): string | null {
  let text = stripFences(raw);
  let scan = scanJson(text);
  if (scan.broken) return null;
  const commas =
    scan.danglingComma === -1 ? scan.strayCommas : [...scan.strayCommas, scan.danglingComma];
  if (commas.length > 0) {
    // Delete from the end so earlier indexes stay valid, then rescan for the suffix.
    for (let i = commas.length - 1; i >= 0; i--) {
      const at = commas[i]!;
      text = text.slice(0, at) + text.slice(at + 1);
    }
    scan = scanJson(text);
    if (scan.broken || scan.strayCommas.length > 0 || scan.danglingComma !== -1) return null;
  }
  return text + scan.appendOnlySuffix;
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

const OPENING_FENCE = /^```[A-Za-z0-9_-]*\s*/;

function stripFences(raw: string): string {
  let text = raw.trim();
  if (!text.startsWith('```')) return text;
  text = text.replace(OPENING_FENCE, '');
  if (text.endsWith('```')) text = text.slice(0, -3);
  return text.trim();
}
