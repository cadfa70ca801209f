/**
 * Keeps keys out of everything the recorder hands out (detail API, live events, exports).
 * Runs off the hot path, when a record leaves the recorder, never when it is recorded.
 * Two rules: auth headers (Authorization, x-api-key, ...) show only the last 4 characters of
 * their value, and every configured secret, plus every auth header value seen on that very
 * exchange, is replaced wherever it occurs in any string (an upstream error can echo a key).
 * Secrets shorter than MIN_SECRET_LENGTH are ignored: dummy keys like "ollama" would
 * otherwise blank ordinary words. Bodies are walked copy-on-write: an untouched subtree is
 * returned as the same reference, so the common case (nothing to hide) allocates nothing.
 */
import type { IncomingHttpHeaders } from 'node:http';

export const MIN_SECRET_LENGTH = 8;

const SENSITIVE_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'x-api-key',
  'api-key',
  'x-goog-api-key',
  'cookie',
  'set-cookie',
]);

/** Deeper than this a body is handled as JSON text (a pathological shape, never a real one). */
const MAX_WALK_DEPTH = 256;

export function maskSecret(value: string): string {
  const trimmed = value.trim();
  if (trimmed.startsWith('…')) return trimmed; // masked already (the proxy may hand over masked headers)
  // A short value would be given away almost whole by its last 4 characters.
  return trimmed.length >= 12 ? `…${trimmed.slice(-4)}` : '…';
}

/** "Bearer sk-…" keeps its scheme so the reader still sees how the call authenticated. */
function maskHeaderValue(value: string): string {
  const scheme = /^(Bearer|Basic|Token)\s+/i.exec(value);
  return scheme ? `${scheme[1]} ${maskSecret(value.slice(scheme[0].length))}` : maskSecret(value);
}

export function isSensitiveHeader(name: string): boolean {
  return SENSITIVE_HEADERS.has(name.toLowerCase());
}

/** The raw secret values carried by a header bag (scheme stripped), to hunt in bodies. */
export function headerSecrets(
  headers: IncomingHttpHeaders | Record<string, string> | undefined,
): string[] {
  if (!headers) return [];
  const found: string[] = [];
  for (const [name, raw] of Object.entries(headers)) {
    if (raw === undefined || !isSensitiveHeader(name)) continue;
    for (const value of Array.isArray(raw) ? raw : [raw]) {
      found.push(value.replace(/^(Bearer|Basic|Token)\s+/i, '').trim());
    }
  }
  return found;
}

/** Deduplicated, long enough, longest first (so a secret containing another goes first). */
export function normaliseSecrets(candidates: Iterable<string>): string[] {
  const unique = new Set<string>();
  for (const secret of candidates) if (secret.length >= MIN_SECRET_LENGTH) unique.add(secret);
  return [...unique].sort((a, b) => b.length - a.length);
}

export function redactString(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets)
    if (out.includes(secret)) out = out.replaceAll(secret, maskSecret(secret));
  return out;
}

export function redactHeaders(
  headers: IncomingHttpHeaders | Record<string, string> | undefined,
  secrets: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  for (const [name, raw] of Object.entries(headers)) {
    if (raw === undefined) continue;
    const value = Array.isArray(raw) ? raw.join(', ') : String(raw);
    out[name] = isSensitiveHeader(name) ? maskHeaderValue(value) : redactString(value, secrets);
  }
  return out;
}

/** Redacts every string in a JSON-like value; returns the same reference when nothing changed. */
export function redactDeep<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return value;
  return walk(value, secrets, 0) as T;
}

function walk(value: unknown, secrets: readonly string[], depth: number): unknown {
  if (typeof value === 'string') return redactString(value, secrets);
  if (typeof value !== 'object' || value === null) return value;
  if (depth > MAX_WALK_DEPTH)
    return JSON.parse(redactString(JSON.stringify(value), secrets)) as unknown;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const next = walk(value[i], secrets, depth + 1);
      if (next !== value[i]) (copy ??= value.slice())[i] = next;
    }
    return copy ?? value;
  }
  let copy: Record<string, unknown> | undefined;
  const source = value as Record<string, unknown>;
  for (const key of Object.keys(source)) {
    const next = walk(source[key], secrets, depth + 1);
    if (next !== source[key]) (copy ??= { ...source })[key] = next;
  }
  return copy ?? value;
}
