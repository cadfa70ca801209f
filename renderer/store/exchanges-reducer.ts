/**
 * Applies a batch of bridge events to the list state, purely: the store calls this once per
 * animation frame with everything that arrived since the last frame. The list keeps ids in
 * arrival order (oldest first) plus summaries by id, bounded like the server (oldest dropped
 * first). An update or completion for an id not yet started waits as an "orphan" until its
 * exchange-started arrives, so a reordered or partly lost delivery can never create a row
 * without its start.
 */
import type { BridgeEventName, BridgeEvents, ProxyStatus } from '../../shared/bridge.ts';
import type { ExchangeSummary, TimedItem } from '../../shared/traffic/exchange-record.ts';

export type QueuedEvent = {
  [K in BridgeEventName]: { name: K; payload: BridgeEvents[K] };
}[BridgeEventName];

/** New state of one exchange plus the stream items that came with it. */
export interface LiveUpdate {
  summary: ExchangeSummary;
  openaiChunks: readonly TimedItem[];
  anthropicEvents: readonly TimedItem[];
}

export interface ExchangesState {
  /** Oldest first. */
  ids: readonly string[];
  byId: Readonly<Record<string, ExchangeSummary>>;
  /** Updates waiting for their exchange-started, by id, in arrival order. */
  orphans: ReadonlyMap<string, readonly LiveUpdate[]>;
}

export interface ExchangeLimits {
  maxExchanges: number;
  /** Orphaned ids kept at most; the oldest are forgotten first. */
  maxOrphans: number;
}

export const defaultLimits: ExchangeLimits = { maxExchanges: 10_000, maxOrphans: 500 };

export const emptyExchanges: ExchangesState = { ids: [], byId: {}, orphans: new Map() };

export interface BatchResult {
  exchanges: ExchangesState;
  status?: ProxyStatus;
  /** Live updates for known exchanges, in order, for loaded records to follow. */
  updates: LiveUpdate[];
  /** Ids that left the list (server eviction or the client bound). */
  removed: string[];
  /** A snapshot replaced the whole list. */
  reset: boolean;
}

const noItems: readonly TimedItem[] = [];

export function reduceEvents(
  state: ExchangesState,
  events: readonly QueuedEvent[],
  limits: ExchangeLimits = defaultLimits,
): BatchResult {
  let ids = [...state.ids];
  const byId: Record<string, ExchangeSummary> = { ...state.byId };
  const orphans = new Map(state.orphans);
  const updates: LiveUpdate[] = [];
  const removed: string[] = [];
  let status: ProxyStatus | undefined;
  let reset = false;

  const applyUpdate = (update: LiveUpdate) => {
    const id = update.summary.id;
    if (byId[id] === undefined) {
      const waiting = orphans.get(id) ?? [];
      orphans.delete(id); // re-insert to keep the map in arrival order for the bound below
      orphans.set(id, [...waiting, update]);
      return;
    }
    byId[id] = update.summary;
    updates.push(update);
  };

  for (const event of events) {
    switch (event.name) {
      case 'snapshot': {
        const fresh = [...event.payload.exchanges].reverse();
        const kept = new Set(fresh.map((s) => s.id));
        removed.push(...ids.filter((id) => !kept.has(id)));
        ids = fresh.map((s) => s.id);
        // A reconnect: loaded records of exchanges still listed may have moved on meanwhile.
        for (const s of fresh)
          if (byId[s.id] !== undefined)
            updates.push({ summary: s, openaiChunks: noItems, anthropicEvents: noItems });
        for (const key of Object.keys(byId)) delete byId[key];
        for (const s of fresh) byId[s.id] = s;
        orphans.clear();
        status = event.payload.status;
        reset = true;
        break;
      }
      case 'exchange-started': {
        const s = event.payload;
        if (byId[s.id] === undefined) ids.push(s.id);
        byId[s.id] = s;
        const waiting = orphans.get(s.id);
        if (waiting) {
          orphans.delete(s.id);
          waiting.forEach(applyUpdate);
        }
        break;
      }
      case 'exchange-updated':
        applyUpdate(event.payload);
        break;
      case 'exchange-completed':
        applyUpdate({ summary: event.payload, openaiChunks: noItems, anthropicEvents: noItems });
        break;
      case 'exchanges-evicted': {
        const gone = new Set(event.payload.ids.filter((id) => byId[id] !== undefined));
        for (const id of event.payload.ids) orphans.delete(id);
        if (gone.size === 0) break;
        ids = ids.filter((id) => !gone.has(id));
        for (const id of gone) delete byId[id];
        removed.push(...gone);
        break;
      }
      case 'status':
        status = event.payload;
        break;
    }
  }

  if (ids.length > limits.maxExchanges) {
    const drop = ids.slice(0, ids.length - limits.maxExchanges);
    ids = ids.slice(ids.length - limits.maxExchanges);
    for (const id of drop) delete byId[id];
    removed.push(...drop);
  }
  while (orphans.size > limits.maxOrphans) orphans.delete(orphans.keys().next().value!);

  return { exchanges: { ids, byId, orphans }, status, updates, removed, reset };
}
