/**
 * The bottom bar: totals over the rows shown (calls, errors, tokens in/out, average time to
 * first token, cost) and the proxy's status and URL.
 */
import { computeTotals } from '../model/traffic-totals.ts';
import { formatCost, formatDuration, formatInteger, formatTokens } from '../model/format.ts';
import { isFilterActive } from '../model/exchange-filter.ts';
import { selectVisibleSummaries } from '../store/selectors.ts';
import { useInspector } from '../store/store-context.ts';
import { useMemo } from 'react';

export function SummaryBar() {
  const summaries = useInspector(selectVisibleSummaries);
  const filtered = useInspector((s) => isFilterActive(s.filters));
  const total = useInspector((s) => s.exchanges.ids.length);
  const status = useInspector((s) => s.status);
  const totals = useMemo(() => computeTotals(summaries), [summaries]);
  const state = status?.state ?? 'connecting';
  return (
    <footer className="summary-bar" aria-label="Summary">
      <span className="summary-item" data-testid="summary-calls">
        <b>{formatInteger(totals.calls)}</b> {totals.calls === 1 ? 'call' : 'calls'}
        {filtered && <span className="muted"> of {formatInteger(total)}</span>}
      </span>
      <span
        className={`summary-item ${totals.errors > 0 ? 'summary-errors' : ''}`}
        data-testid="summary-errors"
      >
        <b>{formatInteger(totals.errors)}</b> {totals.errors === 1 ? 'error' : 'errors'}
      </span>
      {totals.live > 0 && (
        <span className="summary-item summary-live">
          <b>{totals.live}</b> live
        </span>
      )}
      <span className="summary-item" title="Prompt tokens (cached) / output tokens">
        ⇡ <b>{formatTokens(totals.inputTokens) || '0'}</b>
        {totals.cachedTokens > 0 && (
          <span className="muted"> ({formatTokens(totals.cachedTokens)} cached)</span>
        )}{' '}
        ⇣ <b>{formatTokens(totals.outputTokens) || '0'}</b> tokens
      </span>
      <span className="summary-item" title="Average time to first token">
        TTFT avg{' '}
        <b>{totals.averageTtftMs !== undefined ? formatDuration(totals.averageTtftMs) : '–'}</b>
      </span>
      {totals.costKnown && (
        <span className="summary-item">
          <b>{formatCost(totals.costUsd)}</b>
        </span>
      )}
      <span className="summary-spacer" />
      <span
        className={`summary-item proxy-status status-${state}`}
        data-testid="proxy-status"
        title={status?.message}
      >
        <span className="status-dot" aria-hidden="true" />
        {state === 'running'
          ? 'Proxy running'
          : state === 'connecting'
            ? 'Connecting…'
            : state === 'stopped'
              ? 'Proxy stopped'
              : 'Proxy error'}
        {status?.url && <code className="proxy-url">{status.url}</code>}
        {state === 'error' && status?.message && (
          <span className="status-message">{status.message}</span>
        )}
      </span>
    </footer>
  );
}
