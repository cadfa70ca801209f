/**
 * The recorder's internal state for one exchange, and the two views built from it off the
 * hot path: the summary (list rows) and the full record (detail, exports). The entry keeps
 * what the proxy handed over by reference, plus the stream items (the JSON text of each chunk
 * and event, as the tap hands them over) off the JS heap with their arrival offsets
 * (stream-items.ts). Views are built fresh on demand: stream items are decoded and parsed
 * there (JSON.parse, into the objects the proxy had), and everything is redacted on the way
 * out; views may share unchanged subtrees with the entry, so callers must treat them as
 * read-only.
 */
import type { ExchangeEnd, ExchangeRoute, ExchangeStart } from '../exchange-tap.ts';
import type {
  ExchangeRecord,
  ExchangeState,
  ExchangeSummary,
  ExchangeTimings,
  TimedItem,
  TokenCounts,
} from '../../../shared/traffic/exchange-record.ts';
import type { TranslationNote } from '../../../shared/translate/translation-note.ts';
import { claudeCodeSessionId } from '../../../shared/traffic/session-id.ts';
import { estimateCostUsd } from '../../../shared/traffic/model-prices.ts';
import { StreamItems } from './stream-items.ts';
import {
  headerSecrets,
  normaliseSecrets,
  redactDeep,
  redactHeaders,
  redactString,
} from './redaction.ts';

export interface ExchangeEntry {
  id: string;
  start: ExchangeStart;
  /** The recorder clock when started() ran; every offset is measured from it. */
  t0: number;
  route?: ExchangeRoute;
  upstream?: {
    body: unknown;
    headers: Record<string, string>;
    notes: readonly TranslationNote[];
    url?: string;
  };
  upstreamStatus?: number;
  upstreamResponseHeaders?: Record<string, string>;
  /** The JSON text of each chunk (and, last, of a truncation marker when cut). */
  chunks: StreamItems;
  /** The JSON text of each event (and, last, of a truncation marker when cut). */
  events: StreamItems;
  /** Items refused because the stream passed the per-exchange item cap. */
  droppedItems: number;
  hasOpenaiBody: boolean;
  openaiBody?: unknown;
  hasAnthropicBody: boolean;
  anthropicBody?: unknown;
  responseHeaders?: Record<string, string>;
  end?: ExchangeEnd;
  marks: { upstreamSent?: number; upstreamHeaders?: number; firstToken?: number; done?: number };
  // Bookkeeping of the batching timer.
  dirty: boolean;
  announced: boolean;
  completionAnnounced: boolean;
  flushedChunks: number;
  flushedEvents: number;
  /** Estimated bytes, known once the exchange completed and was sized. */
  bytes: number;
  sized: boolean;
  truncated: boolean;
}

export function newEntry(start: ExchangeStart, t0: number): ExchangeEntry {
  return {
    id: start.id,
    start,
    t0,
    chunks: new StreamItems('sliced'),
    events: new StreamItems('own'),
    droppedItems: 0,
    hasOpenaiBody: false,
    hasAnthropicBody: false,
    marks: {},
    dirty: false,
    announced: false,
    completionAnnounced: false,
    flushedChunks: 0,
    flushedEvents: 0,
    bytes: 0,
    sized: false,
    truncated: false,
  };
}

/** Global secrets plus the auth header values of this very exchange. */
export function entrySecrets(entry: ExchangeEntry, configured: readonly string[]): string[] {
  return normaliseSecrets([
    ...configured,
    ...headerSecrets(entry.start.clientHeaders),
    ...headerSecrets(entry.upstream?.headers),
    ...headerSecrets(entry.responseHeaders),
    ...headerSecrets(entry.upstreamResponseHeaders),
  ]);
}

export function stateOf(entry: ExchangeEntry): ExchangeState {
  const { end } = entry;
  if (end) {
    if (end.aborted) return 'aborted';
    return end.error || end.status >= 400 ? 'error' : 'complete';
  }
  return entry.chunks.length > 0 || entry.events.length > 0 ? 'streaming' : 'pending';
}

