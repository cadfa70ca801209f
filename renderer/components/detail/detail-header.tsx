/** The detail pane's header: what the call was, its status, copy-as-cURL for both legs, close. */
import { anthropicCurlCommand, openaiCurlCommand } from '../../../shared/export/curl-command.ts';
import type { ExchangeRecord, ExchangeSummary } from '../../../shared/traffic/exchange-record.ts';
import { deriveExchangeView } from '../../model/exchange-view.ts';
import { useInspector } from '../../store/store-context.ts';
import { CopyButton } from '../common/copy-button.tsx';

export function DetailHeader({
  summary,
  record,
}: {
  summary: ExchangeSummary;
  record?: ExchangeRecord;
}) {
  const select = useInspector((s) => s.select);
  const proxyUrl = useInspector((s) => s.status?.url);
  const v = deriveExchangeView(summary);
  return (
    <div className={`detail-header tone-${v.tone}`}>
      <div className="detail-title">
        <span className={`status-chip tone-${v.tone}`}>
          {v.isLive && <span className="live-dot" aria-hidden="true" />}
          {v.statusText}
        </span>
        <span className="mono detail-model">
          {summary.method} {summary.path} · {v.requestedModel || '—'}
          {v.modelChanged && <span className="muted"> → {v.upstreamModel}</span>}
        </span>
        <span className="detail-time muted mono">{v.time}</span>
      </div>
      <div className="detail-actions">
        {record && (
          <>
            <CopyButton
              text={() => anthropicCurlCommand(record, proxyUrl ? { baseUrl: proxyUrl } : {})}
              label="cURL (Anthropic)"
              title="Copy the request to this proxy as cURL (key as $ANTHROPIC_API_KEY)"
            />
            {record.openaiRequest !== undefined && (
              <CopyButton
                text={() => openaiCurlCommand(record)}
                label="cURL (OpenAI)"
                title="Copy the upstream request as cURL (key as $OPENAI_API_KEY)"
              />
            )}
          </>
        )}
        <button
          type="button"
          className="btn btn-small btn-icon"
          aria-label="Close detail"
          onClick={() => select(undefined)}
        >
          ✕
        </button>
      </div>
      {summary.error && (
        <div className="detail-error" role="alert">
          <b>{summary.error.type}</b>: {summary.error.message}
        </div>
      )}
    </div>
  );
}
