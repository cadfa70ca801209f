/**
 * The tray's counts from bridge events: calls in flight, today's calls and errors, the
 * midnight roll-over, and snapshots after a clear.
 */
import { describe, expect, it } from 'vitest';
import { createTrafficCounter } from '../../../../electron/app/traffic-counter.ts';
import type { ExchangeSummary } from '../../../../shared/traffic/exchange-record.ts';

const noon = new Date(2025, 5, 10, 12, 0, 0).getTime();

const summary = (id: string, patch: Partial<ExchangeSummary> = {}): ExchangeSummary => ({
  id,
  state: 'pending',
  method: 'POST',
  path: '/v1/messages',
  stream: false,
  timings: { receivedAt: noon },
  tokens: { estimatedInput: 1 },
  notes: [],
  openaiChunkCount: 0,
  anthropicEventCount: 0,
  ...patch,
});

describe('traffic counter', () => {
  it('counts calls in flight from started until completed or evicted', () => {
    const counter = createTrafficCounter(() => noon);
    counter.handle({ event: 'exchange-started', payload: summary('a') });
    counter.handle({ event: 'exchange-started', payload: summary('b') });
    expect(counter.counts().inFlight).toBe(2);
    counter.handle({
      event: 'exchange-completed',
      payload: summary('a', { state: 'complete', status: 200 }),
    });
    expect(counter.counts().inFlight).toBe(1);
    counter.handle({ event: 'exchanges-evicted', payload: { ids: ['b'] } });
    expect(counter.counts().inFlight).toBe(0);
  });

  it("counts today's finished calls, errors being error states or HTTP statuses of 400 and up", () => {
    const counter = createTrafficCounter(() => noon);
    counter.handle({
      event: 'exchange-completed',
      payload: summary('a', { state: 'complete', status: 200 }),
    });
    counter.handle({
      event: 'exchange-completed',
      payload: summary('b', { state: 'error', status: 502 }),
    });
    counter.handle({
      event: 'exchange-completed',
      payload: summary('c', { state: 'complete', status: 429 }),
    });
    counter.handle({
      event: 'exchange-completed',
      payload: summary('d', { state: 'aborted', status: 200 }),
    });
    expect(counter.counts().today).toEqual({ calls: 4, errors: 2 });
  });

  it('starts again from zero after midnight and ignores calls received on another day', () => {
    let now = noon;
    const counter = createTrafficCounter(() => now);
    counter.handle({
      event: 'exchange-completed',
      payload: summary('a', { state: 'complete', status: 200 }),
    });
    now = new Date(2025, 5, 11, 0, 0, 1).getTime();
    expect(counter.counts().today).toEqual({ calls: 0, errors: 0 });
    // Received before midnight, finished after: yesterday's call.
    counter.handle({ event: 'exchange-completed', payload: summary('b', { state: 'error' }) });
    expect(counter.counts().today).toEqual({ calls: 0, errors: 0 });
  });

  it('takes the calls still open from a snapshot and keeps the day totals across a clear', () => {
    const counter = createTrafficCounter(() => noon);
    counter.handle({ event: 'exchange-started', payload: summary('gone') });
    counter.handle({
      event: 'exchange-completed',
      payload: summary('x', { state: 'complete', status: 200 }),
    });
    counter.handle({
      event: 'snapshot',
      payload: {
        exchanges: [
          summary('open', { state: 'streaming' }),
          summary('done', { state: 'complete' }),
        ],
        status: { state: 'running', version: '1', demo: false, upstreamConfigured: true },
      },
    });
    expect(counter.counts()).toEqual({ inFlight: 1, today: { calls: 1, errors: 0 } });
  });
});
