/**
 * The settings form's working copy and what can be derived from it without the server:
 * conversion from the snapshot, inline validation with the shared schema (so the form shows
 * the same field errors a save would), and the unsaved-changes test. Secrets stay
 * `{ set, last4, replace? }` here; the text of a stored key never reaches the UI.
 */
import type {
  ProviderInput,
  PublicServerSettings,
  SecretInput,
  SettingsSnapshot,
} from '../../shared/settings/public-settings.ts';
import type {
  InspectorSettings,
  LogLevel,
  RoutesSettings,
  Settings,
} from '../../shared/settings/settings-schema.ts';
import { validateSettings, type FieldError } from '../../shared/settings/settings-validation.ts';

export interface SettingsDraft {
  server: Omit<PublicServerSettings, 'clientKey'> & { clientKey: SecretInput };
  providers: ProviderInput[];
  routes: RoutesSettings;
  inspector: InspectorSettings;
  logLevel: LogLevel;
}

export function draftFromSnapshot(snapshot: SettingsSnapshot): SettingsDraft {
  const { server, providers, routes, inspector, logLevel } = snapshot.settings;
  return structuredClone({ server, providers, routes, inspector, logLevel });
}

/** Stands in for a key during validation; it never leaves this module. */
const PLACEHOLDER_SECRET = 'placeholder-secret';

function secretForValidation(secret: SecretInput): string | undefined {
  return secret.replace ?? (secret.set ? PLACEHOLDER_SECRET : undefined);
}

function draftAsSettings(draft: SettingsDraft, version: number): Settings {
  const { clientKey, ...server } = draft.server;
  const serverKey = secretForValidation(clientKey);
  return {
    ...draft,
    version: version as Settings['version'],
    server: serverKey === undefined ? server : { ...server, clientKey: serverKey },
    providers: draft.providers.map(({ apiKey, ...provider }) => {
      const key = secretForValidation(apiKey);
      return key === undefined ? provider : { ...provider, apiKey: key };
    }),
  };
}

/** The errors a save would report for this draft (except secrets only the proxy can check). */
export function validateDraft(draft: SettingsDraft, version: number): FieldError[] {
  const result = validateSettings(draftAsSettings(draft, version));
  return result.ok ? [] : result.errors;
}

export function sameDraft(a: SettingsDraft | undefined, b: SettingsDraft | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Errors keyed by path, the first message per field. */
export function errorsByPath(errors: readonly FieldError[]): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const error of errors) if (!map.has(error.path)) map.set(error.path, error.message);
  return map;
}
