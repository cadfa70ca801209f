/**
 * What the list shows when it has no rows, for each distinct reason: no traffic yet (with the
 * two lines that point Claude Code at this proxy, and the demo for a first look), paused, or
 * filters that match nothing.
 */
import { useState } from 'react';
import { claudeCodeEnv, shellLines } from '../../../shared/claude-code/claude-code-env.ts';
import { useInspector } from '../../store/store-context.ts';
import { CopyButton } from '../common/copy-button.tsx';

export type EmptyReason = 'no-traffic' | 'paused' | 'filtered';

/** The page does not know whether a client key is set; the settings' lines do. */
export function envLines(proxyUrl: string): string {
  return shellLines(claudeCodeEnv(proxyUrl)).join('\n');
}

export function EmptyState({ reason }: { reason: EmptyReason }) {
  const status = useInspector((s) => s.status);
  const resetFilters = useInspector((s) => s.resetFilters);
  const setPaused = useInspector((s) => s.setPaused);
  const bodySearch = useInspector((s) => s.bodySearch);
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
            {status?.demo && ' Answers come from the built-in simulated upstream.'}
          </p>
          {!status?.demo && <TryTheDemo />}
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
            The text is looked for, case-insensitive, in the summaries and in every recorded body
            (the Anthropic and OpenAI requests and responses, streamed ones included; not in
            headers).
          </p>
          {bodySearch.pending && <p className="muted">Searching the bodies…</p>}
          {bodySearch.error && (
            <p className="muted" role="alert">
              Searching the bodies failed: {bodySearch.error}
            </p>
          )}
          <button type="button" className="btn" onClick={resetFilters}>
            Reset filters
          </button>
        </div>
      );
  }
}

/** Demo mode for a first look: the proxy answers from its simulated upstream. */
function TryTheDemo() {
  const startDemo = useInspector((s) => s.startDemo);
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const start = () => {
    setState({ busy: true });
    startDemo().then(
      () => setState({ busy: false }),
      (error: unknown) =>
        setState({ busy: false, error: error instanceof Error ? error.message : String(error) }),
    );
  };
  return (
    <div className="empty-demo">
      <button type="button" className="btn btn-demo" disabled={state.busy} onClick={start}>
        ▶ Try the demo
      </button>
      <p className="muted">
        No model at hand? The demo sends a few calls to a built-in <strong>simulated</strong>{' '}
        upstream (no key needed, nothing leaves this machine), and every call you make goes there
        too until the proxy restarts. Your settings stay as they are.
      </p>
      {state.error && (
        <p className="muted" role="alert">
          The demo could not start: {state.error}
        </p>
      )}
    </div>
  );
}
