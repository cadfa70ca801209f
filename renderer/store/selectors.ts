/**
 * Derived data the views share, memoised on the identity of their inputs (the store replaces
 * what changed and keeps the rest), so thousands of rows are filtered once per change, not
 * once per component.
 */
import type { ExchangeRecord, ExchangeSummary } from '../../shared/traffic/exchange-record.ts';
import { matchesFilters, modelOptions, type ExchangeFilters } from '../model/exchange-filter.ts';
import { groupSessions, type SessionView } from '../model/sessions-view.ts';
import type { ExchangesState } from './exchanges-reducer.ts';
import type { BodySearchState, InspectorState } from './inspector-state.ts';
import type { RecordEntry } from './records-reducer.ts';

function memo<A extends readonly unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let lastArgs: A | undefined;
  let lastResult: R;
  return (...args: A) => {
    if (lastArgs && args.length === lastArgs.length && args.every((a, i) => a === lastArgs![i]))
      return lastResult;
    lastArgs = args;
    lastResult = fn(...args);
    return lastResult;
  };
}

const bodyTexts = new WeakMap<ExchangeRecord, string>();

/** Lower-cased JSON of a record's four forms, computed once per record object. */
export function bodyTextOf(record: ExchangeRecord): string {
  let text = bodyTexts.get(record);
  if (text === undefined) {
    text = JSON.stringify([
      record.anthropicRequest,
      record.openaiRequest,
      record.openaiResponse,
      record.anthropicResponse,
    ]).toLowerCase();
    bodyTexts.set(record, text);
  }
  return text;
}

const visible = memo(
  (
    exchanges: ExchangesState,
    filters: ExchangeFilters,
    records: Readonly<Record<string, RecordEntry>>,
    bodySearch: BodySearchState,
  ): string[] => {
    // The proxy's answer counts only for the text now in the filter.
    const found = bodySearch.query === filters.text.trim() ? bodySearch.ids : undefined;
    const out: string[] = [];
    for (const id of exchanges.ids) {
      const record = records[id]?.record;
      if (
        matchesFilters(
          exchanges.byId[id]!,
          filters,
          record && filters.text ? bodyTextOf(record) : undefined,
          found?.has(id) ?? false,
        )
      )
        out.push(id);
    }
    return out;
  },
);

/** Ids of the rows the list shows, oldest first. */
export const selectVisibleIds = (s: InspectorState): string[] =>
  visible(s.exchanges, s.filters, s.records, s.bodySearch);

const searchKey = memo((exchanges: ExchangesState): string => {
  let settled = 0;
  for (const id of exchanges.ids) {
    const state = exchanges.byId[id]!.state;
    if (state !== 'pending' && state !== 'streaming') settled++;
  }
  return `${exchanges.ids.length}:${settled}`;
});

/**
 * Changes when an exchange starts (its request body is new) or ends (its answer is
 * complete), not on every streamed chunk: when a body search is worth refreshing.
 */
export const selectBodySearchKey = (s: InspectorState): string => searchKey(s.exchanges);

const summariesOf = memo((exchanges: ExchangesState): ExchangeSummary[] =>
  exchanges.ids.map((id) => exchanges.byId[id]!),
);

export const selectAllSummaries = (s: InspectorState): ExchangeSummary[] =>
  summariesOf(s.exchanges);

const visibleSummaries = memo((ids: string[], exchanges: ExchangesState) =>
  ids.map((id) => exchanges.byId[id]!),
);

export const selectVisibleSummaries = (s: InspectorState): ExchangeSummary[] =>
  visibleSummaries(selectVisibleIds(s), s.exchanges);

const models = memo((summaries: ExchangeSummary[]) => modelOptions(summaries));

export const selectModelOptions = (s: InspectorState): string[] => models(selectAllSummaries(s));

const sessions = memo((summaries: ExchangeSummary[]): SessionView[] => groupSessions(summaries));

export const selectSessions = (s: InspectorState): SessionView[] => sessions(selectAllSummaries(s));
