/**
 * The batched push to the renderer: one flush per interval, runs of the same event sent as
 * one message on that event's channel, overall order kept.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEventBatcher } from '../../../../electron/app/event-batcher.ts';
import type { ExchangeSummary } from '../../../../shared/traffic/exchange-record.ts';

const summary = (id: string): ExchangeSummary => ({
  id,
  state: 'pending',
  method: 'POST',
  path: '/v1/messages',
  stream: true,
  timings: { receivedAt: 0 },
  tokens: { estimatedInput: 1 },
  notes: [],
  openaiChunkCount: 0,
  anthropicEventCount: 0,
});

describe('event batcher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends nothing until the interval passes, then one message per run of the same event, in order', () => {
    const sent: [string, unknown[]][] = [];
    const batcher = createEventBatcher({
      send: (channel, batch) => sent.push([channel, batch]),
      intervalMs: 50,
    });
    batcher.push('exchange-started', summary('a'));
    batcher.push('exchange-started', summary('b'));
    batcher.push('exchange-updated', {
      summary: summary('a'),
      openaiChunks: [],
      anthropicEvents: [],
    });
    batcher.push('exchange-updated', {
      summary: summary('b'),
      openaiChunks: [],
      anthropicEvents: [],
    });
    batcher.push('exchange-updated', {
      summary: summary('a'),
      openaiChunks: [],
      anthropicEvents: [],
    });
    batcher.push('exchange-completed', summary('a'));
    batcher.push('exchange-updated', {
      summary: summary('b'),
      openaiChunks: [],
      anthropicEvents: [],
    });
    vi.advanceTimersByTime(49);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(sent.map(([channel, batch]) => [channel, batch.length])).toEqual([
      ['main:exchange-started', 2],
      ['main:exchange-updated', 3],
      ['main:exchange-completed', 1],
      ['main:exchange-updated', 1],
    ]);
    expect((sent[0]![1] as ExchangeSummary[]).map((s) => s.id)).toEqual(['a', 'b']);
  });

  it('coalesces a burst of 1,000 events into a single flush', () => {
    const send = vi.fn();
    const batcher = createEventBatcher({ send, intervalMs: 50 });
    for (let i = 0; i < 1000; i++) {
      batcher.push('exchange-updated', {
        summary: summary(`x${i}`),
        openaiChunks: [],
        anthropicEvents: [],
      });
    }
    vi.advanceTimersByTime(50);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]![1]).toHaveLength(1000);
    vi.advanceTimersByTime(500);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('flush() sends the queue at once and dispose() drops it', () => {
    const send = vi.fn();
    const batcher = createEventBatcher({ send, intervalMs: 50 });
    batcher.push('exchanges-evicted', { ids: ['a'] });
    batcher.flush();
    expect(send).toHaveBeenCalledWith('main:exchanges-evicted', [{ ids: ['a'] }]);
    batcher.push('exchanges-evicted', { ids: ['b'] });
    batcher.dispose();
    vi.advanceTimersByTime(100);
    expect(send).toHaveBeenCalledTimes(1);
  });
});
