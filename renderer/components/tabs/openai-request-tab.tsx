/** The OpenAI request as sent upstream, with where it went. */
import { BodyView } from '../viewers/body-view.tsx';
import { Loading } from './loading.tsx';
import type { TabProps } from './tab-props.ts';

export function OpenAiRequestTab({ summary, record }: TabProps) {
  if (!record) return <Loading />;
  return (
    <div>
      {record.upstreamUrl && (
        <p className="mono upstream-line">
          POST <code>{record.upstreamUrl}</code>
        </p>
      )}
      <BodyView
        value={record.openaiRequest}
        label="OpenAI request (as sent upstream)"
        empty={
          summary.state === 'pending'
            ? 'Not sent yet.'
            : 'No upstream request was sent (the call failed before it, or was answered locally).'
        }
      />
    </div>
  );
}
