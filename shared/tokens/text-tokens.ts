/**
 * Token count of a string with tiktoken's o200k_base (exact for gpt-4o/4.1/5/o-series, within
 * ±10–20% elsewhere: protocol-checklist §5). Building the encoder parses a ~3 MB rank table
 * (about a second), so it happens once, on first use, or earlier via warmUpTextTokens().
 * Claude Code resends the same system prompt, tool schemas and history on every call, so
 * counts are memoised in a small LRU bounded by total characters (plus a per-entry charge, so
 * many short strings stay bounded too): a warm count of a 60 KB request is then mostly Map
 * lookups. Short strings are memoised as well: js-tiktoken's encode() builds its regexes and
 * sets on every call (about 8 µs even for a tool name), a Map hit costs well under 1 µs.
 */
import { Tiktoken } from 'js-tiktoken/lite';
import o200kBase from 'js-tiktoken/ranks/o200k_base';

const MAX_CACHED_CHARS = 4_000_000;
/** What an entry costs beyond its characters (Map slots, string header), in characters. */
const ENTRY_CHARS = 48;

let encoder: Tiktoken | undefined;
const cache = new Map<string, number>();
let cachedChars = 0;

function encodeLength(text: string): number {
  encoder ??= new Tiktoken(o200kBase);
  // No special tokens: "<|endoftext|>" in a prompt is plain text here, not an error.
  return encoder.encode(text, [], []).length;
}

/** Builds the encoder now, so the first request does not pay for it. */
export function warmUpTextTokens(): void {
  encodeLength('warm up');
}

export function countTextTokens(text: string): number {
  if (text.length === 0) return 0;
  const hit = cache.get(text);
  if (hit !== undefined) {
    // Re-insert so the Map's order stays least-recently-used first.
    cache.delete(text);
    cache.set(text, hit);
    return hit;
  }
  const tokens = encodeLength(text);
  cache.set(text, tokens);
  cachedChars += text.length + ENTRY_CHARS;
  for (const key of cache.keys()) {
    if (cachedChars <= MAX_CACHED_CHARS) break;
    cache.delete(key);
    cachedChars -= key.length + ENTRY_CHARS;
  }
  return tokens;
}
