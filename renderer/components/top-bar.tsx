/** Title, the SIMULATED badge in demo mode, and the traffic/sessions switch. */
import { useInspector } from '../store/store-context.ts';
import type { InspectorView } from '../store/inspector-state.ts';

const VIEWS: { key: InspectorView; label: string }[] = [
  { key: 'traffic', label: 'Traffic' },
  { key: 'sessions', label: 'Sessions' },
  { key: 'settings', label: 'Settings' },
];

export function TopBar() {
  const view = useInspector((s) => s.view);
  const setView = useInspector((s) => s.setView);
  const demo = useInspector((s) => s.status?.demo === true);
  const version = useInspector((s) => s.status?.version);
  return (
    <header className="top-bar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">Anthropic Proxy</span>
        <span className="brand-sub">Inspector</span>
        {version && <span className="brand-version">v{version}</span>}
      </div>
      {demo && (
        <span
          className="badge badge-demo"
          title="Answers come from the built-in simulated upstream, not a real model."
        >
          SIMULATED
        </span>
      )}
      <nav className="view-switch" aria-label="View">
        {VIEWS.map((v) => (
          <button
            key={v.key}
            type="button"
            className={`view-switch-item ${view === v.key ? 'active' : ''}`}
            aria-pressed={view === v.key}
            onClick={() => setView(v.key)}
          >
            {v.label}
          </button>
        ))}
      </nav>
    </header>
  );
}
