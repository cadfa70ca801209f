/**
 * The upstream's answer: for a stream, the chunk timeline with arrival offsets and the
 * completion rebuilt from the chunks; otherwise the JSON body.
 */
import { useMemo } from 'react';
import type { TimedItem } from '../../../shared/traffic/exchange-record.ts';
import { isTimedList } from '../../model/json-shape.ts';
import { reconstructOpenAiStream } from '../../model/openai-completion-builder.ts';
import { describeOpenAiChunk } from '../../model/stream-timeline.ts';
import { BodyView } from '../viewers/body-view.tsx';
import { JsonViewer } from '../viewers/json-viewer.tsx';
import { StreamTimelineViewer } from '../viewers/stream-timeline-viewer.tsx';
import { Loading } from './loading.tsx';
import type { TabProps } from './tab-props.ts';

export function OpenAiResponseTab({ summary, record }: TabProps) {
  const response = record?.openaiResponse;
  const items = isTimedList(response) ? (response as TimedItem[]) : undefined;
  const rebuilt = useMemo(
    () => (items ? reconstructOpenAiStream(items.map((i) => i.data)) : undefined),
    [items],
  );
  if (!record) return <Loading />;
  if (!items) {
    return (
      <BodyView
        value={response}
        label="OpenAI response"
        empty={
          summary.state === 'pending' || summary.state === 'streaming'
            ? 'Waiting for the upstream…'
            : 'No upstream response.'
        }
      />
    );
  }
  return (
    <div className="stream-tab">
      <StreamTimelineViewer items={items} describe={describeOpenAiChunk} label="Chunks" />
      <div className="section-title">Rebuilt from the chunks</div>
      <JsonViewer value={rebuilt} label="Accumulated completion" />
    </div>
  );
}
