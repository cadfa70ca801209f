/**
 * Cheap size accounting for the recorder's memory budget, and the truncation of a single
 * huge body in the RECORD (the proxied traffic is never touched).
 *
 * estimateBytes walks a JSON-like value once and prices it as V8 (64-bit, no pointer
 * compression, as Node ships) lays it out on the heap, not as its JSON text: request and
 * response bodies are trees of small objects, whose headers and slots cost more than their
 * text. Costs: an object 24 bytes plus 8 per property (an empty one 56: V8 reserves four
 * slots), an array 48 plus 8 per element, a string 16 bytes plus its characters (two bytes
 * each when any is beyond Latin-1), rounded up to 8, a number outside the small-integer range
 * 16 (a boxed double); keys, true/false/null and small integers only take their slot (keys
 * are shared strings), and so do strings of up to 8 characters (JSON.parse interns them).
 *
 * A stream's chunks and events are kept as one string per batch (stream-items.ts), which
 * prices them itself.
 *
 * Measured against V8's heap with tests/unit/recorder/measure-recorder-heap.ts, the
 * recorder's total for an exchange is within a few percent of what it really retains:
 *
 * | shape | heap/exchange | estimate/heap | sizing ms |
 * |---|---:|---:|---:|
 * | tiny (JSON call) | 2.9 KB | 0.95 | 0.011 |
 * | text-200 (16 KB reads) | 73.9 KB | 0.99 | 0.007 |
 * | text-1000 (64 KB reads) | 341.9 KB | 1.02 | 0.016 |
 * | tool-calls (a read per chunk) | 107.2 KB | 0.94 | 0.007 |
 * | claude-code (57 KB request) | 148.9 KB | 1.02 | 0.099 |
 *
 * (A string per item retained 436.9 KB per text-1000 stream; parsed objects 509.5 KB.)
 *
 * Parts shared within one exchange are counted once: the translated request reuses the
 * client's long strings (system prompt, messages, tool descriptions), which a `seen` set
 * passed for both bodies catches (only strings of SHARED_STRING_MIN characters or more are
 * tracked, so the set stays small). It never builds a string but a truncated body's preview; the
 * recorder calls it once per exchange, after the exchange completed, from its batching
 * timer: never on the hot path.
 */
import {
  TRUNCATED_STRING_MARKER,
  type TruncatedBody,
} from '../../../shared/traffic/exchange-record.ts';

/** V8 heap layout on 64-bit Node (see the module comment). */
const HEAP = {
  /** Map, hash, length, parent and offset of a slice of another string. */
  /** Map, properties and elements pointers. */
  objectHeader: 24,
  /** `{}` as JSON.parse or a literal makes it: the header and four reserved slots. */
  emptyObject: 56,
  /** JSArray (header and length) plus its backing store's header. */
  arrayHeader: 48,
  /** An empty array shares V8's empty backing store. */
  emptyArray: 32,
  slot: 8,
  /** Map and hash/length word. */
  stringHeader: 16,
  /** A double (or an integer beyond 31 bits) in a field is boxed. */
  heapNumber: 16,
} as const;

/** Strings at least this long are counted once per `seen` set (shared by reference, typically). */
const SHARED_STRING_MIN = 64;

/** JSON.parse interns string values up to this length (V8), so repeats share one copy. */
const INTERNED_MAX = 8;
const WIDE_CHAR = /[\u0100-\uffff]/;
const SMI_MIN = -(2 ** 31);
const SMI_MAX = 2 ** 31 - 1;

/** Bytes a string of `length` characters takes on the heap (one byte each unless `wide`). */
function stringBytes(length: number, wide: boolean): number {
  return align8(HEAP.stringHeader + (wide ? 2 * length : length));
}

/** Heap bytes of an array with room for `capacity` elements (header and backing store). */
function arrayBytes(capacity: number): number {
  return capacity === 0 ? HEAP.emptyArray : HEAP.arrayHeader + HEAP.slot * capacity;
}

/**
 * Heap bytes of a flat string holding `text` and `extraChars` more characters of the same
 * width (the recorder's stream items price the read a chunk was cut from this way).
 */
export function textBytes(text: string, extraChars = 0): number {
  return stringBytes(text.length + extraChars, WIDE_CHAR.test(text));
}

function align8(bytes: number): number {
  return (bytes + 7) & ~7;
}

export interface EstimateOptions {
  /**
   * Long strings counted already in this exchange (see SHARED_STRING_MIN); the walk adds the
   * ones it counts.
   */
  seen?: Set<string>;
}

export function estimateBytes(value: unknown, options: EstimateOptions = {}): number {
  const { seen } = options;
  let total = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const next = stack.pop();
    switch (typeof next) {
      case 'string':
        total += ownStringBytes(next, seen);
        break;
      case 'number':
        if (!Number.isInteger(next) || next < SMI_MIN || next > SMI_MAX) total += HEAP.heapNumber;
        break;
      case 'bigint':
        total += HEAP.heapNumber;
        break;
      case 'object':
        if (next === null) break;
        if (Array.isArray(next)) {
          total += arrayBytes(next.length);
          for (const item of next) stack.push(item);
        } else {
          let properties = 0;
          for (const key in next) {
            properties++;
            stack.push((next as Record<string, unknown>)[key]);
          }
          total += properties === 0 ? HEAP.emptyObject : HEAP.objectHeader + HEAP.slot * properties;
        }
        break;
      case 'boolean':
      case 'undefined':
      case 'function':
      case 'symbol':
        break;
    }
  }
  return total;
}

function ownStringBytes(text: string, seen: Set<string> | undefined): number {
  if (text.length <= INTERNED_MAX) return 0;
  if (text.length >= SHARED_STRING_MIN && seen) {
    if (seen.has(text)) return 0;
    seen.add(text);
  }
  return stringBytes(text.length, WIDE_CHAR.test(text));
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
 * `seen` (see estimateBytes) lets a body that shares long strings with one sized before it
 * count them once; the shortened or replaced body shares nothing and is counted in full.
 */
export function truncateBody<T>(value: T, maxBytes: number, seen?: Set<string>): Truncated<T> {
  const knownBytes = estimateBytes(value, { seen });
  if (knownBytes <= maxBytes) return { value, bytes: knownBytes, truncated: false };
  const shortened = shortenLongStrings(value);
  const shortenedBytes = estimateBytes(shortened);
  if (shortenedBytes <= maxBytes)
    return { value: shortened as T, bytes: shortenedBytes, truncated: true };
  const preview = JSON.stringify(shortened).slice(0, Math.max(0, maxBytes - 256));
  const body: TruncatedBody = { __truncated: true, originalBytes: knownBytes, preview };
  return { value: body, bytes: estimateBytes(body), truncated: true };
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
