/**
 * Full records for the detail pane, fetched on demand and cached (least recently used first
 * out, never the selected one). Live updates are applied to a loaded record, or buffered
 * while its fetch is in flight and replayed onto the result; a record fetched before the call
 * reached a later phase (upstream sent, headers, done) is fetched again to pick up the forms
 * that phase adds.
 */
import type { StateCreator } from 'zustand';
import type { InspectorState, RecordsSlice, StoreDeps } from './inspector-state.ts';
import type { LiveUpdate } from './exchanges-reducer.ts';
import {
  applyLiveUpdate,
  needsRefetch,
  phaseOf,
  recordsToEvict,
  replayPending,
  type RecordEntry,
} from './records-reducer.ts';

let useCounter = 0;

export function createRecordsSlice(
  deps: StoreDeps,
): StateCreator<InspectorState, [], [], RecordsSlice> {
  return (set, get) => {
    const patchEntry = (id: string, patch: Partial<RecordEntry>) => {
      const entry = get().records[id];
      if (!entry) return;
      set({ records: { ...get().records, [id]: { ...entry, ...patch } } });
    };

    const fetchRecord = (id: string) => {
      const summary = get().exchanges.byId[id];
      const existing = get().records[id];
      const entry: RecordEntry = {
        record: existing?.record,
        loading: true,
        pending: [],
        fetchedPhase: summary ? phaseOf(summary) : 3,
        lastUsed: ++useCounter,
      };
      set({ records: { ...get().records, [id]: entry } });
      deps.bridge.getExchange(id).then(
        (record) => {
          const current = get().records[id];
          if (!current) return; // evicted meanwhile
          if (!record) {
            patchEntry(id, {
              loading: false,
              pending: [],
              error: 'This exchange is no longer recorded.',
            });
            return;
          }
          const replayed = replayPending(record, current.pending);
          if (replayed === 'gap') {
            fetchRecord(id);
            return;
          }
          patchEntry(id, { record: replayed, loading: false, pending: [], error: undefined });
          const latest = get().exchanges.byId[id];
          if (latest && needsRefetch(get().records[id]!, latest)) fetchRecord(id);
        },
        (error: unknown) => {
          patchEntry(id, {
            loading: false,
            pending: [],
            error: error instanceof Error ? error.message : String(error),
          });
        },
      );
      const keep = new Set([id, ...(get().selectedId ? [get().selectedId!] : [])]);
      const evict = recordsToEvict(get().records, deps.maxRecords, keep);
      if (evict.length > 0) get().dropRecords(evict);
    };

    return {
      records: {},
      loadRecord(id) {
        const entry = get().records[id];
        const summary = get().exchanges.byId[id];
        if (
          entry &&
          (entry.loading || (entry.record && !(summary && needsRefetch(entry, summary))))
        ) {
          if (entry.record) patchEntry(id, { lastUsed: ++useCounter });
          return;
        }
        fetchRecord(id);
      },
      followUpdates(updates: readonly LiveUpdate[]) {
        const records = get().records;
        let next: Record<string, RecordEntry> | undefined;
        const refetch = new Set<string>();
        for (const update of updates) {
          const id = update.summary.id;
          const entry = (next ?? records)[id];
          if (!entry) continue;
          next ??= { ...records };
          if (entry.loading) {
            next[id] = {
              ...entry,
              pending: [...entry.pending, update],
              record: entry.record && applyOrKeep(entry.record, update),
            };
            continue;
          }
          if (!entry.record) continue;
          const applied = applyLiveUpdate(entry.record, update);
          if (applied === 'gap') {
            refetch.add(id);
            continue;
          }
          next[id] = { ...entry, record: applied };
          if (needsRefetch(next[id], update.summary)) refetch.add(id);
        }
        if (next) set({ records: next });
        for (const id of refetch) fetchRecord(id);
      },
      dropRecords(ids) {
        const records = get().records;
        if (!ids.some((id) => records[id] !== undefined)) return;
        const next = { ...records };
        for (const id of ids) delete next[id];
        set({ records: next });
      },
    };
  };
}

/** While a refetch is in flight the old record keeps growing on screen. */
function applyOrKeep(record: NonNullable<RecordEntry['record']>, update: LiveUpdate) {
  const applied = applyLiveUpdate(record, update);
  return applied === 'gap' ? record : applied;
}
