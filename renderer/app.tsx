/**
 * The inspector application: one store per bridge, connected for the page's lifetime, and
 * the shell of views around it.
 */
import { useEffect, useState } from 'react';
import type { Bridge } from '../shared/bridge.ts';
import { InspectorShell } from './components/inspector-shell.tsx';
import { followSettingsHash } from './settings/settings-hash.ts';
import { connectBridge } from './store/bridge-sync.ts';
import { frameScheduler } from './store/frame-scheduler.ts';
import { createInspectorStore } from './store/inspector-store.ts';
import { StoreContext } from './store/store-context.ts';

export function App({ bridge }: { bridge: Bridge }) {
  const [store] = useState(() => createInspectorStore(bridge));
  useEffect(() => connectBridge(bridge, store, frameScheduler()), [bridge, store]);
  useEffect(
    () =>
      followSettingsHash(window.location, window, (settings) => {
        const { view, setView } = store.getState();
        if (settings) setView('settings');
        else if (view === 'settings') setView('traffic');
      }),
    [store],
  );
  return (
    <StoreContext.Provider value={store}>
      <InspectorShell bridge={bridge} />
    </StoreContext.Provider>
  );
}
