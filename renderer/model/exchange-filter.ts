/**
 * The list's filter predicate. Summaries are searched client-side; bodies are searched by
 * the proxy (BridgeApi.searchExchanges), whose answer the caller passes in per exchange,
 * together with the text of a record loaded here (which also covers an exchange still
 * streaming, newer than the proxy's last answer). So the predicate stays pure and cheap
 * for the thousands of rows that have no body at hand.
 */
import type { ExchangeSummary } from '../../shared/traffic/exchange-record.ts';
import { isErrorExchange } from './exchange-view.ts';

export type StatusFilter = 'all' | 'success' | 'client-error' | 'server-error' | 'live';
export type StreamFilter = 'all' | 'stream' | 'non-stream';

export interface ExchangeFilters {
  /** Matches the requested or the upstream model exactly; '' for any. */
  model: string;
  status: StatusFilter;
  errorsOnly: boolean;
  stream: StreamFilter;
  /** Case-insensitive substring over the summary and the bodies. */
  text: string;
}

export const emptyFilters: ExchangeFilters = {
  model: '',
  status: 'all',
  errorsOnly: false,
  stream: 'all',
  text: '',
};

export function isFilterActive(filters: ExchangeFilters): boolean {
  return (
    filters.model !== '' ||
    filters.status !== 'all' ||
    filters.errorsOnly ||
    filters.stream !== 'all' ||
    filters.text.trim() !== ''
  );
}

function matchesStatus(s: ExchangeSummary, status: StatusFilter): boolean {
  switch (status) {
    case 'all':
      return true;
    case 'live':
      return s.state === 'pending' || s.state === 'streaming';
    case 'success':
      return s.status !== undefined && s.status < 400 && s.error === undefined;
    case 'client-error':
      return s.status !== undefined && s.status >= 400 && s.status < 500;
    case 'server-error':
      return (
        (s.status !== undefined && s.status >= 500) ||
        (s.error !== undefined && (s.status ?? 0) < 400)
      );
  }
}

const searchTexts = new WeakMap<ExchangeSummary, string>();

/** The summary fields a text search looks at, lower-cased, joined (cached per summary). */
export function summarySearchText(s: ExchangeSummary): string {
  const hit = searchTexts.get(s);
  if (hit !== undefined) return hit;
  const text = [
    s.id,
    s.requestedModel,
    s.upstreamModel,
    s.provider,
    s.rule,
    s.client,
    s.sessionId,
    s.stopReason,
    s.status,
    s.error?.type,
    s.error?.message,
    s.path,
    ...s.notes.map((n) => `${n.field} ${n.detail}`),
  ]
    .filter((v) => v !== undefined && v !== null)
    .join('\n')
    .toLowerCase();
  searchTexts.set(s, text);
  return text;
}

/**
 * @param bodyText lower-cased text of the exchange's bodies when loaded, else undefined.
 * @param bodyMatched the proxy found the filter's text in this exchange's bodies.
 */
export function matchesFilters(
  s: ExchangeSummary,
  filters: ExchangeFilters,
  bodyText?: string,
  bodyMatched = false,
): boolean {
  if (
    filters.model !== '' &&
    s.requestedModel !== filters.model &&
    s.upstreamModel !== filters.model
  )
    return false;
  if (!matchesStatus(s, filters.status)) return false;
  if (filters.errorsOnly && !isErrorExchange(s)) return false;
  if (filters.stream === 'stream' && !s.stream) return false;
  if (filters.stream === 'non-stream' && s.stream) return false;
  const needle = filters.text.trim().toLowerCase();
  if (needle !== '') {
    if (bodyMatched || summarySearchText(s).includes(needle)) return true;
    return bodyText !== undefined && bodyText.includes(needle);
  }
  return true;
}

/** The distinct model ids seen (requested and upstream), sorted, for the model filter. */
export function modelOptions(summaries: Iterable<ExchangeSummary>): string[] {
  const set = new Set<string>();
  for (const s of summaries) {
    if (s.requestedModel) set.add(s.requestedModel);
    if (s.upstreamModel) set.add(s.upstreamModel);
  }
  return [...set].sort();
}
