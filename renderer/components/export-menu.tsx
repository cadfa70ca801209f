/**
 * Export as JSON or HAR 1.2: the selected exchange, the rows the filters show, or
 * everything recorded. The proxy builds the document (redacted); this saves it as a download.
 */
import { useEffect, useRef, useState } from 'react';
import { selectVisibleIds } from '../store/selectors.ts';
import { useInspector, useInspectorStore } from '../store/store-context.ts';
import { isFilterActive } from '../model/exchange-filter.ts';
import { downloadText } from './common/browser-actions.ts';

type Scope = 'selected' | 'visible' | 'all';

function filename(format: 'json' | 'har', scope: Scope): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  return `anthropic-proxy-${scope}-${stamp}.${format === 'har' ? 'har' : 'json'}`;
}

export function ExportMenu() {
  const store = useInspectorStore();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const ref = useRef<HTMLDivElement>(null);
  const hasSelection = useInspector((s) => s.selectedId !== undefined);
  const filtered = useInspector((s) => isFilterActive(s.filters));
  const count = useInspector((s) => s.exchanges.ids.length);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const run = async (format: 'json' | 'har', scope: Scope) => {
    setOpen(false);
    const state = store.getState();
    const ids =
      scope === 'selected'
        ? state.selectedId
          ? [state.selectedId]
          : []
        : scope === 'visible'
          ? selectVisibleIds(state)
          : undefined;
    try {
      const text = await state.exportExchanges(format, ids);
      downloadText(
        filename(format, scope),
        text,
        format === 'har' ? 'application/json' : 'application/json',
      );
      setError(undefined);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const item = (format: 'json' | 'har', scope: Scope, label: string, disabled = false) => (
    <button
      type="button"
      role="menuitem"
      className="menu-item"
      aria-label={`Export ${scope} as ${format.toUpperCase()}`}
      disabled={disabled}
      onClick={() => void run(format, scope)}
    >
      {label}
    </button>
  );

  return (
    <div className="menu" ref={ref}>
      <button
        type="button"
        className="btn"
        aria-haspopup="menu"
        aria-expanded={open}
        title={error ? `Last export failed: ${error}` : 'Export as JSON or HAR'}
        onClick={() => setOpen(!open)}
      >
        ⇩ Export{error ? ' ⚠' : ''}
      </button>
      {open && (
        <div className="menu-popup" role="menu">
          <div className="menu-heading">Selected exchange</div>
          {item('har', 'selected', 'as HAR', !hasSelection)}
          {item('json', 'selected', 'as JSON', !hasSelection)}
          {filtered && (
            <>
              <div className="menu-heading">Filtered rows</div>
              {item('har', 'visible', 'as HAR')}
              {item('json', 'visible', 'as JSON')}
            </>
          )}
          <div className="menu-heading">All {count} exchanges</div>
          {item('har', 'all', 'as HAR', count === 0)}
          {item('json', 'all', 'as JSON', count === 0)}
        </div>
      )}
    </div>
  );
}
