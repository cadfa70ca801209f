/**
 * Text search in the recorded bodies (BridgeApi.searchExchanges, GET
 * /inspector/api/exchanges?q=): which exchanges have the text, case-insensitive, in any of
 * their four forms (the Anthropic request, the OpenAI request, the OpenAI response or its
 * chunks, the Anthropic response or its events). Headers are not searched.
 *
 * It runs on request only, never while recording, and never for long at a time: the scan
 * works through the records newest first in slices of a few milliseconds and yields to the
 * event loop between them, so calls streaming meanwhile do not stall. It stops at a budget
 * (characters looked at, and scan time) and says so (`complete: false`): what was left
 * are the oldest exchanges.
 *
 * What counts as "in a body": every string, object key and number of the recorded JSON, and
 * for streams also the text the deltas add up to (a word the model streamed as "hel" + "lo"
 * is found as "hello"). A match must survive redaction: the search looks at the bodies as
 * the inspector shows them, so it can never tell whether a key was in a body. Stream items
 * are recorded as JSON text; they are parsed here (only once the request bodies did not
 * match), so a query matches what the inspector shows, never the JSON punctuation around it.
 */
import { entrySecrets, parseItem, type ExchangeEntry } from './exchange-entry.ts';
import { redactString } from './redaction.ts';

export interface SearchLimits {
  /** Characters of body text looked at before the search stops. */
  maxChars: number;
  /** Milliseconds of scanning (yields not counted) before the search stops. */
  maxScanMs: number;
  /** One slice of scanning before the event loop gets a turn. */
  sliceMs: number;
}

export const SEARCH_DEFAULTS: SearchLimits = {
  maxChars: 256 * 1024 * 1024,
  maxScanMs: 1500,
  sliceMs: 8,
};

export interface ExchangeSearchResult {
  /** Matching ids, newest first. */
  ids: string[];
  /** Exchanges searched (the newest ones). */
  scannedExchanges: number;
  scannedChars: number;
  /** False when a budget stopped the search before the oldest exchange. */
  complete: boolean;
}

export interface SearchClock {
  now(): number;
  /** Lets the event loop run (setImmediate by default). */
  yield(): Promise<void>;
}

const defaultClock: SearchClock = {
  now: () => performance.now(),
  yield: () => new Promise((resolve) => setImmediate(resolve)),
};

