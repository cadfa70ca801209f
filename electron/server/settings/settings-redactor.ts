/**
 * A redactor that always knows the current keys: a key saved in the settings form is masked
 * from the very next log line or error message. It is rebuilt only when the settings object
 * changes (the service replaces it on every update), so the hot path pays a reference check.
 */
import { settingsSecrets } from '../../../shared/settings/settings-secrets.ts';
import type { Settings } from '../../../shared/settings/settings-schema.ts';
import { createRedactor, type Redactor } from '../secret-redactor.ts';

export function settingsRedactor(
  settings: () => Settings,
  fixedSecrets: readonly string[] = [],
): Redactor {
  let seen: Settings | undefined;
  let redact: Redactor = (text) => text;
  return (text) => {
    const current = settings();
    if (current !== seen) {
      seen = current;
      redact = createRedactor([...fixedSecrets, ...settingsSecrets(current)]);
    }
    return redact(text);
  };
}
