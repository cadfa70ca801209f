/**
 * Full records (the four forms, headers) are loaded on demand for the detail pane and kept in
 * a small cache; live updates append their new chunks and events so a streaming answer grows
 * in place. Items are placed by count — an update's items end at the summary's new
 * chunk/event count — so an update that overlaps a freshly fetched record is deduplicated,
 * and a gap (an update lost while the record loaded) is detected and answered by a refetch.
 */
import type {
  ExchangeRecord,
  ExchangeSummary,
  TimedItem,
} from '../../shared/traffic/exchange-record.ts';
import type { LiveUpdate } from './exchanges-reducer.ts';

/** How far a call has got; a record fetched at an earlier phase lacks later forms. */
export type ExchangePhase = 0 | 1 | 2 | 3;

export function phaseOf(summary: ExchangeSummary): ExchangePhase {
  if (summary.state === 'complete' || summary.state === 'error' || summary.state === 'aborted')
    return 3;
  if (summary.timings.upstreamHeaders !== undefined) return 2;
  if (summary.timings.upstreamSent !== undefined) return 1;
  return 0;
}

export interface RecordEntry {
  record?: ExchangeRecord;
  /** A fetch is in flight. */
  loading: boolean;
  /** Updates received while the fetch was in flight, replayed onto its result. */
  pending: readonly LiveUpdate[];
  /** Phase of the summary when the current/last fetch started. */
  fetchedPhase: ExchangePhase;
  error?: string;
  /** Monotonic use counter for the cache's least-recently-used eviction. */
  lastUsed: number;
}

function appendItems(
  existing: unknown,
  items: readonly TimedItem[],
  countAfter: number,
  lenient: boolean,
): unknown | 'gap' {
  if (items.length === 0) return existing;
  if (existing !== undefined && !Array.isArray(existing)) return existing; // a JSON body, not a stream
  const list = (existing ?? []) as TimedItem[];
  const start = countAfter - items.length;
  if (lenient) return list.concat(items);
  if (start > list.length) return 'gap';
  const fresh = items.slice(list.length - start);
  return fresh.length > 0 ? list.concat(fresh) : list;
}

/** The record with the update applied, or 'gap' when items are missing between the two. */
export function applyLiveUpdate(
  record: ExchangeRecord,
  update: LiveUpdate,
): ExchangeRecord | 'gap' {
  // A truncated record stops keeping items while counts still grow: append without checks.
  const lenient = record.truncated === true || update.summary.truncated === true;
  const openaiResponse = appendItems(
    record.openaiResponse,
    update.openaiChunks,
    update.summary.openaiChunkCount,
    lenient,
  );
  const anthropicResponse = appendItems(
    record.anthropicResponse,
    update.anthropicEvents,
    update.summary.anthropicEventCount,
    lenient,
  );
  if (openaiResponse === 'gap' || anthropicResponse === 'gap') return 'gap';
  return { ...record, ...update.summary, openaiResponse, anthropicResponse };
}

/** Should the record be fetched again because the call moved to a phase it lacks? */
export function needsRefetch(entry: RecordEntry, summary: ExchangeSummary): boolean {
  return !entry.loading && entry.record !== undefined && phaseOf(summary) > entry.fetchedPhase;
}

/** Replays buffered updates onto a fetched record; 'gap' means fetch again. */
export function replayPending(
  record: ExchangeRecord,
  pending: readonly LiveUpdate[],
): ExchangeRecord | 'gap' {
  let current = record;
  for (const update of pending) {
    const next = applyLiveUpdate(current, update);
    if (next === 'gap') return 'gap';
    current = next;
  }
  return current;
}

/** Ids to drop so at most `max` records stay cached; `keep` ids are never dropped. */
export function recordsToEvict(
  entries: Readonly<Record<string, RecordEntry>>,
  max: number,
  keep: ReadonlySet<string>,
): string[] {
  const ids = Object.keys(entries);
  if (ids.length <= max) return [];
  return ids
    .filter((id) => !keep.has(id) && !entries[id]!.loading)
    .sort((a, b) => entries[a]!.lastUsed - entries[b]!.lastUsed)
    .slice(0, ids.length - max);
}
