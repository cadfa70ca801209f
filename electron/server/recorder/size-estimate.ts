/**
 * Cheap size accounting for the recorder's memory budget, and the truncation of a single
 * huge body in the RECORD (the proxied traffic is never touched).
 *
 * estimateBytes walks a JSON-like value once and adds up string sizes (two bytes per
 * character when a string holds anything beyond Latin-1, as V8 stores it) plus a small fixed
 * cost per number, key and container: measured against V8's heap, it lands within about
 * ±30% of what a recorded exchange really retains (Claude Code requests, streamed chunks). It never builds a string, and the recorder calls it once per
 * exchange, after the exchange completed, from its batching timer: never on the hot path.
 */
import {
  TRUNCATED_STRING_MARKER,
  type TruncatedBody,
} from '../../../shared/traffic/exchange-record.ts';

const CONTAINER_COST = 16;
const WIDE_CHAR = /[\u0100-\uffff]/;
const SLOT_COST = 8;

export function estimateBytes(value: unknown): number {
  let total = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const next = stack.pop();
    switch (typeof next) {
      case 'string':
        // V8 stores a string with any character beyond Latin-1 at two bytes per character.
        total += (WIDE_CHAR.test(next) ? 2 * next.length : next.length) + 2;
        break;
      case 'number':
      case 'bigint':
        total += SLOT_COST;
        break;
      case 'boolean':
        total += 4;
        break;
      case 'object':
        if (next === null) {
          total += 4;
        } else if (Array.isArray(next)) {
          total += CONTAINER_COST + next.length;
          for (const item of next) stack.push(item);
        } else {
          total += CONTAINER_COST;
          for (const key in next) {
            total += key.length + 3;
            stack.push((next as Record<string, unknown>)[key]);
          }
        }
        break;
      case 'undefined':
      case 'function':
      case 'symbol':
        break;
    }
  }
  return total;
}

/** Strings longer than this inside an over-limit body keep only their head (base64 images, huge tool results). */
const LONG_STRING = 64 * 1024;
const KEPT_HEAD = 4 * 1024;

export interface Truncated<T> {
  value: T | TruncatedBody;
  bytes: number;
  truncated: boolean;
}

/**
 * A body over `maxBytes` first loses the tails of its very long strings (the structure stays
 * readable); if still over, it becomes a TruncatedBody with the start of its JSON text.
 */
export function truncateBody<T>(
  value: T,
  maxBytes: number,
  knownBytes = estimateBytes(value),
): Truncated<T> {
  if (knownBytes <= maxBytes) return { value, bytes: knownBytes, truncated: false };
  const shortened = shortenLongStrings(value);
  const shortenedBytes = estimateBytes(shortened);
  if (shortenedBytes <= maxBytes)
    return { value: shortened as T, bytes: shortenedBytes, truncated: true };
  const preview = JSON.stringify(shortened).slice(0, Math.max(0, maxBytes - 256));
  const body: TruncatedBody = { __truncated: true, originalBytes: knownBytes, preview };
  return { value: body, bytes: estimateBytes(body), truncated: true };
}

/**
 * Cuts a stream list (chunks or events, with their parallel offsets) in place: keeps the
 * first items that fit and appends one marker item saying how many were left out.
 */
export function truncateItemsInPlace(
  items: unknown[],
  offsets: number[],
  maxBytes: number,
  knownBytes: number,
): Truncated<unknown[]> {
  if (knownBytes <= maxBytes) return { value: items, bytes: knownBytes, truncated: false };
  let used = 0;
  let kept = 0;
  while (kept < items.length) {
    const size = estimateBytes(items[kept]);
    if (used + size > maxBytes) break;
    used += size;
    kept++;
  }
  const marker: TruncatedBody = {
    __truncated: true,
    originalBytes: knownBytes,
    omittedItems: items.length - kept,
  };
  const lastOffset = offsets.at(-1) ?? 0;
  items.length = kept;
  offsets.length = kept;
  items.push(marker);
  offsets.push(lastOffset);
  return { value: items, bytes: used + estimateBytes(marker), truncated: true };
}

function shortenLongStrings(value: unknown): unknown {
  if (typeof value === 'string') {
    return value.length > LONG_STRING
      ? `${value.slice(0, KEPT_HEAD)}${TRUNCATED_STRING_MARKER} (${value.length - KEPT_HEAD} more characters)`
      : value;
  }
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(shortenLongStrings);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = shortenLongStrings(item);
  return out;
}
