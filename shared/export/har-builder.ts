/**
 * Turns recorded exchanges into a HAR 1.2 document that browser devtools, HTTP Toolkit and
 * HAR viewers open. Each exchange gives two entries: the Anthropic leg (client → proxy) and,
 * when the call got that far, the OpenAI leg (proxy → upstream), tied together by
 * `_exchangeId`. Streams are written back as their SSE text. Pure: the caller passes records
 * that are already redacted, and the clock.
 */
import type { ExchangeRecord, TimedItem } from '../traffic/exchange-record.ts';
import type { HarDocument, HarEntry, HarNameValue, HarResponse, HarTimings } from './har-types.ts';
import { anthropicSseText, openaiSseText } from './sse-text.ts';

export interface HarOptions {
  creatorVersion: string;
  creatorName?: string;
}

export function buildHar(records: readonly ExchangeRecord[], options: HarOptions): HarDocument {
  const entries: HarEntry[] = [];
  for (const record of records) {
    entries.push(anthropicEntry(record));
    if (record.openaiRequest !== undefined) entries.push(openaiEntry(record));
  }
  entries.sort((a, b) => a.startedDateTime.localeCompare(b.startedDateTime));
  return {
    log: {
      version: '1.2',
      creator: { name: options.creatorName ?? 'anthropic-proxy', version: options.creatorVersion },
      entries,
    },
  };
}

function anthropicEntry(record: ExchangeRecord): HarEntry {
  const { timings } = record;
  const end = endOffset(record);
  // The client sees its first byte with the first token of a stream, else with the answer.
  const wait = Math.min(timings.firstToken ?? end, end);
  const host = headerValue(record.requestHeaders, 'host') ?? '127.0.0.1';
  const requestText = bodyText(record.anthropicRequest);
  const responseText = isTimedList(record.anthropicResponse)
    ? anthropicSseText(record.anthropicResponse)
    : bodyText(record.anthropicResponse);
  return {
    startedDateTime: new Date(timings.receivedAt).toISOString(),
    time: round(end),
    request: {
      method: record.method,
      url: `http://${host}${record.path}`,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: nameValues(record.requestHeaders),
      queryString: queryOf(record.path),
      ...(requestText === undefined
        ? {}
        : {
            postData: {
              mimeType: headerValue(record.requestHeaders, 'content-type') ?? 'application/json',
              text: requestText,
            },
          }),
      headersSize: -1,
      bodySize: requestText === undefined ? 0 : utf8Length(requestText),
    },
    response: response(
      record.status,
      record.responseHeaders,
      responseText,
      isTimedList(record.anthropicResponse) || record.stream
        ? 'text/event-stream'
        : 'application/json',
      record.error?.message ??
        (record.state === 'aborted'
          ? 'client went away before the answer was complete'
          : undefined),
    ),
    cache: {},
    timings: harTimings(wait, end - wait),
    _exchangeId: record.id,
    _leg: 'anthropic',
  };
}

function openaiEntry(record: ExchangeRecord): HarEntry {
  const { timings } = record;
  const sent = timings.upstreamSent ?? 0;
  const end = Math.max(endOffset(record), sent);
  const headersAt = Math.min(Math.max(timings.upstreamHeaders ?? end, sent), end);
  const requestText = bodyText(record.openaiRequest) ?? '';
  const streamed = isTimedList(record.openaiResponse);
  const responseText = streamed
    ? openaiSseText(record.openaiResponse as TimedItem[], record.state === 'complete')
    : bodyText(record.openaiResponse);
  const url =
    record.upstreamUrl ??
    `http://upstream.invalid/${encodeURIComponent(record.provider ?? 'upstream')}/chat/completions`;
  return {
    startedDateTime: new Date(timings.receivedAt + sent).toISOString(),
    time: round(end - sent),
    request: {
      method: 'POST',
      url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: nameValues(record.upstreamRequestHeaders ?? {}),
      queryString: queryOf(url),
      postData: { mimeType: 'application/json', text: requestText },
      headersSize: -1,
      bodySize: utf8Length(requestText),
    },
    response: response(
      record.upstreamStatus,
      record.upstreamResponseHeaders,
      responseText,
      streamed ? 'text/event-stream' : 'application/json',
      record.upstreamStatus === undefined ? record.error?.message : undefined,
    ),
    cache: {},
    timings: harTimings(headersAt - sent, end - headersAt),
    _exchangeId: record.id,
    _leg: 'openai',
  };
}

function response(
  status: number | undefined,
  headers: Record<string, string> | undefined,
  text: string | undefined,
  fallbackMime: string,
  error: string | undefined,
): HarResponse {
  const body = text ?? '';
  const size = utf8Length(body);
  return {
    // HAR tools read status 0 as "no response" (failed or aborted before any answer).
    status: status ?? 0,
    statusText: statusText(status),
    httpVersion: 'HTTP/1.1',
    cookies: [],
    headers: nameValues(headers ?? {}),
    content: {
      size,
      mimeType: headerValue(headers ?? {}, 'content-type') ?? fallbackMime,
      text: body,
    },
    redirectURL: '',
    headersSize: -1,
    bodySize: size,
    ...(error === undefined ? {} : { _error: error }),
  };
}

function harTimings(wait: number, receive: number): HarTimings {
  return {
    blocked: -1,
    dns: -1,
    connect: -1,
    ssl: -1,
    send: 0,
    wait: round(Math.max(0, wait)),
    receive: round(Math.max(0, receive)),
  };
}

/** When the exchange ended, or the latest moment it was seen alive if still running. */
function endOffset(record: ExchangeRecord): number {
  const { timings } = record;
  if (timings.done !== undefined) return timings.done;
  const lastItem = (value: unknown) => (isTimedList(value) ? (value.at(-1)?.offsetMs ?? 0) : 0);
  return Math.max(
    timings.upstreamSent ?? 0,
    timings.upstreamHeaders ?? 0,
    timings.firstToken ?? 0,
    lastItem(record.openaiResponse),
    lastItem(record.anthropicResponse),
  );
}

function isTimedList(value: unknown): value is TimedItem[] {
  return (
    Array.isArray(value) &&
    (value.length === 0 ||
      (typeof value[0] === 'object' && value[0] !== null && 'offsetMs' in value[0]))
  );
}

function bodyText(body: unknown): string | undefined {
  if (body === undefined) return undefined;
  return typeof body === 'string' ? body : JSON.stringify(body);
}

function nameValues(headers: Record<string, string>): HarNameValue[] {
  return Object.entries(headers).map(([name, value]) => ({ name, value }));
}

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}

function queryOf(pathOrUrl: string): HarNameValue[] {
  const at = pathOrUrl.indexOf('?');
  if (at < 0) return [];
  return pathOrUrl
    .slice(at + 1)
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const [name, value] = eq < 0 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
      return { name: safeDecode(name), value: safeDecode(value) };
    });
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return text;
  }
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  529: 'Overloaded',
};

function statusText(status: number | undefined): string {
  return status === undefined ? '' : (STATUS_TEXT[status] ?? '');
}

/** UTF-8 byte length without TextEncoder (shared/ has no DOM or Node globals). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4; // a surrogate pair is one 4-byte code point
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
