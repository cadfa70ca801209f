/** The sessions table: turns, tokens, cost, duration and models of each session. */
import { formatClock, formatCost, formatDuration, formatTokens } from '../../model/format.ts';
import { NO_SESSION, type SessionView } from '../../model/sessions-view.ts';
import { useInspector } from '../../store/store-context.ts';

export function SessionList({
  sessions,
  chosenId,
}: {
  sessions: SessionView[];
  chosenId?: string;
}) {
  const selectSession = useInspector((s) => s.selectSession);
  return (
    <div className="session-list">
      <table className="grid-table" aria-label="Sessions">
        <thead>
          <tr>
            <th>Session</th>
            <th>Last active</th>
            <th className="num">Turns</th>
            <th className="num">In</th>
            <th className="num">Out</th>
            <th className="num">Cost</th>
            <th className="num">Span</th>
            <th>Models</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr
              key={s.id}
              className={`${s.id === chosenId ? 'selected' : ''} ${s.errors > 0 ? 'has-errors' : ''}`}
              onClick={() => selectSession(s.id)}
              aria-selected={s.id === chosenId}
            >
              <td className="mono" title={s.id}>
                {s.id === NO_SESSION ? <span className="muted">{s.id}</span> : s.id.slice(0, 8)}
                {s.client && <span className="muted"> · {s.client.split(' ')[0]}</span>}
              </td>
              <td className="mono">{formatClock(s.lastAt)}</td>
              <td className="num mono">
                {s.turns}
                {s.errors > 0 && <span className="error-text"> ({s.errors} err)</span>}
              </td>
              <td className="num mono">{formatTokens(s.inputTokens)}</td>
              <td className="num mono">{formatTokens(s.outputTokens)}</td>
              <td className="num mono">{formatCost(s.costUsd)}</td>
              <td className="num mono">{formatDuration(s.durationMs)}</td>
              <td className="mono models-cell">{s.models.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
