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

type ObjectExpect = 'key-or-end' | 'key' | 'colon' | 'value' | 'comma-or-end';
type ArrayExpect = 'value-or-end' | 'value' | 'comma-or-end';
type Container =
  | { kind: 'object'; expect: ObjectExpect; lastComma: number }
  | { kind: 'array'; expect: ArrayExpect; lastComma: number };

interface JsonScan {
  /** Something no repair can fix: a character where JSON does not allow it. */
  broken: boolean;
  /** Appending this completes the text, once strayCommas are removed. */
  appendOnlySuffix: string;
  /** Indexes of commas directly before a closer (`[1,]`). */
  strayCommas: number[];
  /** Index of a comma the text ends after, else -1 (the suffix then adds a placeholder). */
  danglingComma: number;
}

const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;
const LITERALS = ['true', 'false', 'null'];

/** A single pass over a JSON text that may be cut off anywhere (a tolerant tokenizer). */
function scanJson(text: string): JsonScan {
  const stack: Container[] = [];
  const strayCommas: number[] = [];
  let topDone = false;
  let inString = false;
  let stringIsKey = false;
  let escape = false;
  let unicodeLeft = 0;
  let token = '';
  const broken = (): JsonScan => ({
    broken: true,
    appendOnlySuffix: '',
    strayCommas,
    danglingComma: -1,
  });

  const expectsValue = (): boolean => {
    const top = stack[stack.length - 1];
    if (!top) return !topDone;
    return top.kind === 'object'
      ? top.expect === 'value'
      : top.expect === 'value' || top.expect === 'value-or-end';
  };
  const afterValue = (): void => {
    const top = stack[stack.length - 1];
    if (top) top.expect = 'comma-or-end';
    else topDone = true;
  };
  const finishToken = (): boolean => {
    const ok = LITERALS.includes(token) || NUMBER.test(token);
    token = '';
    if (ok) afterValue();
    return ok;
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      if (unicodeLeft > 0) {
        if (!/[0-9a-fA-F]/.test(ch)) return broken();
        unicodeLeft--;
      } else if (escape) {
        escape = false;
        if (ch === 'u') unicodeLeft = 4;
      } else if (ch === '\\') {
        escape = true;
      } else if (ch === '"') {
        inString = false;
        const top = stack[stack.length - 1];
        if (stringIsKey && top?.kind === 'object') top.expect = 'colon';
        else afterValue();
      }
      continue;
    }
    if (token !== '') {
      if (/[A-Za-z0-9.+-]/.test(ch)) {
        token += ch;
        continue;
      }
      if (!finishToken()) return broken();
    }
    if (ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t') continue;
    const top = stack[stack.length - 1];
    switch (ch) {
      case '{':
      case '[':
        if (!expectsValue()) return broken();
        // The container is its parent's value from here on, finished or not.
        afterValue();
        stack.push(
          ch === '{'
            ? { kind: 'object', expect: 'key-or-end', lastComma: -1 }
            : { kind: 'array', expect: 'value-or-end', lastComma: -1 },
        );
        break;
      case '"':
        if (top?.kind === 'object' && (top.expect === 'key' || top.expect === 'key-or-end')) {
          stringIsKey = true;
        } else if (expectsValue()) {
          stringIsKey = false;
        } else {
          return broken();
        }
        inString = true;
        break;
      case ':':
        if (top?.kind !== 'object' || top.expect !== 'colon') return broken();
        top.expect = 'value';
        break;
      case ',':
        if (top?.expect !== 'comma-or-end') return broken();
        top.expect = top.kind === 'object' ? 'key' : 'value';
        top.lastComma = i;
        break;
      case '}':
      case ']': {
        const kind = ch === '}' ? 'object' : 'array';
        if (top?.kind !== kind) return broken();
        if (top.expect === 'key' || (top.kind === 'array' && top.expect === 'value')) {
          strayCommas.push(top.lastComma);
        } else if (
          top.expect !== 'key-or-end' &&
          top.expect !== 'value-or-end' &&
          top.expect !== 'comma-or-end'
        ) {
          return broken();
        }
        stack.pop();
        afterValue();
        break;
      }
      default:
        if (!expectsValue() || !/[-0-9tfn]/.test(ch)) return broken();
        token = ch;
    }
  }

  let suffix = '';
  if (inString) {
    if (unicodeLeft > 0) suffix += '0'.repeat(unicodeLeft);
    // A lone trailing backslash becomes an escaped backslash, so the quote really closes.
    if (escape) suffix += '\\';
    suffix += '"';
    const top = stack[stack.length - 1];
    if (stringIsKey && top?.kind === 'object') top.expect = 'colon';
    else afterValue();
  } else if (token !== '') {
    const literal = LITERALS.find((word) => word.startsWith(token));
    const completion = literal ? literal.slice(token.length) : /[-.eE+]$/.test(token) ? '0' : '';
    token += completion;
    suffix += completion;
    if (!finishToken()) return broken();
  }
  if (!topDone && stack.length === 0) return broken();
  let danglingComma = -1;
  // Only the innermost container can be mid-member: its parents already hold it as a value.
  for (let level = stack.length - 1; level >= 0; level--) {
    const container = stack[level]!;
    if (container.kind === 'object') {
      if (container.expect === 'colon') suffix += ':null';
      else if (container.expect === 'value') suffix += 'null';
      else if (container.expect === 'key') {
        danglingComma = container.lastComma;
        suffix += '"":null';
      }
      suffix += '}';
    } else {
      if (container.expect === 'value') {
        danglingComma = container.lastComma;
        suffix += 'null';
      }
      suffix += ']';
    }
  }
  return { broken: false, appendOnlySuffix: suffix, strayCommas, danglingComma };
}
