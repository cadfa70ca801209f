/**
 * How the settings service reaches persistent storage. The headless proxy uses a JSON file
 * (json-file-settings-store.ts); the Electron app will plug in electron-store with keys
 * encrypted by safeStorage, through the same interface and a `SecretCodec`.
 */
import type { Settings } from '../../../shared/settings/settings-schema.ts';

export type SettingsLoadResult =
  /** Nothing stored yet: a first run. */
  | { kind: 'missing' }
  | { kind: 'loaded'; settings: Settings; migratedFrom?: number }
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
