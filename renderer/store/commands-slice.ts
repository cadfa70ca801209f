/** Actions that go to the proxy through the bridge: clear, export, reload, demo mode. */
import type { StateCreator } from 'zustand';
import type { CommandsSlice, InspectorState, StoreDeps } from './inspector-state.ts';

export function createCommandsSlice(
  deps: StoreDeps,
): StateCreator<InspectorState, [], [], CommandsSlice> {
  return (_set, get) => ({
    async clearAll() {
      await deps.bridge.clearExchanges();
      // The proxy follows with a snapshot; clearing here too makes the click feel instant.
      const status = get().status;
      if (status) get().ingest([{ name: 'snapshot', payload: { exchanges: [], status } }]);
    },
    exportExchanges: (format, ids) => deps.bridge.exportExchanges(format, ids),
    async resync() {
      const [exchanges, status] = await Promise.all([
        deps.bridge.listExchanges(),
        deps.bridge.getStatus(),
      ]);
      get().ingest([{ name: 'snapshot', payload: { exchanges, status } }]);
    },
    async startDemo() {
      // The status event follows too; taking the answer makes the badge show at once.
      get().setStatus(await deps.bridge.startDemo());
    },
  });
}
