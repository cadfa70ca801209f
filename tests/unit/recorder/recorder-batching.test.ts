import { describe, expect, it } from 'vitest';
import { createTrafficRecorder } from '../../../electron/server/recorder/traffic-recorder.ts';
import type { BridgeEvents } from '../../../shared/bridge.ts';
import { collectEvents, OK_END, startExchange, streamStep } from './recorder-driver.ts';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type Update = BridgeEvents['exchange-updated'];

function updatesOf(events: ReturnType<typeof collectEvents>): Update[] {
  return events.flatMap(([name, payload]) => (name === 'exchange-updated' ? [payload] : []));
}

function waitFor(events: ReturnType<typeof collectEvents>, name: string): Promise<void> {
  return new Promise((resolve) => {
    const check = () => (events.some(([n]) => n === name) ? resolve() : setTimeout(check, 5));
    check();
  });
}

describe('recorder batching of live updates', () => {
  it('turns 1,000 chunks arriving within ~10 ms into a handful of pushes carrying all of them', async () => {
    const recorder = createTrafficRecorder();
    const events = collectEvents(recorder);
    startExchange(recorder, 's');
    const began = performance.now();
    for (let i = 0; i < 1000; i++) {
      streamStep(recorder, 's', i);
      if (i % 100 === 99) await nextTurn();
    }
    expect(performance.now() - began).toBeLessThan(150); // at most two batch windows
    recorder.completed('s', OK_END);
    await waitFor(events, 'exchange-completed');
    const updates = updatesOf(events);
    expect(updates.length).toBeGreaterThanOrEqual(1);
    expect(updates.length).toBeLessThanOrEqual(3);
    expect(updates.reduce((n, u) => n + u.openaiChunks.length, 0)).toBe(1000);
    expect(updates.reduce((n, u) => n + u.anthropicEvents.length, 0)).toBe(1000);
    expect(events.map(([name]) => name)).toEqual([
      'exchange-started',
      ...updates.map(() => 'exchange-updated'),
      'exchange-completed',
    ]);
  });

  it('pushes at most once per 50–100 ms while a stream runs, each update carrying only new items', async () => {
    const recorder = createTrafficRecorder();
    const events = collectEvents(recorder);
    const pushedAt: number[] = [];
    recorder.subscribe((...[name]) => {
      if (name === 'exchange-updated') pushedAt.push(performance.now());
    });
    startExchange(recorder, 's');
    for (let i = 0; i < 300; i++) {
      streamStep(recorder, 's', i);
      if (i % 10 === 9) await sleep(10);
    }
    recorder.completed('s', OK_END);
    await waitFor(events, 'exchange-completed');
    const updates = updatesOf(events);
    expect(updates.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < pushedAt.length; i++)
      expect(pushedAt[i]! - pushedAt[i - 1]!).toBeGreaterThanOrEqual(45);
    // Items of an update are indices [count - n, count): contiguous, no gaps, no repeats.
    let expectedStart = 0;
    for (const update of updates) {
      const count = update.summary.openaiChunkCount;
      expect(count - update.openaiChunks.length).toBe(expectedStart);
      expectedStart = count;
    }
    expect(expectedStart).toBe(300);
  });

  it('pushes nothing while nothing changes', async () => {
    const recorder = createTrafficRecorder({ batchMs: 5 });
    const events = collectEvents(recorder);
    startExchange(recorder, 's');
    await waitFor(events, 'exchange-started');
    const seen = events.length;
    await sleep(40);
    expect(events.length).toBe(seen);
  });

  it('announces a fast call as started then completed, with offsets from its start', () => {
    let clock = 1000;
    const recorder = createTrafficRecorder({ now: () => clock });
    const events = collectEvents(recorder);
    startExchange(recorder, 'q');
    clock += 40;
    streamStep(recorder, 'q', 0);
    clock += 60;
    recorder.completed('q', OK_END);
    recorder.flush();
    expect(events.map(([name]) => name)).toEqual([
      'exchange-started',
      'exchange-updated',
      'exchange-completed',
    ]);
    const update = updatesOf(events)[0]!;
    expect(update.anthropicEvents[0]!.offsetMs).toBe(40);
    const [, completed] = events[2]!;
    expect(completed).toMatchObject({ state: 'complete', timings: { firstToken: 40, done: 100 } });
  });

  it('keeps recording when a subscriber throws', () => {
    const errors: unknown[] = [];
    const recorder = createTrafficRecorder({ onError: (e) => errors.push(e) });
    recorder.subscribe(() => {
      throw new Error('listener bug');
    });
    const events = collectEvents(recorder);
    startExchange(recorder, 'a');
    recorder.completed('a', OK_END);
    recorder.flush();
    expect(events.map(([name]) => name)).toContain('exchange-completed');
    expect(errors.length).toBeGreaterThan(0);
  });
});
