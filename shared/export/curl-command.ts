/**
 * Copy-as-cURL for both legs of a recorded exchange, so a user can replay a call from a
 * shell. Keys never appear: the auth header always carries a shell variable
 * ($ANTHROPIC_API_KEY / $OPENAI_API_KEY, double-quoted so the shell expands it), whatever
 * the record holds. Everything else is single-quoted for POSIX shells. Input is a record as
 * the recorder hands it out (already redacted).
 */
import { isTruncatedBody, type ExchangeRecord } from '../traffic/exchange-record.ts';

export const ANTHROPIC_KEY_PLACEHOLDER = '$ANTHROPIC_API_KEY';
export const OPENAI_KEY_PLACEHOLDER = '$OPENAI_API_KEY';

/** Anthropic request headers worth replaying; the rest are client noise or derived. */
const ANTHROPIC_HEADERS = ['content-type', 'anthropic-version', 'anthropic-beta'];

/** Headers curl sets itself, or that only describe this one connection or SDK. */
const DERIVED_HEADERS = new Set([
  'host',
  'content-length',
  'connection',
  'accept-encoding',
  'user-agent',
]);
const AUTH_HEADERS = new Set(['authorization', 'x-api-key', 'api-key', 'proxy-authorization']);

export function anthropicCurlCommand(
  record: Pick<ExchangeRecord, 'method' | 'path' | 'requestHeaders' | 'anthropicRequest'>,
  options: { baseUrl?: string } = {},
): string {
  const headers = lowerCaseKeys(record.requestHeaders);
  const base = options.baseUrl ?? `http://${headers.host ?? '127.0.0.1'}`;
  const lines = [`curl ${singleQuote(base.replace(/\/$/, '') + record.path)}`];
  if (record.method !== 'POST') lines.push(`-X ${record.method}`);
  for (const name of ANTHROPIC_HEADERS) {
    const value = headers[name];
    if (value !== undefined) lines.push(`-H ${singleQuote(`${name}: ${value}`)}`);
  }
  if (headers['content-type'] === undefined) lines.push(`-H 'content-type: application/json'`);
  lines.push(
    headers.authorization !== undefined && headers['x-api-key'] === undefined
      ? `-H "authorization: Bearer ${ANTHROPIC_KEY_PLACEHOLDER}"`
      : `-H "x-api-key: ${ANTHROPIC_KEY_PLACEHOLDER}"`,
  );
  return finish(lines, record.anthropicRequest);
}

export function openaiCurlCommand(
  record: Pick<ExchangeRecord, 'upstreamUrl' | 'upstreamRequestHeaders' | 'openaiRequest'>,
): string {
  const url = record.upstreamUrl ?? '$OPENAI_BASE_URL/chat/completions';
  const lines = [record.upstreamUrl ? `curl ${singleQuote(url)}` : `curl "${url}"`];
  const headers = lowerCaseKeys(record.upstreamRequestHeaders ?? {});
  for (const [name, value] of Object.entries(headers)) {
    if (DERIVED_HEADERS.has(name) || AUTH_HEADERS.has(name) || name.startsWith('x-stainless-'))
      continue;
    lines.push(`-H ${singleQuote(`${name}: ${value}`)}`);
  }
  if (headers['content-type'] === undefined) lines.push(`-H 'content-type: application/json'`);
  lines.push(
    headers['api-key'] !== undefined
      ? `-H "api-key: ${OPENAI_KEY_PLACEHOLDER}"`
      : `-H "authorization: Bearer ${OPENAI_KEY_PLACEHOLDER}"`,
  );
  return finish(lines, record.openaiRequest);
}

function finish(lines: string[], body: unknown): string {
  const streaming = (body as { stream?: unknown } | null | undefined)?.stream === true;
  if (streaming) lines.push('-N');
  if (body !== undefined) lines.push(`--data-raw ${singleQuote(JSON.stringify(body))}`);
  const command = lines.join(' \\\n  ');
  return isTruncatedBody(body)
    ? `# The recorder truncated this body (memory limit); the command sends the truncated form.\n${command}`
    : command;
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = value;
  return out;
}

/** POSIX single quoting: the only character needing care inside '…' is ' itself. */
function singleQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
