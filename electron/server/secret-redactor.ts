/**
 * Masks secrets in text before it leaves the process (log lines, error messages sent to
 * clients). Configured keys are replaced wherever they appear, and so are values that look
 * like credentials whatever their origin: Authorization / x-api-key style header values,
 * Bearer tokens and `sk-…` keys. A masked value keeps its last four characters (`…wxyz`),
 * enough to tell two keys apart and too little to use one.
 */

const SENSITIVE_HEADER_VALUE =
  /("(?:authorization|proxy-authorization|x-api-key|api-key|x-inspector-token|cookie|set-cookie)"\s*:\s*")((?:[^"\\]|\\.)*)"/gi;
const BEARER_TOKEN = /\b(Bearer\s+)([A-Za-z0-9._~+/=-]{6,})/gi;
const SK_KEY = /\bsk-[A-Za-z0-9_-]{12,}/g;

/** `…` plus the last four characters; short values lose everything. */
export function maskSecret(value: string): string {
  if (value.startsWith('…')) return value;
  return value.length >= 12 ? `…${value.slice(-4)}` : '…';
}

function maskHeaderValue(value: string): string {
  const scheme = /^(Bearer|Basic)\s+/i.exec(value)?.[0];
  return scheme ? `${scheme}${maskSecret(value.slice(scheme.length))}` : maskSecret(value);
}

export type Redactor = (text: string) => string;

export function createRedactor(secrets: readonly string[]): Redactor {
  // Longest first so a key that contains another is masked whole.
  const known = [...new Set(secrets.filter((secret) => secret.length >= 4))].sort(
    (a, b) => b.length - a.length,
  );
  return (text) => {
    let out = text;
    for (const secret of known) {
      if (out.includes(secret)) out = out.replaceAll(secret, maskSecret(secret));
    }
    return out
      .replace(
        SENSITIVE_HEADER_VALUE,
        (_m, prefix: string, value: string) => `${prefix}${maskHeaderValue(value)}"`,
      )
      .replace(BEARER_TOKEN, (_m, prefix: string, token: string) => `${prefix}${maskSecret(token)}`)
      .replace(SK_KEY, (key) => maskSecret(key));
  };
}
