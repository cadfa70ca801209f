/**
 * Sessions: exchanges grouped by Claude Code session, the list of sessions on top and the
 * turns of the chosen one, in order, beneath. Choosing a turn opens it in the detail pane.
 */
import { selectSessions } from '../../store/selectors.ts';
import { useInspector } from '../../store/store-context.ts';
import { SessionList } from './session-list.tsx';
import { SessionTurns } from './session-turns.tsx';
import '../../styles/sessions.css';

export function SessionsView() {
  const sessions = useInspector(selectSessions);
  const chosenId = useInspector((s) => s.selectedSessionId);
  const chosen = sessions.find((s) => s.id === chosenId) ?? sessions[0];
  if (sessions.length === 0) {
    return (
      <div className="empty-state" data-testid="sessions-empty">
        <h2>No sessions yet</h2>
        <p>Calls from Claude Code are grouped here by their session id as they arrive.</p>
      </div>
    );
  }
  return (
    <div className="sessions" data-testid="sessions-view">
      <SessionList sessions={sessions} chosenId={chosen?.id} />
      {chosen && <SessionTurns session={chosen} />}
    </div>
  );
}
