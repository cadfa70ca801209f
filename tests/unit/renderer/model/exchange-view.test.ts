import { describe, expect, it } from 'vitest';
import { deriveExchangeView } from '../../../../renderer/model/exchange-view.ts';
import { formatCost, formatDuration, formatTokens } from '../../../../renderer/model/format.ts';
import { computeTotals } from '../../../../renderer/model/traffic-totals.ts';
import { summary } from '../summary-factory.ts';

describe('deriveExchangeView', () => {
  it('shows the prompt size the upstream reported, with the cached part', () => {
    const v = deriveExchangeView(
      summary({
        tokens: {
          estimatedInput: 9000,
          input: 1000,
          cacheRead: 12_000,
          cacheCreation: 500,
          output: 321,
        },
      }),
    );
    expect(v.tokensIn).toBe('13.5k');
    expect(v.cached).toBe('12k');
    expect(v.tokensOut).toBe('321');
    expect(v.inputIsEstimate).toBe(false);
  });

  it('marks the estimate with ~ until usage is known, and shows a live status', () => {
    const v = deriveExchangeView(
      summary({ state: 'streaming', status: 200, tokens: { estimatedInput: 2048 } }),
    );
    expect(v.tokensIn).toBe('~2k');
    expect(v.tone).toBe('live');
    expect(v.statusText).toBe('200 ⋯');
  });

  it('flags errors, including a stream that failed after its 200', () => {
    expect(deriveExchangeView(summary({ state: 'error', status: 429 })).tone).toBe('error');
    expect(
      deriveExchangeView(
        summary({ state: 'complete', status: 200, error: { type: 'api_error', message: 'cut' } }),
      ).isError,
    ).toBe(true);
  });

  it('returns the same view object for the same summary object', () => {
    const s = summary();
    expect(deriveExchangeView(s)).toBe(deriveExchangeView(s));
  });
});

describe('formatting and totals', () => {
  it('formats durations, tokens and costs compactly', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(1240)).toBe('1.24 s');
    expect(formatDuration(123_000)).toBe('2m 03s');
    expect(formatTokens(400_000)).toBe('400k');
    expect(formatTokens(1_250_000)).toBe('1.3M');
    expect(formatCost(0.0042)).toBe('$0.0042');
    expect(formatCost(undefined)).toBe('');
  });

  it('totals calls, errors, tokens, cost and the average time to first token', () => {
    const t = computeTotals([
      summary({
        timings: { receivedAt: 0, firstToken: 100 },
        tokens: { estimatedInput: 5, input: 10, output: 1 },
        costUsd: 0.5,
      }),
      summary({
        timings: { receivedAt: 0, firstToken: 300 },
        tokens: { estimatedInput: 5, input: 10, output: 1 },
      }),
      summary({
        state: 'error',
        status: 500,
        timings: { receivedAt: 0 },
        tokens: { estimatedInput: 7 },
      }),
    ]);
    expect(t).toMatchObject({
      calls: 3,
      errors: 1,
      inputTokens: 27,
      outputTokens: 2,
      averageTtftMs: 200,
      costUsd: 0.5,
      costKnown: true,
    });
  });
});
