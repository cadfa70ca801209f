/**
 * Defensive readers for the recorded bodies. Records carry bodies as `unknown` (a bad request
 * is recorded as it came), so models narrow at run time with these instead of trusting a
 * cast; a malformed body renders as "not what we expected", never as a crash.
 */

export type JsonObject = Record<string, unknown>;

export function asObject(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonObject)
    : undefined;
}

export function asArray(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** JSON text of a value for size estimates and comparisons; never throws. */
export function jsonText(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return String(value);
  }
}

/** Deep equality of JSON values (objects compared by keys, order-insensitive). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => jsonEqual(v, bb[i]));
  }
  const ao = a as JsonObject;
  const bo = b as JsonObject;
  const keys = Object.keys(ao).filter((k) => ao[k] !== undefined);
  if (keys.length !== Object.keys(bo).filter((k) => bo[k] !== undefined).length) return false;
  return keys.every((k) => jsonEqual(ao[k], bo[k]));
}

/** A copy without `cache_control` anywhere: Claude Code moves its cache breakpoints each turn. */
export function withoutCacheControl(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutCacheControl);
  const obj = asObject(value);
  if (!obj) return value;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(obj))
    if (k !== 'cache_control') out[k] = withoutCacheControl(v);
  return out;
}

/** Is this a recorded stream (a list of timed items) rather than a JSON body? */
export function isTimedList(value: unknown): value is { offsetMs: number; data: unknown }[] {
  return (
    Array.isArray(value) &&
    (value.length === 0 ||
      (asObject(value[0])?.offsetMs !== undefined && 'data' in (value[0] as object)))
  );
}
