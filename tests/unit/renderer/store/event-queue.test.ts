import { describe, expect, it } from 'vitest';
import { createEventQueue, type FlushScheduler } from '../../../../renderer/store/event-queue.ts';
import type { QueuedEvent } from '../../../../renderer/store/exchanges-reducer.ts';
import { summary } from '../summary-factory.ts';

/** A scheduler the test steps by hand, like animation frames. */
function manualScheduler() {
  const pending: (() => void)[] = [];
  const scheduler: FlushScheduler = {
    schedule(flush) {
      pending.push(flush);
      return () => pending.splice(pending.indexOf(flush) >>> 0, 1);
    },
  };
  return { scheduler, frame: () => pending.splice(0).forEach((f) => f()), pending };
}

const started = (): QueuedEvent => ({ name: 'exchange-started', payload: summary() });

describe('event queue', () => {
  it('hands everything that arrived before a frame over in one batch', () => {
    const { scheduler, frame, pending } = manualScheduler();
    const batches: QueuedEvent[][] = [];
    const queue = createEventQueue((b) => batches.push(b), scheduler);
    queue.push(started());
    queue.push(started());
    queue.push(started());
    expect(pending).toHaveLength(1);
    expect(batches).toEqual([]);
    frame();
    expect(batches.map((b) => b.length)).toEqual([3]);
  });

  it('splits a big backlog into slices, one per frame', () => {
    const { scheduler, frame } = manualScheduler();
    const batches: number[] = [];
    const queue = createEventQueue((b) => batches.push(b.length), scheduler, 4);
    for (let i = 0; i < 10; i++) queue.push(started());
    frame();
    expect(batches).toEqual([4]);
    expect(queue.size()).toBe(6);
    frame();
    frame();
    expect(batches).toEqual([4, 4, 2]);
  });

  it('drops what is queued and cancels the flush when disposed', () => {
    const { scheduler, frame, pending } = manualScheduler();
    const batches: number[] = [];
    const queue = createEventQueue((b) => batches.push(b.length), scheduler);
    queue.push(started());
    queue.dispose();
    expect(pending).toHaveLength(0);
    frame();
    expect(batches).toEqual([]);
  });
});
