import { describe, expect, it } from 'vitest';
import { createTrafficRecorder } from '../../../electron/server/recorder/traffic-recorder.ts';
import {
  anthropicBody,
  collectEvents,
  OK_END,
  startExchange,
  streamStep,
} from './recorder-driver.ts';

function bodyOf(bytes: number) {
  return anthropicBody({ messages: [{ role: 'user', content: 'x'.repeat(bytes) }] });
}

describe('recorder memory bounds', () => {
  it('keeps at most maxExchanges, evicting the oldest first', () => {
    const recorder = createTrafficRecorder({ maxExchanges: 3 });
    const events = collectEvents(recorder);
    for (const id of ['a', 'b', 'c', 'd', 'e']) {
      startExchange(recorder, id);
      recorder.completed(id, OK_END);
      recorder.flush();
    }
    expect(recorder.list().map((s) => s.id)).toEqual(['e', 'd', 'c']);
    const evicted = events.flatMap(([name, payload]) =>
      name === 'exchanges-evicted' ? payload.ids : [],
    );
    expect(evicted).toEqual(['a', 'b']);
    expect(recorder.get('a')).toBeUndefined();
    expect(recorder.stats()).toMatchObject({ exchanges: 3, evictedTotal: 2 });
  });

  it('evicts the oldest completed exchanges once the byte budget is exceeded', () => {
    const recorder = createTrafficRecorder({ maxBytes: 100_000 });
    for (const id of ['a', 'b', 'c', 'd']) {
      startExchange(recorder, id, { body: bodyOf(30_000) });
      recorder.completed(id, OK_END);
      recorder.flush();
    }
    expect(recorder.list().map((s) => s.id)).toEqual(['d', 'c', 'b']);
    const { approxBytes } = recorder.stats();
    expect(approxBytes).toBeGreaterThan(90_000);
    expect(approxBytes).toBeLessThanOrEqual(100_000);
  });

  it('counts streamed chunks and events in the byte budget', () => {
    const recorder = createTrafficRecorder();
    startExchange(recorder, 'small');
    recorder.completed('small', OK_END);
    recorder.flush();
    const small = recorder.stats().approxBytes;
    startExchange(recorder, 'streamed');
    for (let i = 0; i < 1000; i++) streamStep(recorder, 'streamed', i);
    recorder.completed('streamed', OK_END);
    recorder.flush();
    // 1,000 chunks (~200 B of JSON each) and 1,000 events (~100 B) at least.
    expect(recorder.stats().approxBytes - small).toBeGreaterThan(250_000);
  });

  it('never evicts an exchange still in flight, even when it is the oldest', () => {
    const recorder = createTrafficRecorder({ maxExchanges: 2 });
    startExchange(recorder, 'long-stream');
    streamStep(recorder, 'long-stream', 0);
    for (const id of ['b', 'c', 'd']) {
      startExchange(recorder, id);
      recorder.completed(id, OK_END);
      recorder.flush();
    }
    expect(recorder.list().map((s) => s.id)).toEqual(['d', 'long-stream']);
    streamStep(recorder, 'long-stream', 1);
    recorder.completed('long-stream', OK_END);
    recorder.flush();
    expect(recorder.get('long-stream')?.anthropicEventCount).toBe(2);
  });

  it('stops growing a runaway stream at maxStreamItems and marks the record truncated', () => {
    const recorder = createTrafficRecorder({ maxStreamItems: 10 });
    startExchange(recorder, 'runaway');
    for (let i = 0; i < 25; i++) streamStep(recorder, 'runaway', i);
    recorder.completed('runaway', OK_END);
    recorder.flush();
    const record = recorder.get('runaway');
    expect(record?.openaiChunkCount).toBe(10);
    expect(record?.truncated).toBe(true);
  });

  it('clear() drops everything and tells subscribers', () => {
    const recorder = createTrafficRecorder();
    const events = collectEvents(recorder);
    startExchange(recorder, 'a');
    recorder.completed('a', OK_END);
    recorder.flush();
    recorder.clear();
    expect(recorder.list()).toEqual([]);
    expect(recorder.stats()).toMatchObject({ exchanges: 0, approxBytes: 0 });
    expect(events.at(-1)?.[0]).toBe('cleared');
  });
});
