/** The turns of one session, oldest first; a click opens the turn in the detail pane. */
import { deriveExchangeView } from '../../model/exchange-view.ts';
import type { SessionView } from '../../model/sessions-view.ts';
import { useInspector } from '../../store/store-context.ts';

export function SessionTurns({ session }: { session: SessionView }) {
  const byId = useInspector((s) => s.exchanges.byId);
  const selectedId = useInspector((s) => s.selectedId);
  const select = useInspector((s) => s.select);
  return (
    <div className="session-turns">
      <div className="section-title">
        Turns of <code>{session.id}</code>
      </div>
      <table className="grid-table" aria-label="Turns">
        <thead>
          <tr>
            <th className="num">#</th>
            <th>Time</th>
            <th>Model</th>
            <th>Status</th>
            <th className="num">Duration</th>
            <th className="num">In</th>
            <th className="num">Out</th>
            <th>Stop</th>
          </tr>
        </thead>
        <tbody>
          {session.exchangeIds.map((id, i) => {
            const summary = byId[id];
            if (!summary) return null;
            const v = deriveExchangeView(summary);
            return (
              <tr
                key={id}
                className={`tone-${v.tone} ${id === selectedId ? 'selected' : ''}`}
                onClick={() => select(id)}
                aria-selected={id === selectedId}
              >
                <td className="num mono">{i + 1}</td>
                <td className="mono">{v.time}</td>
                <td className="mono">
                  {v.requestedModel}
                  {v.modelChanged && <span className="muted"> → {v.upstreamModel}</span>}
                </td>
                <td className="mono">{v.statusText}</td>
                <td className="num mono">{v.duration}</td>
                <td className="num mono">{v.tokensIn}</td>
                <td className="num mono">{v.tokensOut}</td>
                <td className="mono">
                  {v.isError ? <span className="error-text">{v.errorMessage}</span> : v.stopReason}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
