/**
 * One row of the JSON tree: toggle, key, value preview, and copy actions on hover. An opened
 * long string shows as wrapped text with real line breaks (the way people read prompts).
 */
import { memo } from 'react';
import { formatPath, STRING_OPEN_LIMIT, valueAt, type JsonNodeRow } from '../../model/json-tree.ts';
import { CopyButton } from '../common/copy-button.tsx';

interface JsonRowViewProps {
  row: JsonNodeRow;
  root: unknown;
  match: boolean;
  current: boolean;
  onToggle(id: string): void;
}

export const JsonRowView = memo(function JsonRowView({
  row,
  root,
  match,
  current,
  onToggle,
}: JsonRowViewProps) {
  const isContainer = row.type === 'object' || row.type === 'array';
  const openString = row.type === 'string' && row.expanded;
  const toggle = row.expandable ? () => onToggle(row.id) : undefined;
  const text = openString ? (row.value as string) : '';
  return (
    <div
      role="treeitem"
      aria-expanded={row.expandable ? row.expanded : undefined}
      aria-level={row.depth + 1}
      className={`json-row ${match ? 'match' : ''} ${current ? 'current-match' : ''} ${openString ? 'open-string' : ''}`}
      style={{ paddingLeft: row.depth * 14 + 4 }}
    >
      <span
        className={`json-toggle ${row.expandable ? '' : 'leaf'}`}
        onClick={toggle}
        aria-hidden="true"
      >
        {row.expandable ? (row.expanded ? '▾' : '▸') : ''}
      </span>
      {row.label !== undefined && (
        <span
          className={typeof row.label === 'number' ? 'json-index' : 'json-key'}
          onClick={toggle}
        >
          {typeof row.label === 'number' ? row.label : JSON.stringify(row.label).slice(1, -1)}
          <span className="json-colon">: </span>
        </span>
      )}
      {openString ? (
        <span className="json-value json-string json-string-open">
          {text.length > STRING_OPEN_LIMIT
            ? `${text.slice(0, STRING_OPEN_LIMIT)}… (${text.length} chars; copy the value for all)`
            : text}
        </span>
      ) : (
        <span
          className={`json-value json-${row.type} ${isContainer ? 'json-summary' : ''}`}
          onClick={toggle}
        >
          {row.preview}
        </span>
      )}
      <span className="json-actions">
        <CopyButton
          text={() => formatPath(row.path)}
          label="path"
          title={`Copy path ${formatPath(row.path)}`}
        />
        <CopyButton
          text={() => {
            const v = valueAt(root, row.path);
            return typeof v === 'string' ? v : JSON.stringify(v, null, 2);
          }}
          label="value"
          title="Copy value"
        />
      </span>
    </div>
  );
});
