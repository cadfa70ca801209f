import { describe, expect, it } from 'vitest';
import { createInspectorStore } from '../../../../renderer/store/inspector-store.ts';
import { selectVisibleIds } from '../../../../renderer/store/selectors.ts';
import { items, record, summary } from '../summary-factory.ts';
import { fakeBridge, runningStatus, settle } from './fake-bridge.ts';

describe('inspector store', () => {
  it('holds events while paused and applies them on resume', () => {
    const store = createInspectorStore(fakeBridge());
    const a = summary();
    store.getState().setPaused(true);
    store.getState().ingest([
      { name: 'exchange-started', payload: a },
      { name: 'status', payload: runningStatus },
    ]);
    expect(store.getState().exchanges.ids).toEqual([]);
    expect(store.getState().status).toBe(runningStatus);
    expect(store.getState().held).toHaveLength(1);
    store.getState().setPaused(false);
    expect(store.getState().exchanges.ids).toEqual([a.id]);
    expect(store.getState().held).toEqual([]);
  });

  it('reloads the whole list on resume when more arrived than could be held', async () => {
    const bridge = fakeBridge();
    const kept = summary();
    bridge.summaries = [kept];
    const store = createInspectorStore(bridge, { heldLimit: 2 });
    store.getState().setPaused(true);
    store
      .getState()
      .ingest([1, 2, 3].map(() => ({ name: 'exchange-started' as const, payload: summary() })));
    expect(store.getState().heldOverflow).toBe(true);
    store.getState().setPaused(false);
    await settle();
    expect(bridge.calls).toContain('listExchanges');
    expect(store.getState().exchanges.ids).toEqual([kept.id]);
  });

  it('buffers live updates while a record loads and replays them without duplicates', async () => {
    const bridge = fakeBridge();
    const s = summary({
      state: 'streaming',
      openaiChunkCount: 3,
      timings: { receivedAt: 1, upstreamSent: 1, upstreamHeaders: 2 },
    });
    const store = createInspectorStore(bridge);
    store.getState().ingest([{ name: 'exchange-started', payload: s }]);
    // The server's record already holds chunks 0..4 when the fetch is answered.
    bridge.records.set(
      s.id,
      record({ ...s, openaiChunkCount: 5 }, { openaiResponse: items(0, 5) }),
    );
    bridge.hold = true;
    store.getState().loadRecord(s.id);
    store.getState().ingest([
      {
        name: 'exchange-updated',
        payload: {
          summary: { ...s, openaiChunkCount: 5 },
          openaiChunks: items(3, 5),
          anthropicEvents: [],
        },
      },
      {
        name: 'exchange-updated',
        payload: {
          summary: { ...s, openaiChunkCount: 7 },
          openaiChunks: items(5, 7),
          anthropicEvents: [],
        },
      },
    ]);
    expect(store.getState().records[s.id]!.pending).toHaveLength(2);
    bridge.release();
    await settle();
    const loaded = store.getState().records[s.id]!;
    expect(loaded.loading).toBe(false);
    expect(
      (loaded.record!.openaiResponse as { data: { n: number } }[]).map((i) => i.data.n),
    ).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('fetches a loaded record again when its exchange completes', async () => {
    const bridge = fakeBridge();
    const s = summary({
      state: 'streaming',
      stream: false,
      timings: { receivedAt: 1, upstreamSent: 1, upstreamHeaders: 2 },
    });
    const store = createInspectorStore(bridge);
    store.getState().ingest([{ name: 'exchange-started', payload: s }]);
    bridge.records.set(s.id, record(s));
    store.getState().loadRecord(s.id);
    await settle();
    const done = { ...s, state: 'complete' as const };
    bridge.records.set(s.id, record(done, { anthropicResponse: { type: 'message', content: [] } }));
    store.getState().ingest([{ name: 'exchange-completed', payload: done }]);
    await settle();
    expect(bridge.calls.filter((c) => c.startsWith('getExchange'))).toHaveLength(2);
    expect(store.getState().records[s.id]!.record!.anthropicResponse).toEqual({
      type: 'message',
      content: [],
    });
  });

  it('clears the selection and the cached record when the selected exchange is evicted', async () => {
    const bridge = fakeBridge();
    const s = summary();
    bridge.records.set(s.id, record(s));
    const store = createInspectorStore(bridge);
    store.getState().ingest([{ name: 'exchange-started', payload: s }]);
    store.getState().select(s.id);
    store.getState().loadRecord(s.id);
    await settle();
    store.getState().ingest([{ name: 'exchanges-evicted', payload: { ids: [s.id] } }]);
    expect(store.getState().selectedId).toBeUndefined();
    expect(store.getState().records[s.id]).toBeUndefined();
  });

  it('searches bodies of loaded records, summaries of all', async () => {
    const bridge = fakeBridge();
    const a = summary({ requestedModel: 'claude-haiku-4-5' });
    const b = summary();
    bridge.records.set(
      b.id,
      record(b, {
        anthropicRequest: { messages: [{ role: 'user', content: 'find the NEEDLE here' }] },
      }),
    );
    const store = createInspectorStore(bridge);
    store.getState().ingest([
      { name: 'exchange-started', payload: a },
      { name: 'exchange-started', payload: b },
    ]);
    store.getState().setFilters({ text: 'needle' });
    expect(selectVisibleIds(store.getState())).toEqual([]);
    store.getState().loadRecord(b.id);
    await settle();
    expect(selectVisibleIds(store.getState())).toEqual([b.id]);
    store.getState().setFilters({ text: 'haiku' });
    expect(selectVisibleIds(store.getState())).toEqual([a.id]);
  });

  it('empties the list at once on clear and asks the proxy to clear', async () => {
    const bridge = fakeBridge();
    const store = createInspectorStore(bridge);
    store
      .getState()
      .ingest([{ name: 'snapshot', payload: { exchanges: [summary()], status: runningStatus } }]);
    await store.getState().clearAll();
    expect(bridge.calls).toContain('clearExchanges');
    expect(store.getState().exchanges.ids).toEqual([]);
  });
});
