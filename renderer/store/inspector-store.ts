/**
 * Builds the inspector's store from its slices around one bridge. A vanilla zustand store (no
 * module singleton): the app makes one at start, tests make their own with a fake bridge.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BridgeApi } from '../../shared/bridge.ts';
import { createBodySearchSlice } from './body-search-slice.ts';
import { createCommandsSlice } from './commands-slice.ts';
import { createExchangesSlice } from './exchanges-slice.ts';
import { filtersSlice } from './filters-slice.ts';
import type { InspectorState, StoreDeps } from './inspector-state.ts';
import { createRecordsSlice } from './records-slice.ts';
import { selectionSlice } from './selection-slice.ts';
import { statusSlice } from './status-slice.ts';
import { uiSlice } from './ui-slice.ts';

export type InspectorStore = StoreApi<InspectorState>;

export function createInspectorStore(
  bridge: BridgeApi,
  options: Partial<Omit<StoreDeps, 'bridge'>> = {},
): InspectorStore {
  const deps: StoreDeps = {
    maxExchanges: 10_000,
    maxRecords: 12,
    heldLimit: 20_000,
    ...options,
    bridge,
  };
  return createStore<InspectorState>()((...a) => ({
    ...createExchangesSlice(deps)(...a),
    ...createRecordsSlice(deps)(...a),
    ...selectionSlice(...a),
    ...filtersSlice(...a),
    ...createBodySearchSlice(deps)(...a),
    ...uiSlice(...a),
    ...statusSlice(...a),
    ...createCommandsSlice(deps)(...a),
  }));
}
