/**
 * A key in the form: it shows only whether one is stored (and its last four characters).
 * "Replace" opens an empty password box; what the user types goes to the proxy on save and
 * is never shown again. The box is uncontrolled, so React does not mirror the typed key
 * into a `value` attribute of the page.
 */
import { useId } from 'react';
import type { SecretInput } from '../../shared/settings/public-settings.ts';
import { useFieldState } from './settings-context.tsx';

interface SecretFieldProps {
  label: string;
  path: string;
  value: SecretInput;
  onChange(value: SecretInput): void;
  envKey?: string;
  /** Locked by the caller (a provider the environment defines). */
  lockedBy?: string;
  /** What "not set" means here, e.g. "calls need no key". */
  emptyHint?: string;
}

function describe(secret: SecretInput): string {
  if (!secret.set) return 'Not set';
  return secret.last4 ? `Set (…${secret.last4})` : 'Set';
}

export function SecretField({
  label,
  path,
  value,
  onChange,
  envKey,
  lockedBy,
  emptyHint,
}: SecretFieldProps) {
  const id = useId();
  const { error, envVariable } = useFieldState(path, envKey);
  const locked = lockedBy ?? envVariable;
  const replacing = value.replace !== undefined;
  const { replace: _replace, ...kept } = value;
  return (
    <div className={`settings-field settings-secret${error ? ' settings-field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {replacing ? (
        <span className="settings-secret-row">
          <input
            id={id}
            className="input"
            type="password"
            autoComplete="new-password"
            autoFocus
            placeholder="Paste the new key"
            aria-invalid={error !== undefined}
            onChange={(event) => onChange({ ...kept, replace: event.target.value })}
          />
          <button type="button" className="btn btn-small" onClick={() => onChange(kept)}>
            Cancel
          </button>
        </span>
      ) : (
        <span className="settings-secret-row" id={id}>
          <span
            className={`settings-secret-state settings-secret-state--${value.set ? 'set' : 'unset'}`}
            data-testid="secret-state"
          >
            {describe(value)}
          </span>
          {locked === undefined && (
            <>
              <button
                type="button"
                className="btn btn-small"
                onClick={() => onChange({ ...value, replace: '' })}
              >
                {value.set ? 'Replace' : 'Set key'}
              </button>
              {value.set && (
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={() => onChange({ set: false })}
                >
                  Remove
                </button>
              )}
            </>
          )}
        </span>
      )}
      {!value.set && !replacing && emptyHint && <span className="settings-hint">{emptyHint}</span>}
      {locked !== undefined && (
        <span className="settings-env-note">Set by the environment ({locked})</span>
      )}
      {error && (
        <span className="settings-error" role="alert" data-error-path={path}>
          {error}
        </span>
      )}
    </div>
  );
}
