/**
 * The figures of the summary bar (calls, errors, tokens in/out, average time to first token,
 * cost), computed over whichever exchanges the list currently shows.
 */
import type { ExchangeSummary } from '../../shared/traffic/exchange-record.ts';
import { isErrorExchange, reportedInputTokens } from './exchange-view.ts';

export interface TrafficTotals {
  calls: number;
  errors: number;
  live: number;
  inputTokens: number;
  outputTokens: number;
  cachedTokens: number;
  /** Mean time to first token over the calls that have one; undefined when none has. */
  averageTtftMs?: number;
  costUsd: number;
  /** True when at least one call has a known cost. */
  costKnown: boolean;
}

export function computeTotals(summaries: Iterable<ExchangeSummary>): TrafficTotals {
  const totals: TrafficTotals = {
    calls: 0,
    errors: 0,
    live: 0,
    inputTokens: 0,
    outputTokens: 0,
    cachedTokens: 0,
    costUsd: 0,
    costKnown: false,
  };
  let ttftSum = 0;
  let ttftCount = 0;
  for (const s of summaries) {
    totals.calls += 1;
    if (isErrorExchange(s)) totals.errors += 1;
    if (s.state === 'pending' || s.state === 'streaming') totals.live += 1;
    totals.inputTokens += reportedInputTokens(s) ?? s.tokens.estimatedInput;
    totals.outputTokens += s.tokens.output ?? 0;
    totals.cachedTokens += s.tokens.cacheRead ?? 0;
    if (s.timings.firstToken !== undefined) {
      ttftSum += s.timings.firstToken;
      ttftCount += 1;
    }
    if (s.costUsd !== undefined) {
      totals.costUsd += s.costUsd;
      totals.costKnown = true;
    }
  }
  if (ttftCount > 0) totals.averageTtftMs = ttftSum / ttftCount;
  return totals;
}
