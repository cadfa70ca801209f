/**
 * The answer sent to the client: for a stream, the SSE event timeline with offsets and the
 * message rebuilt from the events the way the SDK does; otherwise the JSON body.
 */
import { useMemo } from 'react';
import type { TimedItem } from '../../../shared/traffic/exchange-record.ts';
import { reconstructAnthropicStream } from '../../model/anthropic-message-builder.ts';
import { isTimedList } from '../../model/json-shape.ts';
import { describeAnthropicEvent } from '../../model/stream-timeline.ts';
import { BodyView } from '../viewers/body-view.tsx';
import { JsonViewer } from '../viewers/json-viewer.tsx';
import { StreamTimelineViewer } from '../viewers/stream-timeline-viewer.tsx';
import { Loading } from './loading.tsx';
import type { TabProps } from './tab-props.ts';

export function AnthropicResponseTab({ summary, record }: TabProps) {
  const response = record?.anthropicResponse;
  const items = isTimedList(response) ? (response as TimedItem[]) : undefined;
  const rebuilt = useMemo(
    () => (items ? reconstructAnthropicStream(items.map((i) => i.data)) : undefined),
    [items],
  );
  if (!record) return <Loading />;
  if (!items || !rebuilt) {
    return (
      <BodyView
        value={response}
        label="Anthropic response"
        empty={
          summary.state === 'pending' || summary.state === 'streaming'
            ? 'Waiting for the answer…'
            : 'No response body.'
        }
      />
    );
  }
  return (
    <div className="stream-tab">
      <StreamTimelineViewer items={items} describe={describeAnthropicEvent} label="Events" />
      {rebuilt.problems.length > 0 && (
        <div className="notice notice-error">Protocol problems: {rebuilt.problems.join('; ')}</div>
      )}
      {rebuilt.error && (
        <div className="notice notice-error" role="alert">
          Stream ended with <b>{rebuilt.error.type}</b>: {rebuilt.error.message}
        </div>
      )}
      <div className="section-title">
        Reconstructed message{' '}
        {!rebuilt.complete && !rebuilt.error && <span className="muted">(so far)</span>}
      </div>
      <JsonViewer value={rebuilt.message} label="Message" />
    </div>
  );
}
