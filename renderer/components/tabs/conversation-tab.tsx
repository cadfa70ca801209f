/**
 * The conversation as a person reads it: system prompt (collapsed), tools, the messages (the
 * latest ones; older ones behind a button), and the answer, growing while it streams.
 */
import { useMemo, useState } from 'react';
import {
  buildRequestConversation,
  buildResponseConversation,
} from '../../model/conversation-view.ts';
import { isTerminal } from '../../model/exchange-view.ts';
import { formatInteger } from '../../model/format.ts';
import { TextBlock } from '../common/text-block.tsx';
import { MessageView } from '../conversation/message-view.tsx';
import { Loading } from './loading.tsx';
import type { TabProps } from './tab-props.ts';
import '../../styles/conversation.css';

const RECENT = 30;

export function ConversationTab({ summary, record }: TabProps) {
  const [showAll, setShowAll] = useState(false);
  const finished = isTerminal(summary);
  // The request half keeps its identity while the answer streams: only the answer re-renders.
  const request = useMemo(
    () => (record ? buildRequestConversation(record.anthropicRequest) : undefined),
    [record?.anthropicRequest],
  );
  const answer = useMemo(
    () =>
      record && request
        ? buildResponseConversation(record.anthropicResponse, request.messages.length, finished)
        : undefined,
    [record?.anthropicResponse, request, finished],
  );
  if (!request || !answer) return <Loading />;
  const view = { ...request, ...answer };
  const hidden = showAll ? 0 : Math.max(0, view.messages.length - RECENT);
  return (
    <div className="conversation">
      {view.system.length > 0 && (
        <details className="system-prompt">
          <summary>
            System prompt · {view.system.length} {view.system.length === 1 ? 'block' : 'blocks'} ·{' '}
            {formatInteger(view.systemChars)} chars
          </summary>
          {view.system.map((b, i) => (
            <div key={i} className="system-block">
              {b.cached && <span className="kind-badge">cache_control</span>}
              <TextBlock text={b.text} />
            </div>
          ))}
        </details>
      )}
      {view.tools.length > 0 && (
        <details className="tools-list">
          <summary>{view.tools.length} tools</summary>
          <ul>
            {view.tools.map((t) => (
              <li key={t.name}>
                <code>{t.name}</code>{' '}
                <span className="muted">{t.description.split('\n')[0]?.slice(0, 160)}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      {hidden > 0 && (
        <button type="button" className="btn show-earlier" onClick={() => setShowAll(true)}>
          Show {hidden} earlier {hidden === 1 ? 'message' : 'messages'}
        </button>
      )}
      {view.messages.slice(hidden).map((m) => (
        <MessageView key={m.index} message={m} />
      ))}
      {view.response && (
        <MessageView message={view.response} tag="response" live={view.responseLive} />
      )}
      {!view.response && !view.responseError && !finished && (
        <p className="muted waiting">
          <span className="live-dot" aria-hidden="true" /> Waiting for the answer…
        </p>
      )}
      {view.responseError && (
        <div className="notice notice-error" role="alert">
          <b>{view.responseError.type}</b>: {view.responseError.message}
        </div>
      )}
    </div>
  );
}
