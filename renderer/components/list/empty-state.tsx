/**
 * What the list shows when it has no rows, for each distinct reason: no traffic yet (with the
 * two lines that point Claude Code at this proxy), paused, or filters that match nothing.
 */
import { useInspector } from '../../store/store-context.ts';
import { CopyButton } from '../common/copy-button.tsx';

export type EmptyReason = 'no-traffic' | 'paused' | 'filtered';

export function envLines(proxyUrl: string): string {
  return `export ANTHROPIC_BASE_URL=${proxyUrl}\nexport ANTHROPIC_AUTH_TOKEN=anything`;
}

export function EmptyState({ reason }: { reason: EmptyReason }) {
  const status = useInspector((s) => s.status);
  const resetFilters = useInspector((s) => s.resetFilters);
  const setPaused = useInspector((s) => s.setPaused);
  switch (reason) {
    case 'no-traffic': {
      const url = status?.url ?? window.location.origin;
      const lines = envLines(url);
      return (
        <div className="empty-state" data-testid="empty-no-traffic">
          <h2>No traffic yet</h2>
          <p>
            Point Claude Code at this proxy, then use it as usual. Every call shows up here as it
            happens.
          </p>
          <div className="code-card">
            <pre className="mono">{lines}</pre>
            <CopyButton text={() => lines} label="Copy" title="Copy both lines" />
          </div>
          <p className="muted">
            Then run <code>claude</code> in the same shell.
            {status?.demo
              ? ' Answers come from the built-in simulated upstream.'
              : ' To try the inspector without a model, start the proxy with npm run headless -- --demo.'}
          </p>
        </div>
      );
    }
    case 'paused':
      return (
        <div className="empty-state" data-testid="empty-paused">
          <h2>Paused</h2>
          <p>Live updates are paused; new traffic is held until you resume.</p>
          <button type="button" className="btn" onClick={() => setPaused(false)}>
            ▶ Resume
          </button>
        </div>
      );
    case 'filtered':
      return (
        <div className="empty-state" data-testid="empty-filtered">
          <h2>No exchange matches the filters</h2>
          <p>
            Body text is searched in exchanges opened in the detail pane; summaries are searched for
            all.
          </p>
          <button type="button" className="btn" onClick={resetFilters}>
            Reset filters
          </button>
        </div>
      );
  }
}
