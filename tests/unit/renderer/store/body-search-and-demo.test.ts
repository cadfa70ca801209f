/**
 * The store's side of the proxy's body search and of demo mode: a row the proxy found the
 * text in is shown even when its summary does not have it, an answer for a query no longer
 * in the filter is ignored, a late answer never overwrites a newer one, an empty query
 * clears, a failure is kept for the view; startDemo takes the proxy's new status.
 */
import { describe, expect, it } from 'vitest';
import { createInspectorStore } from '../../../../renderer/store/inspector-store.ts';
import { selectBodySearchKey, selectVisibleIds } from '../../../../renderer/store/selectors.ts';
import { summary } from '../summary-factory.ts';
import { fakeBridge, runningStatus } from './fake-bridge.ts';

function storeWith(bridge = fakeBridge()) {
  const store = createInspectorStore(bridge);
  const found = summary();
  const other = summary();
  store
    .getState()
    .ingest([{ name: 'snapshot', payload: { exchanges: [other, found], status: runningStatus } }]);
  return { store, bridge, found, other };
}

describe('body search in the store', () => {
  it('shows the rows the proxy found the text in, for the text now in the filter', async () => {
    const { store, bridge, found } = storeWith();
    bridge.bodyMatches.set('zanzibar', [found.id]);
    store.getState().setFilters({ text: ' zanzibar ' });
    expect(selectVisibleIds(store.getState())).toEqual([]);
    await store.getState().searchBodies(' zanzibar ');
    expect(bridge.calls).toContain('searchExchanges zanzibar');
    expect(selectVisibleIds(store.getState())).toEqual([found.id]);

    // Typed on: the old answer no longer counts.
    store.getState().setFilters({ text: 'zanzibar2' });
    expect(selectVisibleIds(store.getState())).toEqual([]);
  });

  it('keeps the newest answer when an older one arrives late', async () => {
    const { store, bridge, found, other } = storeWith();
    bridge.bodyMatches.set('a', [other.id]);
    bridge.bodyMatches.set('ab', [found.id]);
    let releaseFirst!: () => void;
    const original = bridge.searchExchanges.bind(bridge);
    bridge.searchExchanges = async (query) => {
      if (query === 'a') await new Promise<void>((resolve) => (releaseFirst = resolve));
      return original(query);
    };
    const first = store.getState().searchBodies('a');
    await store.getState().searchBodies('ab');
    releaseFirst();
    await first;
    expect(store.getState().bodySearch).toMatchObject({ query: 'ab', pending: false });
    expect([...store.getState().bodySearch.ids!]).toEqual([found.id]);
  });

  it('clears on an empty query and keeps a failure for the view', async () => {
    const { store, bridge } = storeWith();
    bridge.searchExchanges = () => Promise.reject(new Error('q must be one text'));
    await store.getState().searchBodies('x');
    expect(store.getState().bodySearch).toMatchObject({
      query: 'x',
      pending: false,
      error: 'q must be one text',
    });
    await store.getState().searchBodies('   ');
    expect(store.getState().bodySearch).toEqual({ query: '', pending: false });
  });

  it('changes the refresh key when an exchange starts or ends, not while one streams', () => {
    const store = createInspectorStore(fakeBridge());
    const live = summary({ state: 'streaming', status: undefined });
    store.getState().ingest([{ name: 'exchange-started', payload: live }]);
    const started = selectBodySearchKey(store.getState());
    store.getState().ingest([
      {
        name: 'exchange-updated',
        payload: {
          summary: { ...live, openaiChunkCount: 3 },
          openaiChunks: [],
          anthropicEvents: [],
        },
      },
    ]);
    expect(selectBodySearchKey(store.getState())).toBe(started);
    store
      .getState()
      .ingest([
        { name: 'exchange-completed', payload: { ...live, state: 'complete', status: 200 } },
      ]);
    expect(selectBodySearchKey(store.getState())).not.toBe(started);
  });
});

describe('demo mode in the store', () => {
  it('starts the demo through the bridge and shows its status at once', async () => {
    const { store, bridge } = storeWith();
    await store.getState().startDemo();
    expect(bridge.calls).toContain('startDemo');
    expect(store.getState().status?.demo).toBe(true);
  });
});
