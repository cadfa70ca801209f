/**
 * Extra HTTP headers of a provider as editable name/value rows. Rows are kept as a list
 * while editing so a half-typed duplicate name does not swallow another row.
 */
import { useState } from 'react';
import { useFieldState } from './settings-context.tsx';

interface KeyValueEditorProps {
  label: string;
  path: string;
  value: Record<string, string>;
  onChange(value: Record<string, string>): void;
  readOnly?: boolean;
}

type Row = [name: string, value: string];

export function KeyValueEditor({ label, path, value, onChange, readOnly }: KeyValueEditorProps) {
  const [rows, setRows] = useState<Row[]>(() => Object.entries(value));
  const { error } = useFieldState(path);
  const commit = (next: Row[]) => {
    setRows(next);
    onChange(Object.fromEntries(next.filter(([name]) => name.trim() !== '')));
  };
  return (
    <fieldset className="settings-kv">
      <legend>{label}</legend>
      {rows.map(([name, text], index) => (
        <KeyValueRow
          key={index}
          path={`${path}.${name}`}
          name={name}
          text={text}
          readOnly={readOnly}
          onChange={(row) => commit(rows.with(index, row))}
          onRemove={() => commit(rows.filter((_, at) => at !== index))}
        />
      ))}
      {!readOnly && (
        <button
          type="button"
          className="btn btn-small"
          onClick={() => setRows([...rows, ['', '']])}
        >
          Add header
        </button>
      )}
      {error && <span className="settings-error">{error}</span>}
    </fieldset>
  );
}

interface KeyValueRowProps {
  path: string;
  name: string;
  text: string;
  readOnly?: boolean;
  onChange(row: Row): void;
  onRemove(): void;
}

function KeyValueRow({ path, name, text, readOnly, onChange, onRemove }: KeyValueRowProps) {
  const { error } = useFieldState(path);
  return (
    <div className="settings-kv-row">
      <input
        className="input input-small mono"
        aria-label="Header name"
        value={name}
        readOnly={readOnly}
        placeholder="X-Header"
        onChange={(e) => onChange([e.target.value, text])}
      />
      <input
        className="input input-small mono"
        aria-label="Header value"
        value={text}
        readOnly={readOnly}
        onChange={(e) => onChange([name, e.target.value])}
      />
      {!readOnly && (
        <button
          type="button"
          className="btn btn-small"
          aria-label={`Remove header ${name}`}
          onClick={onRemove}
        >
          ×
        </button>
      )}
      {error && <span className="settings-error">{error}</span>}
    </div>
  );
}
