/**
 * The list of exchanges and the one entry point for bridge events. A flushed batch is held
 * while the user has paused; otherwise it is reduced into the list, live stream items are
 * passed to loaded records, and anything that left the list is dropped from the cache and
 * the selection.
 */
import type { StateCreator } from 'zustand';
import { emptyExchanges, reduceEvents, type QueuedEvent } from './exchanges-reducer.ts';
import type { ExchangesSlice, InspectorState, StoreDeps } from './inspector-state.ts';

export function createExchangesSlice(
  deps: StoreDeps,
): StateCreator<InspectorState, [], [], ExchangesSlice> {
  return (set, get) => ({
    exchanges: emptyExchanges,
    ingest(batch) {
      const state = get();
      let events: readonly QueuedEvent[] = batch;
      if (state.paused) {
        // Status still shows live; everything else waits for resume.
        const status = batch.filter((e) => e.name === 'status');
        const rest = batch.filter((e) => e.name !== 'status');
        if (rest.length > 0) {
          const room = deps.heldLimit - state.held.length;
          if (rest.length > room || state.heldOverflow) set({ held: [], heldOverflow: true });
          else set({ held: [...state.held, ...rest] });
        }
        events = status;
        if (events.length === 0) return;
      }
      const result = reduceEvents(state.exchanges, events, {
        maxExchanges: deps.maxExchanges,
        maxOrphans: 500,
      });
      const selectedGone =
        state.selectedId !== undefined && result.exchanges.byId[state.selectedId] === undefined;
      set({
        exchanges: result.exchanges,
        ...(result.status ? { status: result.status } : {}),
        ...(selectedGone ? { selectedId: undefined } : {}),
      });
      if (result.removed.length > 0) get().dropRecords(result.removed);
      if (result.updates.length > 0) get().followUpdates(result.updates);
    },
  });
}
