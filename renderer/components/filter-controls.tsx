/**
 * Text search (summaries here, bodies by the proxy: use-body-search.ts), model, status,
 * stream and errors-only filters.
 */
import { selectModelOptions } from '../store/selectors.ts';
import { useInspector } from '../store/store-context.ts';
import { useBodySearch } from '../store/use-body-search.ts';
import { isFilterActive, type StatusFilter, type StreamFilter } from '../model/exchange-filter.ts';

const STATUS_OPTIONS: { value: StatusFilter; label: string }[] = [
  { value: 'all', label: 'Any status' },
  { value: 'success', label: 'Success' },
  { value: 'client-error', label: '4xx' },
  { value: 'server-error', label: '5xx / failed' },
  { value: 'live', label: 'In progress' },
];

const STREAM_OPTIONS: { value: StreamFilter; label: string }[] = [
  { value: 'all', label: 'Stream & JSON' },
  { value: 'stream', label: 'Streams' },
  { value: 'non-stream', label: 'Non-stream' },
];

export function FilterControls() {
  const filters = useInspector((s) => s.filters);
  const setFilters = useInspector((s) => s.setFilters);
  const resetFilters = useInspector((s) => s.resetFilters);
  const models = useInspector(selectModelOptions);
  const searching = useInspector((s) => s.bodySearch.pending);
  const searchError = useInspector((s) => s.bodySearch.error);
  useBodySearch();
  return (
    <div className="filters">
      <input
        type="search"
        className="input filter-text"
        placeholder="Filter: model, error, body text…"
        aria-label="Filter text"
        aria-busy={searching}
        title={
          searchError
            ? `Searching the bodies failed: ${searchError}`
            : 'Case-insensitive, in the summaries and in every recorded body'
        }
        value={filters.text}
        onChange={(e) => setFilters({ text: e.target.value })}
      />
      <select
        className="select"
        aria-label="Model"
        value={filters.model}
        onChange={(e) => setFilters({ model: e.target.value })}
      >
        <option value="">Any model</option>
        {models.map((m) => (
          <option key={m} value={m}>
            {m}
          </option>
        ))}
      </select>
      <select
        className="select"
        aria-label="Status"
        value={filters.status}
        onChange={(e) => setFilters({ status: e.target.value as StatusFilter })}
      >
        {STATUS_OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <select
        className="select"
        aria-label="Stream"
        value={filters.stream}
        onChange={(e) => setFilters({ stream: e.target.value as StreamFilter })}
      >
        {STREAM_OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={filters.errorsOnly}
          onChange={(e) => setFilters({ errorsOnly: e.target.checked })}
        />
        Errors only
      </label>
      {isFilterActive(filters) && (
        <button type="button" className="btn btn-link" onClick={resetFilters}>
          Reset
        </button>
      )}
    </div>
  );
}
