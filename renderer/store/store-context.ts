/**
 * Hands the inspector store to components. `useInspector(selector)` re-renders a component
 * only when the selected slice of state changes (zustand's equality check), so the list does
 * not re-render for a chunk arriving in the detail pane and vice versa.
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { InspectorState } from './inspector-state.ts';
import type { InspectorStore } from './inspector-store.ts';

export const StoreContext = createContext<InspectorStore | undefined>(undefined);

export function useInspectorStore(): InspectorStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useInspectorStore outside <StoreContext.Provider>');
  return store;
}

export function useInspector<T>(selector: (state: InspectorState) => T): T {
  return useStore(useInspectorStore(), selector);
}
