/** Which exchange the detail pane shows, and which of its tabs. */
import type { StateCreator } from 'zustand';
import type { InspectorState, SelectionSlice } from './inspector-state.ts';

export const selectionSlice: StateCreator<InspectorState, [], [], SelectionSlice> = (set) => ({
  selectedId: undefined,
  detailTab: 'overview',
  select: (id) => set({ selectedId: id }),
  setDetailTab: (tab) => set({ detailTab: tab }),
});
