/** The list's filters; the visible rows are derived from them by a selector. */
import type { StateCreator } from 'zustand';
import { emptyFilters } from '../model/exchange-filter.ts';
import type { FiltersSlice, InspectorState } from './inspector-state.ts';

export const filtersSlice: StateCreator<InspectorState, [], [], FiltersSlice> = (set, get) => ({
  filters: emptyFilters,
  setFilters: (patch) => set({ filters: { ...get().filters, ...patch } }),
  resetFilters: () => set({ filters: emptyFilters }),
});
