/** The proxy's status (running, URL, demo mode, upstream configured) as last reported. */
import type { StateCreator } from 'zustand';
import type { InspectorState, StatusSlice } from './inspector-state.ts';

export const statusSlice: StateCreator<InspectorState, [], [], StatusSlice> = (set) => ({
  status: undefined,
  setStatus: (status) => set({ status }),
});
