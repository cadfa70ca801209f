/** One message of the conversation: role, position, and its blocks. */
import { memo } from 'react';
import type { ConversationMessage } from '../../model/conversation-view.ts';
import { ContentBlockView } from './content-block-view.tsx';

interface MessageViewProps {
  message: ConversationMessage;
  /** Label beside the role, e.g. "response" or "new". */
  tag?: string;
  live?: boolean;
}

/** Memoised: history messages keep their identity while the answer streams below them. */
export const MessageView = memo(function MessageView({ message, tag, live }: MessageViewProps) {
  return (
    <article
      className={`message role-${message.role}`}
      data-testid={`message-${message.role}`}
      data-tag={tag}
    >
      <header className="message-head">
        <span className="message-role">{message.role}</span>
        <span className="muted mono">messages[{message.index}]</span>
        {tag && <span className="message-tag">{tag}</span>}
        {live && (
          <span className="message-live">
            <span className="live-dot" aria-hidden="true" /> streaming
          </span>
        )}
      </header>
      <div className="message-body">
        {message.blocks.length === 0 && <p className="muted">(no content yet)</p>}
        {message.blocks.map((block, i) => (
          <ContentBlockView key={i} block={block} />
        ))}
      </div>
    </article>
  );
});
