/**
 * One row of the exchange list. It subscribes to its own summary only, so a streaming call
 * re-renders its row and nothing else; positioning comes from the virtualizer (set through
 * the CSSOM, which the page's CSP allows).
 */
import { memo } from 'react';
import { deriveExchangeView } from '../../model/exchange-view.ts';
import { useInspector } from '../../store/store-context.ts';

interface ExchangeRowProps {
  id: string;
  top: number;
  index: number;
  selected: boolean;
  onSelect(id: string): void;
}

export const ExchangeRow = memo(function ExchangeRow({
  id,
  top,
  index,
  selected,
  onSelect,
}: ExchangeRowProps) {
  const summary = useInspector((s) => s.exchanges.byId[id]);
  if (!summary) return null;
  const v = deriveExchangeView(summary);
  return (
    <div
      role="row"
      aria-selected={selected}
      aria-rowindex={index + 2}
      data-id={id}
      className={`row row-grid tone-${v.tone} ${selected ? 'selected' : ''} ${index % 2 ? 'odd' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      onMouseDown={() => onSelect(id)}
      title={v.errorMessage}
    >
      <div role="cell" className="cell col-time mono">
        {v.time}
      </div>
      <div role="cell" className="cell col-model mono">
        <span className="model-requested">{v.requestedModel || '—'}</span>
        {v.modelChanged && (
          <>
            <span className="model-arrow"> → </span>
            <span className="model-upstream">{v.upstreamModel}</span>
          </>
        )}
      </div>
      <div role="cell" className="cell col-provider col-wide-only">
        {v.provider}
      </div>
      <div role="cell" className="cell col-status mono">
        {v.isLive && <span className="live-dot" aria-label="in progress" />}
        {v.statusText}
      </div>
      <div role="cell" className="cell col-kind col-wide-only">
        {v.stream ? (
          <span className="pill pill-stream">SSE</span>
        ) : (
          <span className="pill">JSON</span>
        )}
      </div>
      <div role="cell" className="cell col-duration num mono">
        {v.duration}
      </div>
      <div role="cell" className="cell col-ttft num mono col-wide-only">
        {v.ttft}
      </div>
      <div role="cell" className="cell col-tokens-in num mono">
        {v.tokensIn}
        {v.cached && <span className="muted"> ({v.cached})</span>}
      </div>
      <div role="cell" className="cell col-tokens-out num mono">
        {v.tokensOut}
      </div>
      <div role="cell" className="cell col-cost num mono col-wide-only">
        {v.cost}
      </div>
      <div role="cell" className="cell col-stop mono col-wide-only">
        {v.isError && v.errorMessage ? (
          <span className="error-text">{v.errorMessage}</span>
        ) : (
          v.stopReason
        )}
      </div>
    </div>
  );
});
