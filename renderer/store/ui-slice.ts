/**
 * View state: traffic list or sessions, the chosen session, and pause. Resuming applies the
 * events held while paused, or reloads everything when more arrived than could be held.
 */
import type { StateCreator } from 'zustand';
import type { InspectorState, UiSlice } from './inspector-state.ts';

export const uiSlice: StateCreator<InspectorState, [], [], UiSlice> = (set, get) => ({
  view: 'traffic',
  selectedSessionId: undefined,
  paused: false,
  held: [],
  heldOverflow: false,
  setView: (view) => set({ view }),
  selectSession: (id) => set({ selectedSessionId: id }),
  setPaused(paused) {
    if (paused === get().paused) return;
    if (paused) {
      set({ paused: true });
      return;
    }
    const { held, heldOverflow } = get();
    set({ paused: false, held: [], heldOverflow: false });
    if (heldOverflow) void get().resync();
    else if (held.length > 0) get().ingest(held);
  },
});
