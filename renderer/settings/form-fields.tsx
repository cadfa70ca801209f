/**
 * Small labelled inputs for the settings form. Each shows its field error (looked up by the
 * same dotted path the schema reports) and, when an environment variable pins the field,
 * turns read-only with a "set by the environment" note.
 */
import { useId, useState, type ReactNode } from 'react';
import { useFieldState } from './settings-context.tsx';

interface FieldFrameProps {
  label: string;
  /** Dotted schema path used for error lookup, e.g. "providers.0.baseUrl". */
  path: string;
  /** Key of the env overrides map ("server.port") when the environment may pin this field. */
  envKey?: string;
  hint?: ReactNode;
  children: (props: { id: string; locked: boolean; invalid: boolean }) => ReactNode;
}

export function FieldFrame({ label, path, envKey, hint, children }: FieldFrameProps) {
  const id = useId();
  const { error, envVariable } = useFieldState(path, envKey);
  return (
    <div className={`settings-field${error ? ' settings-field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, locked: envVariable !== undefined, invalid: error !== undefined })}
      {envVariable !== undefined && (
        <span className="settings-env-note">Set by the environment ({envVariable})</span>
      )}
      {hint && <span className="settings-hint">{hint}</span>}
      {error && (
        <span className="settings-error" role="alert" data-error-path={path}>
          {error}
        </span>
      )}
    </div>
  );
}

interface TextFieldProps {
  label: string;
  path: string;
  value: string;
  onChange(value: string): void;
  envKey?: string;
  placeholder?: string;
  hint?: ReactNode;
  /** id of a <datalist> for autocomplete. */
  list?: string;
  readOnly?: boolean;
  type?: 'text' | 'url' | 'password';
}

export function TextField({
  label,
  path,
  value,
  onChange,
  envKey,
  placeholder,
  hint,
  list,
  readOnly,
  type,
}: TextFieldProps) {
  return (
    <FieldFrame label={label} path={path} envKey={envKey} hint={hint}>
      {({ id, locked, invalid }) => (
        <input
          id={id}
          className="input"
          type={type ?? 'text'}
          value={value}
          placeholder={placeholder}
          list={list}
          readOnly={readOnly || locked}
          aria-invalid={invalid}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FieldFrame>
  );
}

interface NumberFieldProps {
  label: string;
  path: string;
  value: number | undefined;
  /** Receives NaN for text that is not a number, so validation can say so. */
  onChange(value: number | undefined): void;
  envKey?: string;
  hint?: ReactNode;
  min?: number;
  max?: number;
  placeholder?: string;
}

export function NumberField({
  label,
  path,
  value,
  onChange,
  envKey,
  hint,
  min,
  max,
  placeholder,
}: NumberFieldProps) {
  // Keep the typed text so "80" on the way to "8080" or a stray "-" is not rewritten.
  const [text, setText] = useState(value === undefined || Number.isNaN(value) ? '' : String(value));
  const shown =
    Number(text) === value || (text === '' && value === undefined) ? text : String(value ?? '');
  return (
    <FieldFrame label={label} path={path} envKey={envKey} hint={hint}>
      {({ id, locked, invalid }) => (
        <input
          id={id}
          className="input"
          type="number"
          inputMode="numeric"
          value={shown}
          min={min}
          max={max}
          placeholder={placeholder}
          readOnly={locked}
          aria-invalid={invalid}
          onChange={(event) => {
            setText(event.target.value);
            const raw = event.target.value.trim();
            onChange(raw === '' ? undefined : Number(raw));
          }}
        />
      )}
    </FieldFrame>
  );
}

interface SelectFieldProps<T extends string> {
  label: string;
  path: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange(value: T): void;
  envKey?: string;
  hint?: ReactNode;
  readOnly?: boolean;
}

export function SelectField<T extends string>({
  label,
  path,
  value,
  options,
  onChange,
  envKey,
  hint,
  readOnly,
}: SelectFieldProps<T>) {
  return (
    <FieldFrame label={label} path={path} envKey={envKey} hint={hint}>
      {({ id, locked, invalid }) => (
        <select
          id={id}
          className="select"
          value={value}
          disabled={readOnly || locked}
          aria-invalid={invalid}
          onChange={(event) => onChange(event.target.value as T)}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

interface ListFieldProps {
  label: string;
  path: string;
  value: readonly string[];
  onChange(value: string[]): void;
  readOnly?: boolean;
  hint?: ReactNode;
}

function parseList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** A comma-separated list; the typed text is kept so a trailing comma survives typing. */
export function ListField({ label, path, value, onChange, readOnly, hint }: ListFieldProps) {
  const [text, setText] = useState(value.join(', '));
  const shown = parseList(text).join('\u0000') === value.join('\u0000') ? text : value.join(', ');
  return (
    <FieldFrame label={label} path={path} hint={hint}>
      {({ id, invalid }) => (
        <input
          id={id}
          className="input"
          value={shown}
          readOnly={readOnly}
          aria-invalid={invalid}
          spellCheck={false}
          onChange={(event) => {
            setText(event.target.value);
            onChange(parseList(event.target.value));
          }}
        />
      )}
    </FieldFrame>
  );
}

interface CheckboxFieldProps {
  label: string;
  path: string;
  checked: boolean;
  onChange(checked: boolean): void;
}

export function CheckboxField({ label, path, checked, onChange }: CheckboxFieldProps) {
  const id = useId();
  const { error } = useFieldState(path);
  return (
    <div className="settings-field settings-field--checkbox">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {error && <span className="settings-error">{error}</span>}
    </div>
  );
}
