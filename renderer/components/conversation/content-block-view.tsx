/**
 * One content block of a message, rendered for reading: text, collapsed system reminders and
 * thinking, tool calls with their input, tool results (red when is_error) named after the
 * tool they answer, image thumbnails, documents, and anything unknown as JSON.
 */
import type { ConversationBlock } from '../../model/conversation-view.ts';
import { TextBlock } from '../common/text-block.tsx';
import { JsonViewer } from '../viewers/json-viewer.tsx';
import { ImageThumbnail } from './image-thumbnail.tsx';

function inputText(input: unknown, partialJson?: string): string {
  if (partialJson !== undefined) return partialJson;
  try {
    return JSON.stringify(input, null, 2) ?? '';
  } catch {
    return String(input);
  }
}

export function ContentBlockView({ block }: { block: ConversationBlock }) {
  switch (block.kind) {
    case 'text':
      return block.reminder ? (
        <details className="block block-reminder">
          <summary>system-reminder · {block.text.length} chars</summary>
          <TextBlock text={block.text} />
        </details>
      ) : (
        <TextBlock text={block.text} className="block block-text" />
      );
    case 'thinking':
      return (
        <details className="block block-thinking">
          <summary>
            {block.redacted ? 'Redacted thinking' : `Thinking · ${block.text.length} chars`}
          </summary>
          {!block.redacted && <TextBlock text={block.text} />}
        </details>
      );
    case 'tool-use':
      return (
        <div className="block block-tool-use">
          <div className="block-head">
            <span className="block-icon" aria-hidden="true">
              ⚙
            </span>
            <b>{block.name}</b>
            <code className="muted">{block.id}</code>
            {block.partialJson !== undefined && <span className="muted">(input streaming…)</span>}
          </div>
          <pre className="text-pre mono tool-input">
            {inputText(block.input, block.partialJson)}
          </pre>
        </div>
      );
    case 'tool-result':
      return (
        <div className={`block block-tool-result ${block.isError ? 'is-error' : ''}`}>
          <div className="block-head">
            <span className="block-icon" aria-hidden="true">
              ↩
            </span>
            <b>{block.toolName ?? 'Tool'} result</b>
            <code className="muted">{block.toolUseId}</code>
            {block.isError && <span className="kind-badge kind-error">error</span>}
          </div>
          {block.text !== '' ? (
            <TextBlock text={block.text} />
          ) : (
            block.images.length === 0 && <p className="muted">(empty)</p>
          )}
          {block.images.length > 0 && (
            <div className="thumbs">
              {block.images.map((img, i) => (
                <ImageThumbnail key={i} image={img} />
              ))}
            </div>
          )}
        </div>
      );
    case 'image':
      return (
        <div className="block block-image">
          <ImageThumbnail image={block.image} />
        </div>
      );
    case 'document':
      return (
        <div className="block block-document">
          📄 {block.title}
          {block.mediaType && <span className="muted"> · {block.mediaType}</span>}
        </div>
      );
    case 'other':
      return (
        <div className="block block-other">
          <div className="block-head">
            <b>{block.type}</b>
          </div>
          <JsonViewer value={block.value} searchable={false} initialRows={20} />
        </div>
      );
  }
}
