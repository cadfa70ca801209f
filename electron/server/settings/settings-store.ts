/**
 * How the settings service reaches persistent storage. The headless proxy uses a JSON file
 * (json-file-settings-store.ts); the Electron app will plug in electron-store with keys
 * encrypted by safeStorage, through the same interface and a `SecretCodec`.
 */
import { migrateSettings } from '../../../shared/settings/settings-migrations.ts';
import { settingsSchema, type Settings } from '../../../shared/settings/settings-schema.ts';
import { mapSettingsSecrets } from '../../../shared/settings/settings-secrets.ts';
import {
  describeFieldErrors,
  issuesToFieldErrors,
} from '../../../shared/settings/settings-validation.ts';

export type SettingsLoadResult =
  /** Nothing stored yet: a first run. `notWritable`: why nothing could be stored either. */
  | { kind: 'missing'; notWritable?: string }
  /** `notWritable`: why a save would fail (the settings are used, changes are not kept). */
  | { kind: 'loaded'; settings: Settings; migratedFrom?: number; notWritable?: string }
  /**
   * Something is stored but cannot be used (unreadable, not JSON, invalid, from a newer
   * version). The service starts from defaults and must not overwrite it.
   */
  | { kind: 'unusable'; message: string };

export interface SettingsStore {
  /** Shown to the user, e.g. the file path. */
  readonly location: string;
  load(): Promise<SettingsLoadResult>;
  /** Replaces what is stored, all or nothing; rejects when it could not. */
  save(settings: Settings): Promise<void>;
}

/** Encrypts secrets at rest; stores apply it to every secret field on save and load. */
export interface SecretCodec {
  encode(secret: string): string;
  /** Throws when the stored value cannot be decoded (e.g. another machine's key). */
  decode(stored: string): string;
}

/** Plain text: the file itself is private to the user (mode 0600). */
export const plainSecretCodec: SecretCodec = {
  encode: (secret) => secret,
  decode: (stored) => stored,
};

/**
 * From a stored document (parsed JSON, whichever store it came from) to what `load()`
 * answers: migrated to the current version, validated, every secret decoded.
 */
export function decodeStoredSettings(raw: unknown, codec: SecretCodec): SettingsLoadResult {
  const migrated = migrateSettings(raw);
  if (!migrated.ok) return { kind: 'unusable', message: migrated.message };
  const parsed = settingsSchema.safeParse(migrated.doc);
  if (!parsed.success) {
    const fields = describeFieldErrors(issuesToFieldErrors(parsed.error.issues));
    return { kind: 'unusable', message: `has invalid settings (${fields})` };
  }
  let settings: Settings;
  try {
    settings = mapSettingsSecrets(parsed.data, (secret) => codec.decode(secret));
  } catch (error) {
    return {
      kind: 'unusable',
      message: `holds keys that cannot be decrypted here (${(error as Error).message})`,
    };
  }
  return migrated.migratedFrom === undefined
    ? { kind: 'loaded', settings }
    : { kind: 'loaded', settings, migratedFrom: migrated.migratedFrom };
}
