/**
 * A recorded body: the JSON viewer, or, when the recorder cut the body to fit its memory
 * budget, a notice with the size and the preview it kept.
 */
import { isTruncatedBody } from '../../../shared/traffic/exchange-record.ts';
import { formatBytes } from '../../model/format.ts';
import { TextBlock } from '../common/text-block.tsx';
import { JsonViewer } from './json-viewer.tsx';

export function BodyView({
  value,
  label,
  empty,
}: {
  value: unknown;
  label: string;
  empty: string;
}) {
  if (value === undefined) return <p className="muted">{empty}</p>;
  if (isTruncatedBody(value)) {
    return (
      <div>
        <div className="notice notice-warning">
          The recorder kept only the start of this body ({formatBytes(value.originalBytes)} in all)
          to stay within its memory budget. The proxied traffic itself was not truncated.
        </div>
        {value.preview && <TextBlock text={value.preview} className="mono" />}
      </div>
    );
  }
  return <JsonViewer value={value} label={label} />;
}
