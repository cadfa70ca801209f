/** The Anthropic request exactly as the client sent it. */
import { BodyView } from '../viewers/body-view.tsx';
import { Loading } from './loading.tsx';
import type { TabProps } from './tab-props.ts';

export function AnthropicRequestTab({ record }: TabProps) {
  if (!record) return <Loading />;
  return (
    <BodyView
      value={record.anthropicRequest}
      label="Anthropic request (as received)"
      empty="No request body."
    />
  );
}
