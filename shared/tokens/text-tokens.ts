/**
 * Token count of a string with tiktoken's o200k_base (exact for gpt-4o/4.1/5/o-series, within
 * ±10–20% elsewhere: protocol-checklist §5). Building the encoder parses a ~3 MB rank table
 * (about a second), so it happens once, on first use, or earlier via warmUpTextTokens().
 * Claude Code resends the same system prompt, tool schemas and history on every call, so
 * counts of long strings are memoised in a small LRU bounded by total characters: a warm
 * count of a 60 KB request is then mostly Map lookups.
 */
import { Tiktoken } from 'js-tiktoken/lite';
import o200kBase from 'js-tiktoken/ranks/o200k_base';

/** Strings shorter than this are cheaper to encode than to hash and keep. */
const MIN_CACHED_LENGTH = 64;
const MAX_CACHED_CHARS = 4_000_000;

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
  if (text.length < MIN_CACHED_LENGTH) return encodeLength(text);
  const hit = cache.get(text);
  if (hit !== undefined) {
    // Re-insert so the Map's order stays least-recently-used first.
    cache.delete(text);
    cache.set(text, hit);
    return hit;
  }
  const tokens = encodeLength(text);
  cache.set(text, tokens);
  cachedChars += text.length;
  for (const key of cache.keys()) {
    if (cachedChars <= MAX_CACHED_CHARS) break;
    cache.delete(key);
    cachedChars -= key.length;
  }
  return tokens;
}
