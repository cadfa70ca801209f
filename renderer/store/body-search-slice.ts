/**
 * The text filter's search in bodies, done by the proxy (BridgeApi.searchExchanges): the
 * store keeps the ids the last answer named for its query. Answers arriving out of order
 * are dropped (only the newest request counts), and an empty query clears the result.
 * When to search (debounced typing, refreshes as traffic settles) is use-body-search.ts's
 * concern; how rows match is the list's selector's.
 */
import type { StateCreator } from 'zustand';
import type { BodySearchSlice, InspectorState, StoreDeps } from './inspector-state.ts';

export function createBodySearchSlice(
  deps: StoreDeps,
): StateCreator<InspectorState, [], [], BodySearchSlice> {
  let latest = 0;
  return (set) => ({
    bodySearch: { query: '', pending: false },
    async searchBodies(text) {
      const query = text.trim();
      const ticket = ++latest;
      if (query === '') {
        set({ bodySearch: { query: '', pending: false } });
        return;
      }
      set((s) => ({ bodySearch: { ...s.bodySearch, pending: true } }));
      try {
        const ids = await deps.bridge.searchExchanges(query);
        if (ticket === latest) set({ bodySearch: { query, ids: new Set(ids), pending: false } });
      } catch (error) {
        if (ticket === latest)
          set({
            bodySearch: {
              query,
              pending: false,
              error: error instanceof Error ? error.message : String(error),
            },
          });
      }
    },
  });
}