export function summarize(entry: ExchangeEntry, secrets: readonly string[]): ExchangeSummary {
  const { start, route, end } = entry;
  const body = start.anthropicRequest as { model?: unknown; stream?: unknown } | null | undefined;
  const tokens: TokenCounts = { estimatedInput: route?.estimatedInputTokens ?? 0 };
  if (end?.usage) {
    tokens.input = end.usage.input_tokens;
    tokens.output = end.usage.output_tokens;
    if (typeof end.usage.cache_read_input_tokens === 'number')
      tokens.cacheRead = end.usage.cache_read_input_tokens;
    if (typeof end.usage.cache_creation_input_tokens === 'number')
      tokens.cacheCreation = end.usage.cache_creation_input_tokens;
  }
  const summary: ExchangeSummary = {
    id: entry.id,
    state: stateOf(entry),
    method: start.method,
    path: start.path,
    stream: route?.stream ?? body?.stream === true,
    timings: timingsOf(entry),
    tokens,
    notes: entry.upstream ? [...entry.upstream.notes] : [],
    openaiChunkCount: entry.chunks.length,
    anthropicEventCount: entry.events.length,
  };
  const userAgent = start.clientHeaders['user-agent'];
  if (userAgent) summary.client = userAgent;
  const sessionId = claudeCodeSessionId(start.clientHeaders, start.anthropicRequest);
  if (sessionId) summary.sessionId = sessionId;
  const requestedModel =
    route?.requestedModel ?? (typeof body?.model === 'string' ? body.model : undefined);
  if (requestedModel !== undefined) summary.requestedModel = requestedModel;
  if (route) {
    summary.provider = route.provider;
    summary.upstreamModel = route.upstreamModel;
    summary.rule = route.rule;
  }
  if (end) {
    summary.status = end.status;
    if (end.error)
      summary.error = { type: end.error.type, message: redactString(end.error.message, secrets) };
    if (end.stopReason !== undefined) summary.stopReason = end.stopReason;
    const cost = estimateCostUsd(route?.upstreamModel, tokens);
    if (cost !== undefined) summary.costUsd = cost;
  }
  if (entry.truncated || entry.droppedItems > 0) summary.truncated = true;
  return summary;
}

export function fullRecord(entry: ExchangeEntry, secrets: readonly string[]): ExchangeRecord {
  const record: ExchangeRecord = {
    ...summarize(entry, secrets),
    requestHeaders: redactHeaders(entry.start.clientHeaders, secrets),
    anthropicRequest: redactDeep(entry.start.anthropicRequest, secrets),
  };
  if (entry.upstream) {
    record.openaiRequest = redactDeep(entry.upstream.body, secrets);
    record.upstreamRequestHeaders = redactHeaders(entry.upstream.headers, secrets);
    if (entry.upstream.url !== undefined)
      record.upstreamUrl = redactString(entry.upstream.url, secrets);
  }
  if (entry.upstreamStatus !== undefined) record.upstreamStatus = entry.upstreamStatus;
  if (entry.upstreamResponseHeaders)
    record.upstreamResponseHeaders = redactHeaders(entry.upstreamResponseHeaders, secrets);
  if (entry.responseHeaders) record.responseHeaders = redactHeaders(entry.responseHeaders, secrets);
  const streamed = record.stream;
  if (entry.chunks.length > 0 || (streamed && !entry.hasOpenaiBody && entry.upstream)) {
    record.openaiResponse = timedItems(entry.chunks, 0, secrets);
  } else if (entry.hasOpenaiBody) {
    record.openaiResponse = redactDeep(entry.openaiBody, secrets);
  }
  if (entry.events.length > 0 || (streamed && entry.anthropicBody === undefined)) {
    record.anthropicResponse = timedItems(entry.events, 0, secrets);
  } else if (entry.hasAnthropicBody && entry.anthropicBody !== undefined) {
    record.anthropicResponse = redactDeep(entry.anthropicBody, secrets);
  }
  return record;
}

/** Items [from, end) of a stream list, parsed and redacted, with their offsets. */
export function timedItems(
  items: StreamItems,
  from: number,
  secrets: readonly string[],
): TimedItem[] {
  return items.read(from).map(({ offsetMs, text }) => ({
    offsetMs: roundMs(offsetMs),
    data: redactDeep(parseItem(text), secrets),
  }));
}

/** A recorded item as the object it is the text of (the proxy parsed or stringified it). */
export function parseItem(text: string): unknown {
  return JSON.parse(text) as unknown;
}

function timingsOf(entry: ExchangeEntry): ExchangeTimings {
  const timings: ExchangeTimings = { receivedAt: entry.start.receivedAt };
  const { marks } = entry;
  if (marks.upstreamSent !== undefined) timings.upstreamSent = roundMs(marks.upstreamSent);
  if (marks.upstreamHeaders !== undefined) timings.upstreamHeaders = roundMs(marks.upstreamHeaders);
  if (marks.firstToken !== undefined) timings.firstToken = roundMs(marks.firstToken);
  if (marks.done !== undefined) timings.done = roundMs(marks.done);
  return timings;
}

function roundMs(ms: number): number {
  return Math.round(ms * 10) / 10;
}
