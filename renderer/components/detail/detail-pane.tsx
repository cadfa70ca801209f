/**
 * The detail pane for the selected exchange: a header (models, status, copy-as-cURL, close),
 * the tab bar, and the active tab. The record loads on selection and then follows the call
 * live, so a streaming answer grows here as it arrives.
 */
import { useInspector } from '../../store/store-context.ts';
import { useExchangeRecord } from '../../store/use-exchange-record.ts';
import { DETAIL_TABS } from '../tabs/detail-tabs.ts';
import { DetailHeader } from './detail-header.tsx';
import '../../styles/detail.css';

export function DetailPane() {
  const id = useInspector((s) => s.selectedId);
  const summary = useInspector((s) => (s.selectedId ? s.exchanges.byId[s.selectedId] : undefined));
  const tab = useInspector((s) => s.detailTab);
  const setTab = useInspector((s) => s.setDetailTab);
  const entry = useExchangeRecord(id);
  if (!id || !summary) return null;
  const spec = DETAIL_TABS.find((t) => t.key === tab) ?? DETAIL_TABS[0]!;
  const Tab = spec.component;
  return (
    <aside className="detail" aria-label="Exchange detail" data-testid="detail-pane">
      <DetailHeader summary={summary} record={entry?.record} />
      <div className="tab-bar" role="tablist" aria-label="Detail tabs">
        {DETAIL_TABS.map((t) => (
          <button
            key={t.key}
            type="button"
            role="tab"
            aria-selected={t.key === spec.key}
            className={`tab ${t.key === spec.key ? 'active' : ''}`}
            aria-label={t.label}
            title={t.label}
            onClick={() => setTab(t.key)}
          >
            {t.short ?? t.label}
          </button>
        ))}
      </div>
      <div
        className="detail-body"
        role="tabpanel"
        aria-label={spec.label}
        tabIndex={-1}
        data-detail-focus
      >
        {entry?.error && !entry.record ? (
          <div className="notice notice-error">Could not load this exchange: {entry.error}</div>
        ) : (
          <Tab key={id} summary={summary} record={entry?.record} />
        )}
      </div>
    </aside>
  );
}
