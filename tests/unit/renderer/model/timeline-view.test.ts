import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../../../../renderer/model/timeline-view.ts';
import { summary } from '../summary-factory.ts';

describe('buildTimeline', () => {
  it('lays a finished stream out as four phases on one axis', () => {
    const t = buildTimeline(
      summary({
        timings: {
          receivedAt: 0,
          upstreamSent: 10,
          upstreamHeaders: 110,
          firstToken: 210,
          done: 1010,
        },
      }),
      0,
    );
    expect(t.totalMs).toBe(1010);
    expect(t.phases.map((p) => [p.key, p.startMs, p.endMs])).toEqual([
      ['translate', 0, 10],
      ['upstream-wait', 10, 110],
      ['first-token', 110, 210],
      ['body', 210, 1010],
    ]);
    expect(t.phases[3]!.offset + t.phases[3]!.width).toBeCloseTo(1);
    expect(t.live).toBe(false);
  });

  it('draws a running call up to now with its open phase live', () => {
    const t = buildTimeline(
      summary({
        state: 'streaming',
        timings: { receivedAt: 1000, upstreamSent: 5, upstreamHeaders: 50 },
      }),
      1300,
    );
    expect(t.totalMs).toBe(300);
    expect(t.phases.at(-1)).toMatchObject({ key: 'first-token', endMs: 300, live: true });
  });

  it('ends the open phase of a failed call at its last mark, not live', () => {
    const t = buildTimeline(
      summary({ state: 'error', timings: { receivedAt: 0, upstreamSent: 5, upstreamHeaders: 80 } }),
      99_999,
    );
    expect(t.live).toBe(false);
    expect(t.phases.every((p) => !p.live)).toBe(true);
    expect(t.totalMs).toBe(80);
  });

  it('shows the body of a non-stream answer from headers to done', () => {
    const t = buildTimeline(
      summary({
        stream: false,
        timings: { receivedAt: 0, upstreamSent: 3, upstreamHeaders: 500, done: 520 },
      }),
      0,
    );
    expect(t.phases.map((p) => p.key)).toEqual(['translate', 'upstream-wait', 'body']);
    expect(t.phases[2]!.label).toBe('Response body');
  });
});
