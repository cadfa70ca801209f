import { describe, expect, it } from 'vitest';
import type { ProxyStatus } from '../../../../shared/bridge.ts';
import {
  emptyExchanges,
  reduceEvents,
  type QueuedEvent,
} from '../../../../renderer/store/exchanges-reducer.ts';
import { items, summary } from '../summary-factory.ts';

const status: ProxyStatus = {
  state: 'running',
  url: 'http://127.0.0.1:1',
  version: '0.1.0',
  demo: false,
  upstreamConfigured: true,
};

describe('reduceEvents', () => {
  it('turns a newest-first snapshot into an oldest-first list and takes its status', () => {
    const a = summary();
    const b = summary();
    const r = reduceEvents(emptyExchanges, [
      { name: 'snapshot', payload: { exchanges: [b, a], status } },
    ]);
    expect(r.exchanges.ids).toEqual([a.id, b.id]);
    expect(r.exchanges.byId[b.id]).toBe(b);
    expect(r.status).toBe(status);
    expect(r.reset).toBe(true);
  });

  it('appends a started exchange and replaces its summary on update and completion', () => {
    const started = summary({ state: 'pending' });
    const streaming = { ...started, state: 'streaming' as const, openaiChunkCount: 2 };
    const done = { ...started, state: 'complete' as const };
    const r = reduceEvents(emptyExchanges, [
      { name: 'exchange-started', payload: started },
      {
        name: 'exchange-updated',
        payload: { summary: streaming, openaiChunks: items(0, 2), anthropicEvents: [] },
      },
      { name: 'exchange-completed', payload: done },
    ]);
    expect(r.exchanges.ids).toEqual([started.id]);
    expect(r.exchanges.byId[started.id]).toBe(done);
    expect(r.updates.map((u) => u.summary)).toEqual([streaming, done]);
    expect(r.updates[0]!.openaiChunks).toHaveLength(2);
  });

  it('holds updates for an unknown id until its exchange-started arrives, then applies them in order', () => {
    const base = summary({ state: 'pending' });
    const update = {
      summary: { ...base, state: 'streaming' as const },
      openaiChunks: items(0, 1),
      anthropicEvents: [],
    };
    const first = reduceEvents(emptyExchanges, [{ name: 'exchange-updated', payload: update }]);
    expect(first.exchanges.ids).toEqual([]);
    expect(first.updates).toEqual([]);
    expect(first.exchanges.orphans.get(base.id)).toHaveLength(1);

    const second = reduceEvents(first.exchanges, [{ name: 'exchange-started', payload: base }]);
    expect(second.exchanges.ids).toEqual([base.id]);
    expect(second.exchanges.byId[base.id]!.state).toBe('streaming');
    expect(second.updates).toEqual([update]);
    expect(second.exchanges.orphans.size).toBe(0);
  });

  it('treats a started for an id the snapshot already holds as an upsert, not a second row', () => {
    const s = summary();
    const r = reduceEvents(emptyExchanges, [
      { name: 'snapshot', payload: { exchanges: [s], status } },
      { name: 'exchange-started', payload: { ...s, state: 'pending' } },
    ]);
    expect(r.exchanges.ids).toEqual([s.id]);
  });

  it('removes evicted ids and reports them, ignoring ids it never had', () => {
    const a = summary();
    const b = summary();
    const start = reduceEvents(emptyExchanges, [
      { name: 'snapshot', payload: { exchanges: [b, a], status } },
    ]);
    const r = reduceEvents(start.exchanges, [
      { name: 'exchanges-evicted', payload: { ids: [a.id, 'unknown'] } },
    ]);
    expect(r.exchanges.ids).toEqual([b.id]);
    expect(r.exchanges.byId[a.id]).toBeUndefined();
    expect(r.removed).toEqual([a.id]);
  });

  it('drops the oldest exchanges beyond the bound', () => {
    const list = [summary(), summary(), summary(), summary()];
    const events: QueuedEvent[] = list.map((s) => ({ name: 'exchange-started', payload: s }));
    const r = reduceEvents(emptyExchanges, events, { maxExchanges: 3, maxOrphans: 10 });
    expect(r.exchanges.ids).toEqual(list.slice(1).map((s) => s.id));
    expect(r.removed).toEqual([list[0]!.id]);
    expect(Object.keys(r.exchanges.byId)).toHaveLength(3);
  });

  it('forgets the oldest orphans beyond their bound', () => {
    const events: QueuedEvent[] = [summary(), summary(), summary()].map((s) => ({
      name: 'exchange-completed',
      payload: s,
    }));
    const r = reduceEvents(emptyExchanges, events, { maxExchanges: 10, maxOrphans: 2 });
    expect([...r.exchanges.orphans.keys()]).toEqual([
      (events[1]!.payload as { id: string }).id,
      (events[2]!.payload as { id: string }).id,
    ]);
  });

  it('on a reconnect snapshot reports only the ids that are gone, and re-announces the kept ones', () => {
    const a = summary();
    const b = summary();
    const start = reduceEvents(emptyExchanges, [
      { name: 'snapshot', payload: { exchanges: [b, a], status } },
    ]);
    const bLater = { ...b, state: 'complete' as const, openaiChunkCount: 9 };
    const c = summary();
    const r = reduceEvents(start.exchanges, [
      { name: 'snapshot', payload: { exchanges: [c, bLater], status } },
    ]);
    expect(r.removed).toEqual([a.id]);
    expect(r.exchanges.ids).toEqual([b.id, c.id]);
    expect(r.updates.map((u) => u.summary)).toEqual([bLater]);
  });

  it('passes status events through without touching the list', () => {
    const s = summary();
    const start = reduceEvents(emptyExchanges, [{ name: 'exchange-started', payload: s }]);
    const r = reduceEvents(start.exchanges, [
      { name: 'status', payload: { ...status, state: 'error' } },
    ]);
    expect(r.status?.state).toBe('error');
    expect(r.exchanges.ids).toEqual([s.id]);
    expect(r.updates).toEqual([]);
  });
});
