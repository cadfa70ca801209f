/**
 * The proxy's single source of truth for settings at run time. It loads the store once,
 * lays the environment over it, and hands out the effective settings; `update` validates a
 * change against the whole document, stores it, and only then makes it current and tells
 * the subscribers (the proxy server rebinding its port, the log level, the UI). A rejected
 * or unsaved update changes nothing.
 *
 * Effective settings are frozen and replaced wholesale, so a call that read them keeps a
 * consistent view even while a save lands.
 */
import {
  applySettingsUpdate,
  settingsUpdateSchema,
  toPublicSettings,
  type SettingsSnapshot,
  type SettingsStorageInfo,
} from '../../../shared/settings/public-settings.ts';
import { ENV_PROVIDER_ID } from '../../../shared/settings/settings-defaults.ts';
import type { Settings } from '../../../shared/settings/settings-schema.ts';
import {
  issuesToFieldErrors,
  referenceErrors,
  validateSettings,
  type FieldError,
} from '../../../shared/settings/settings-validation.ts';
import { firstRunSettings, overlayEnv, withoutEnv, type EnvSettings } from './env-overlay.ts';
import type { SettingsStore } from './settings-store.ts';

export type SettingsUpdateResult =
  { ok: true; saved: boolean; message?: string } | { ok: false; errors: FieldError[] };

export type SettingsListener = (settings: Settings, previous: Settings) => void;

export interface SettingsService {
  /** The effective settings (stored + environment), secrets included. Never mutate. */
  get(): Settings;
  /** The secret-free view for the UI. */
  snapshot(): SettingsSnapshot;
  update(patch: unknown): Promise<SettingsUpdateResult>;
  /** Called after every applied update; returns the unsubscribe function. */
  subscribe(listener: SettingsListener): () => void;
}

export interface SettingsServiceOptions {
  store: SettingsStore;
  env?: EnvSettings;
  /** Told about problems the user should see in the log (unusable file, dangling routes). */
  warn?: (message: string) => void;
  /**
   * Applies what cannot be read per call (the listener's address) before a valid update is
   * stored; errors it returns refuse the update, which then changes nothing. Called again
   * with the roles swapped when the store then fails, to undo it.
   */
  prepare?: (next: Settings, previous: Settings) => Promise<FieldError[]>;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

export async function openSettingsService(
  options: SettingsServiceOptions,
): Promise<SettingsService> {
  const { store } = options;
  const env: EnvSettings = options.env ?? { overrides: {} };
  const warn = options.warn ?? (() => undefined);
  const loaded = await store.load();

  let stored: Settings;
  let storage: SettingsStorageInfo = { location: store.location, writable: true };
  switch (loaded.kind) {
    case 'missing':
      stored = firstRunSettings(env);
      break;
    case 'loaded':
      stored = loaded.settings;
      if (loaded.migratedFrom !== undefined) {
        storage.message = `Settings were upgraded from format ${loaded.migratedFrom}; the file is rewritten on the next save.`;
      }
      break;
    case 'unusable':
      stored = firstRunSettings(env);
      storage = {
        location: store.location,
        writable: false,
        message: `The settings file ${store.location} ${loaded.message}. Starting with defaults; the file is left untouched. Fix or move it away, then restart.`,
      };
      break;
  }
  if (loaded.kind !== 'unusable' && loaded.notWritable !== undefined) {
    storage = {
      location: store.location,
      writable: false,
      message: [
        storage.message,
        `The settings file ${store.location} cannot be written (${loaded.notWritable}). Changes made while the proxy runs apply until it stops and are not saved; fix the permissions, then restart.`,
      ]
        .filter(Boolean)
        .join(' '),
    };
  }

  let effective = deepFreeze(overlayEnv(stored, env));
  const dangling = referenceErrors(effective);
  if (dangling.length > 0) {
    const detail = dangling.map((error) => `${error.path}: ${error.message}`).join('; ');
    storage.message = [storage.message, `Some settings need attention: ${detail}.`]
      .filter(Boolean)
      .join(' ');
  }
  if (storage.message) warn(storage.message);

  const listeners = new Set<SettingsListener>();
  let queue: Promise<unknown> = Promise.resolve();

  async function apply(patch: unknown): Promise<SettingsUpdateResult> {
    const parsed = settingsUpdateSchema.safeParse(patch);
    if (!parsed.success) return { ok: false, errors: issuesToFieldErrors(parsed.error.issues) };
    const { candidate, errors } = applySettingsUpdate(effective, parsed.data);
    if (!env.provider && candidate.providers.some((provider) => provider.id === ENV_PROVIDER_ID)) {
      const index = candidate.providers.findIndex((provider) => provider.id === ENV_PROVIDER_ID);
      errors.push({
        path: `providers.${index}.id`,
        message: `"${ENV_PROVIDER_ID}" is kept for the provider set by the environment`,
      });
    }
    const validation = validateSettings(overlayEnv(candidate, env));
    if (!validation.ok) errors.push(...validation.errors);
    if (!validation.ok || errors.length > 0) return { ok: false, errors };

    const nextStored = withoutEnv(validation.settings, stored, env);
    const refused = (await options.prepare?.(validation.settings, effective)) ?? [];
    if (refused.length > 0) return { ok: false, errors: refused };
    let saved = true;
    let message: string | undefined;
    if (storage.writable) {
      try {
        await store.save(nextStored);
      } catch (error) {
        await options.prepare?.(effective, validation.settings);
        return {
          ok: false,
          errors: [
            { path: '', message: `Could not save the settings: ${(error as Error).message}` },
          ],
        };
      }
    } else {
      saved = false;
      message = `Applied until the proxy stops, not saved: ${storage.location} is left untouched.`;
    }
    const previous = effective;
    stored = nextStored;
    effective = deepFreeze(validation.settings);
    if (saved) storage = { location: store.location, writable: true };
    for (const listener of listeners) {
      try {
        listener(effective, previous);
      } catch (error) {
        warn(`A settings listener failed: ${(error as Error).message}`);
      }
    }
    return message === undefined ? { ok: true, saved } : { ok: true, saved, message };
  }

  return {
    get: () => effective,
    snapshot: () => ({ settings: toPublicSettings(effective), env: env.overrides, storage }),
    update(patch) {
      const run = queue.then(() => apply(patch));
      queue = run.catch(() => undefined);
      return run;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
