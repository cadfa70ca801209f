/**
 * What this call added to the conversation since the previous call of the same session: new
 * messages (usually the one new turn), and whether the system prompt, tools or model changed.
 */
import { useMemo } from 'react';
import { formatClock } from '../../model/format.ts';
import { previousInSession } from '../../model/sessions-view.ts';
import { compareWithPrevious } from '../../model/whats-new.ts';
import { selectAllSummaries } from '../../store/selectors.ts';
import { useInspector } from '../../store/store-context.ts';
import { useExchangeRecord } from '../../store/use-exchange-record.ts';
import { MessageView } from '../conversation/message-view.tsx';
import { Loading } from './loading.tsx';
import type { TabProps } from './tab-props.ts';
import '../../styles/conversation.css';

export function WhatsNewTab({ summary, record }: TabProps) {
  const summaries = useInspector(selectAllSummaries);
  const select = useInspector((s) => s.select);
  const previous = useMemo(() => previousInSession(summary, summaries), [summary, summaries]);
  const previousEntry = useExchangeRecord(previous?.id);
  const diff = useMemo(
    () =>
      record && previousEntry?.record
        ? compareWithPrevious(record.anthropicRequest, previousEntry.record.anthropicRequest)
        : undefined,
    [record, previousEntry?.record],
  );
  if (!summary.sessionId)
    return (
      <p className="muted">
        This call carries no session id, so there is no previous call to compare with.
      </p>
    );
  if (!previous)
    return (
      <p className="muted">
        This is the first recorded call of session <code>{summary.sessionId}</code>.
      </p>
    );
  if (!record || !diff) return <Loading />;
  const changes: string[] = [];
  if (diff.model) changes.push(`model ${diff.model.before} → ${diff.model.after}`);
  if (diff.system.changed)
    changes.push(
      `system prompt changed (blocks ${diff.system.changedBlocks.join(', ')}; ${diff.system.beforeChars} → ${diff.system.afterChars} chars)`,
    );
  if (diff.tools.added.length) changes.push(`tools added: ${diff.tools.added.join(', ')}`);
  if (diff.tools.removed.length) changes.push(`tools removed: ${diff.tools.removed.join(', ')}`);
  if (diff.tools.changed.length)
    changes.push(`tool schemas changed: ${diff.tools.changed.join(', ')}`);
  return (
    <div className="whats-new">
      <section className="card">
        <p>
          Compared with the previous call of this session,{' '}
          <button type="button" className="btn btn-link mono" onClick={() => select(previous.id)}>
            {formatClock(previous.timings.receivedAt)} · {previous.requestedModel}
          </button>
          : <b>{diff.added.length}</b> new {diff.added.length === 1 ? 'message' : 'messages'} after{' '}
          {diff.sharedMessages} shared.
          {diff.removed > 0 && (
            <span className="warning-text">
              {' '}
              {diff.removed} earlier {diff.removed === 1 ? 'message is' : 'messages are'} gone
              (compaction or rewind).
            </span>
          )}
        </p>
        {changes.length > 0 ? (
          <ul className="change-list">
            {changes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        ) : (
          <p className="muted">System prompt, tools and model unchanged.</p>
        )}
      </section>
      <div className="conversation">
        {diff.added.map((m) => (
          <MessageView key={m.index} message={m} tag="new" />
        ))}
      </div>
    </div>
  );
}
