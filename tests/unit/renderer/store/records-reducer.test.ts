import { describe, expect, it } from 'vitest';
import {
  applyLiveUpdate,
  needsRefetch,
  phaseOf,
  recordsToEvict,
  replayPending,
  type RecordEntry,
} from '../../../../renderer/store/records-reducer.ts';
import { items, record, summary } from '../summary-factory.ts';

describe('applyLiveUpdate', () => {
  it('appends the new chunks and events of a streaming exchange', () => {
    const s = summary({ state: 'streaming', openaiChunkCount: 2, anthropicEventCount: 1 });
    const r = record(s, { openaiResponse: items(0, 2), anthropicResponse: items(0, 1) });
    const next = applyLiveUpdate(r, {
      summary: { ...s, openaiChunkCount: 4, anthropicEventCount: 3 },
      openaiChunks: items(2, 4),
      anthropicEvents: items(1, 3),
    });
    expect(next).not.toBe('gap');
    const rec = next as Exclude<typeof next, 'gap'>;
    expect((rec.openaiResponse as unknown[]).length).toBe(4);
    expect((rec.anthropicResponse as unknown[]).length).toBe(3);
    expect(rec.openaiChunkCount).toBe(4);
  });

  it('drops items the record already has when an update overlaps a fresh fetch', () => {
    const s = summary({ state: 'streaming', openaiChunkCount: 5 });
    const r = record(s, { openaiResponse: items(0, 5) });
    // This update carried items 3..5, already part of the fetched record.
    const next = applyLiveUpdate(r, {
      summary: { ...s, openaiChunkCount: 6 },
      openaiChunks: items(3, 6),
      anthropicEvents: [],
    });
    const list = (next as { openaiResponse: { data: { n: number } }[] }).openaiResponse;
    expect(list.map((i) => i.data.n)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('reports a gap when items between the record and the update are missing', () => {
    const s = summary({ state: 'streaming', openaiChunkCount: 2 });
    const r = record(s, { openaiResponse: items(0, 2) });
    expect(
      applyLiveUpdate(r, {
        summary: { ...s, openaiChunkCount: 6 },
        openaiChunks: items(4, 6),
        anthropicEvents: [],
      }),
    ).toBe('gap');
  });

  it('appends without checking counts once the recorder truncated the record', () => {
    const s = summary({ state: 'streaming', openaiChunkCount: 90, truncated: true });
    const r = record(s, { openaiResponse: items(0, 2) });
    const next = applyLiveUpdate(r, {
      summary: { ...s, openaiChunkCount: 95 },
      openaiChunks: items(93, 95),
      anthropicEvents: [],
    });
    expect((next as { openaiResponse: unknown[] }).openaiResponse).toHaveLength(4);
  });

  it('leaves a JSON body alone', () => {
    const s = summary({ stream: false });
    const r = record(s, { openaiResponse: { id: 'x' } });
    const next = applyLiveUpdate(r, { summary: s, openaiChunks: items(0, 1), anthropicEvents: [] });
    expect((next as { openaiResponse: unknown }).openaiResponse).toEqual({ id: 'x' });
  });

  it('replays buffered updates in order and stops at a gap', () => {
    const s = summary({ state: 'streaming', openaiChunkCount: 1 });
    const r = record(s, { openaiResponse: items(0, 1) });
    const ok = replayPending(r, [
      { summary: { ...s, openaiChunkCount: 2 }, openaiChunks: items(1, 2), anthropicEvents: [] },
      { summary: { ...s, openaiChunkCount: 3 }, openaiChunks: items(2, 3), anthropicEvents: [] },
    ]);
    expect((ok as { openaiResponse: unknown[] }).openaiResponse).toHaveLength(3);
    expect(
      replayPending(r, [
        { summary: { ...s, openaiChunkCount: 9 }, openaiChunks: items(8, 9), anthropicEvents: [] },
      ]),
    ).toBe('gap');
  });
});

describe('refetching and caching', () => {
  const entry = (fetchedPhase: RecordEntry['fetchedPhase'], lastUsed = 0): RecordEntry => ({
    record: record(summary()),
    loading: false,
    pending: [],
    fetchedPhase,
    lastUsed,
  });

  it('orders phases pending → sent → headers → finished', () => {
    expect(phaseOf(summary({ state: 'pending', timings: { receivedAt: 0 } }))).toBe(0);
    expect(
      phaseOf(summary({ state: 'pending', timings: { receivedAt: 0, upstreamSent: 1 } })),
    ).toBe(1);
    expect(
      phaseOf(
        summary({
          state: 'streaming',
          timings: { receivedAt: 0, upstreamSent: 1, upstreamHeaders: 5 },
        }),
      ),
    ).toBe(2);
    expect(phaseOf(summary({ state: 'aborted' }))).toBe(3);
  });

  it('fetches again only when the call reached a later phase than the record', () => {
    expect(needsRefetch(entry(2), summary({ state: 'complete' }))).toBe(true);
    expect(needsRefetch(entry(3), summary({ state: 'complete' }))).toBe(false);
    expect(needsRefetch({ ...entry(0), loading: true }, summary({ state: 'complete' }))).toBe(
      false,
    );
  });

  it('evicts the least recently used records, never the kept ones', () => {
    const entries = { a: entry(3, 1), b: entry(3, 5), c: entry(3, 2), d: entry(3, 9) };
    expect(recordsToEvict(entries, 2, new Set(['a']))).toEqual(['c', 'b']);
    expect(recordsToEvict(entries, 4, new Set())).toEqual([]);
  });
});