class Budget {
  chars = 0;
  exhausted = false;
  readonly #limits: SearchLimits;
  constructor(limits: SearchLimits) {
    this.#limits = limits;
  }
  /** Counts `n` characters; false once past the budget. */
  spend(n: number): boolean {
    this.chars += n;
    if (this.chars > this.#limits.maxChars) this.exhausted = true;
    return !this.exhausted;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A test that matches `pattern` in a text as the inspector shows it (redacted). */
function matcherFor(pattern: RegExp, secrets: () => readonly string[]): (text: string) => boolean {
  return (text) => {
    if (!pattern.test(text)) return false;
    const hidden = secrets();
    return hidden.length === 0 || pattern.test(redactString(text, hidden));
  };
}

/** Walks a JSON-like value; true at the first string, key or number that matches. */
function valueMatches(value: unknown, match: (text: string) => boolean, budget: Budget): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const next = stack.pop();
    switch (typeof next) {
      case 'string':
        if (!budget.spend(next.length)) return false;
        if (match(next)) return true;
        break;
      case 'number':
      case 'bigint':
      case 'boolean': {
        const text = String(next);
        if (!budget.spend(text.length)) return false;
        if (match(text)) return true;
        break;
      }
      case 'object':
        if (next === null) break;
        if (Array.isArray(next)) {
          for (let i = next.length - 1; i >= 0; i--) stack.push(next[i]);
        } else {
          for (const [key, inner] of Object.entries(next)) {
            if (!budget.spend(key.length)) return false;
            if (match(key)) return true;
            stack.push(inner);
          }
        }
        break;
      case 'undefined':
      case 'function':
      case 'symbol':
        break;
    }
  }
  return false;
}

type Texts = Map<string, string[]>;

function add(texts: Texts, key: string, piece: unknown): void {
  if (typeof piece !== 'string' || piece === '') return;
  const list = texts.get(key);
  if (list) list.push(piece);
  else texts.set(key, [piece]);
}

/** What OpenAI deltas add up to: text, reasoning, and each tool call's arguments. */
function chunkTexts(chunks: readonly unknown[]): Texts {
  const texts: Texts = new Map();
  for (const chunk of chunks) {
    const choices = (chunk as { choices?: unknown } | null)?.choices;
    if (!Array.isArray(choices)) continue;
    for (const choice of choices as { index?: number; delta?: Record<string, unknown> }[]) {
      const delta = choice?.delta;
      if (!delta) continue;
      const at = choice.index ?? 0;
      add(texts, `${at}:content`, delta.content);
      add(texts, `${at}:reasoning`, delta.reasoning_content ?? delta.reasoning);
      const calls = delta.tool_calls;
      if (!Array.isArray(calls)) continue;
      for (const call of calls as { index?: number; function?: { arguments?: unknown } }[])
        add(texts, `${at}:tool:${call?.index ?? 0}`, call?.function?.arguments);
    }
  }
  return texts;
}

/** What Anthropic content_block_delta events add up to, per block. */
function eventTexts(events: readonly unknown[]): Texts {
  const texts: Texts = new Map();
  for (const event of events) {
    const e = event as { type?: unknown; index?: unknown; delta?: Record<string, unknown> } | null;
    if (e?.type !== 'content_block_delta' || !e.delta) continue;
    const { delta } = e;
    add(texts, String(e.index), delta.text ?? delta.thinking ?? delta.partial_json);
  }
  return texts;
}

function joinedMatches(texts: Texts, match: (text: string) => boolean, budget: Budget): boolean {
  for (const pieces of texts.values()) {
    if (pieces.length < 2) continue; // one piece was already looked at on its own
    const joined = pieces.join('');
    if (!budget.spend(joined.length)) return false;
    if (match(joined)) return true;
  }
  return false;
}

function entryMatches(
  entry: ExchangeEntry,
  match: (text: string) => boolean,
  budget: Budget,
): boolean {
  if (valueMatches(entry.start.anthropicRequest, match, budget)) return true;
  if (entry.upstream && valueMatches(entry.upstream.body, match, budget)) return true;
  if (budget.exhausted) return false;
  const chunks = entry.chunks.read().map(({ text }) => parseItem(text));
  const openaiAnswer = chunks.length > 0 || !entry.hasOpenaiBody ? chunks : entry.openaiBody;
  if (valueMatches(openaiAnswer, match, budget)) return true;
  if (budget.exhausted) return false;
  const events = entry.events.read().map(({ text }) => parseItem(text));
  const anthropicAnswer =
    events.length > 0 || !entry.hasAnthropicBody ? events : entry.anthropicBody;
  if (valueMatches(anthropicAnswer, match, budget)) return true;
  if (budget.exhausted) return false;
  return (
    joinedMatches(chunkTexts(chunks), match, budget) ||
    joinedMatches(eventTexts(events), match, budget)
  );
}

/**
 * @param entries newest first; read as they are when the slice that reaches them runs
 * @param configuredSecrets the keys to hide (with each exchange's own auth header values)
 */
export async function searchEntries(
  entries: readonly ExchangeEntry[],
  query: string,
  configuredSecrets: readonly string[],
  limits: SearchLimits = SEARCH_DEFAULTS,
  clock: SearchClock = defaultClock,
): Promise<ExchangeSearchResult> {
  const result: ExchangeSearchResult = {
    ids: [],
    scannedExchanges: 0,
    scannedChars: 0,
    complete: true,
  };
  // Every body contains the empty text.
  if (query === '')
    return { ...result, ids: entries.map((entry) => entry.id), scannedExchanges: entries.length };
  const budget = new Budget(limits);
  const pattern = new RegExp(escapeRegExp(query), 'iu');
  let scanMs = 0;
  let sliceStart = clock.now();
  for (const entry of entries) {
    let secrets: readonly string[] | undefined;
    const match = matcherFor(pattern, () => (secrets ??= entrySecrets(entry, configuredSecrets)));
    const found = entryMatches(entry, match, budget);
    if (budget.exhausted) break;
    result.scannedExchanges++;
    if (found) result.ids.push(entry.id);
    const elapsed = clock.now() - sliceStart;
    if (elapsed >= limits.sliceMs) {
      scanMs += elapsed;
      if (scanMs >= limits.maxScanMs) break;
      await clock.yield();
      sliceStart = clock.now();
    }
  }
  result.scannedChars = budget.chars;
  result.complete = result.scannedExchanges === entries.length;
  return result;
}
