/** Pause/resume, clear, the filters and export, above the list. */
import { useInspector } from '../store/store-context.ts';
import { ExportMenu } from './export-menu.tsx';
import { FilterControls } from './filter-controls.tsx';

export function Toolbar() {
  const paused = useInspector((s) => s.paused);
  const heldCount = useInspector((s) => s.held.length);
  const heldOverflow = useInspector((s) => s.heldOverflow);
  const setPaused = useInspector((s) => s.setPaused);
  const clearAll = useInspector((s) => s.clearAll);
  return (
    <div className="toolbar" role="toolbar" aria-label="Traffic controls">
      <button
        type="button"
        className={`btn ${paused ? 'btn-active' : ''}`}
        aria-pressed={paused}
        title={
          paused
            ? 'Resume live updates'
            : 'Pause live updates (new traffic is held until you resume)'
        }
        onClick={() => setPaused(!paused)}
      >
        {paused ? '▶ Resume' : '❚❚ Pause'}
        {paused && (heldCount > 0 || heldOverflow) && (
          <span className="btn-count">{heldOverflow ? 'many' : heldCount} held</span>
        )}
      </button>
      <button
        type="button"
        className="btn"
        title="Clear all recorded traffic"
        onClick={() => {
          void clearAll();
        }}
      >
        ⌫ Clear
      </button>
      <span className="toolbar-sep" />
      <FilterControls />
      <span className="toolbar-spacer" />
      <ExportMenu />
    </div>
  );
}
