/**
 * The desktop app's SettingsStore (the interface the settings service reads and writes
 * through): the settings document lives in an electron-store file in the app's user data
 * folder, written atomically with mode 0600, and every secret in it (provider API keys, the
 * client key) is encrypted by the SecretCodec (safeStorage in the app) before it is written.
 *
 * As with the headless JSON store, a file that exists but cannot be used (not JSON, invalid,
 * from a newer version, keys this machine cannot decrypt) is reported as `unusable` and is
 * never overwritten afterwards.
 */
import type ElectronStore from 'electron-store';
import type { Settings } from '../../shared/settings/settings-schema.ts';
import { mapSettingsSecrets } from '../../shared/settings/settings-secrets.ts';
import {
  decodeStoredSettings,
  type SecretCodec,
  type SettingsLoadResult,
  type SettingsStore,
} from '../server/settings/settings-store.ts';

type RawStore = ElectronStore<Record<string, unknown>>;

export interface ElectronSettingsStoreOptions {
  /** Opens the electron-store; it parses the file, so a damaged file throws here. */
  open(): RawStore;
  /** Where the file is, shown to the user (the store's path). */
  location: string;
  codec: SecretCodec;
}

export class ElectronSettingsStore implements SettingsStore {
  readonly location: string;
  readonly #options: ElectronSettingsStoreOptions;
  #store: RawStore | undefined;
  /** Set once a load found an unusable file: from then on saves are refused. */
  #blocked = false;

  constructor(options: ElectronSettingsStoreOptions) {
    this.#options = options;
    this.location = options.location;
  }

  async load(): Promise<SettingsLoadResult> {
    const result = this.#read();
    this.#blocked = result.kind === 'unusable';
    return result;
  }

  #read(): SettingsLoadResult {
    let raw: Record<string, unknown>;
    try {
      this.#store = this.#options.open();
      raw = this.#store.store;
    } catch (error) {
      return { kind: 'unusable', message: `cannot be read (${(error as Error).message})` };
    }
    // electron-store reads a missing file as an empty document.
    if (Object.keys(raw).length === 0) return { kind: 'missing' };
    return decodeStoredSettings(raw, this.#options.codec);
  }

  async save(settings: Settings): Promise<void> {
    if (this.#blocked) {
      throw new Error(
        `${this.location} could not be read at start, so it is left untouched; fix or move it, then restart`,
      );
    }
    // Encode first: if a key cannot be encrypted, nothing is written.
    const encoded = mapSettingsSecrets(settings, (secret) => this.#options.codec.encode(secret));
    this.#store ??= this.#options.open();
    this.#store.store = encoded as unknown as Record<string, unknown>;
  }
}
