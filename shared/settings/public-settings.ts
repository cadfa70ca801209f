/**
 * The only shapes of settings that cross to the UI and back. Secrets (provider API keys, the
 * client key) go out as `{ set, last4 }` and never as text; on the way back a secret is kept
 * unless the form sends a `replace` value or clears it with `set: false`. So a GET → edit →
 * PUT round trip can never leak or lose a key, and the UI cannot even hold one it did not
 * type itself.
 *
 * A `SettingsUpdate` replaces whole sections: the sections it omits stay as they are.
 */
import { z } from 'zod';
import {
  inspectorSettingsSchema,
  LOG_LEVELS,
  providerSchema,
  routesSchema,
  serverSettingsSchema,
  type ProviderSettings,
  type ServerSettings,
  type Settings,
} from './settings-schema.ts';
import type { FieldError } from './settings-validation.ts';

/** Short keys would be mostly revealed by their last four characters. */
const LAST4_MIN_LENGTH = 12;

export const secretViewSchema = z.object({
  set: z.boolean(),
  last4: z.string().optional(),
});
export type SecretView = z.infer<typeof secretViewSchema>;

/** A secret as the form sends it back: the view it got, plus an optional new value. */
export const secretInputSchema = secretViewSchema.extend({
  replace: z.string().trim().min(1, { error: 'The new key is empty' }).optional(),
});
export type SecretInput = z.infer<typeof secretInputSchema>;

export function secretView(secret: string | undefined): SecretView {
  if (secret === undefined) return { set: false };
  return secret.length >= LAST4_MIN_LENGTH ? { set: true, last4: secret.slice(-4) } : { set: true };
}

export type PublicProvider = Omit<ProviderSettings, 'apiKey'> & { apiKey: SecretView };
export type PublicServerSettings = Omit<ServerSettings, 'clientKey'> & { clientKey: SecretView };

export interface PublicSettings extends Omit<Settings, 'server' | 'providers'> {
  server: PublicServerSettings;
  providers: PublicProvider[];
}

/**
 * Fields whose effective value comes from an environment variable, keyed "server.host",
 * "server.port", "logLevel", "routes.big", "routes.small" or "provider:<id>" (a provider the
 * environment defines as a whole); the value names the variable(s). The form shows these
 * read-only; a save keeps the stored value underneath.
 */
export type EnvOverrides = Record<string, string>;

export interface SettingsStorageInfo {
  /** Where the settings live, e.g. the JSON file path. */
  location: string;
  /**
   * False when a save would not be kept: the stored settings could not be read (and are left
   * untouched) or cannot be written. Changes then apply until the proxy stops.
   */
  writable: boolean;
  /** Why the stored settings were not used, or other news for the user. */
  message?: string;
}

/** GET /inspector/api/settings. */
export interface SettingsSnapshot {
  settings: PublicSettings;
  env: EnvOverrides;
  storage: SettingsStorageInfo;
}

export function toPublicSettings(settings: Settings): PublicSettings {
  const { clientKey, ...server } = settings.server;
  return {
    ...settings,
    server: { ...server, clientKey: secretView(clientKey) },
    providers: settings.providers.map(({ apiKey, ...provider }) => ({
      ...provider,
      apiKey: secretView(apiKey),
    })),
  };
}

export const providerInputSchema = providerSchema
  .omit({ apiKey: true })
  .extend({ apiKey: secretInputSchema });
export type ProviderInput = z.infer<typeof providerInputSchema>;

export const settingsUpdateSchema = z.object({
  server: serverSettingsSchema
    .omit({ clientKey: true })
    .extend({ clientKey: secretInputSchema })
    .optional(),
  providers: z.array(providerInputSchema).optional(),
  routes: routesSchema.optional(),
  inspector: inspectorSettingsSchema.optional(),
  logLevel: z.enum(LOG_LEVELS).optional(),
});
export type SettingsUpdate = z.input<typeof settingsUpdateSchema>;
export type ParsedSettingsUpdate = z.output<typeof settingsUpdateSchema>;

/** What a save answers: `saved` is false when the change is live but could not be stored. */
export type SaveSettingsResult =
  | { ok: true; saved: boolean; message?: string; snapshot: SettingsSnapshot }
  | { ok: false; errors: FieldError[] };

function resolveSecret(
  input: SecretInput,
  current: string | undefined,
  path: string,
  errors: FieldError[],
): string | undefined {
  if (input.replace !== undefined) return input.replace;
  if (!input.set) return undefined;
  if (current === undefined) errors.push({ path, message: 'No key is stored here yet: enter one' });
  return current;
}

/** A provider from the form, its key taken from the stored provider of the same id. */
export function resolveProviderInput(
  input: ProviderInput,
  current: ProviderSettings | undefined,
  path: string,
  errors: FieldError[],
): ProviderSettings {
  const { apiKey, ...rest } = input;
  const key = resolveSecret(apiKey, current?.apiKey, `${path}.apiKey`, errors);
  return key === undefined ? rest : { ...rest, apiKey: key };
}

/**
 * Applies a parsed update to the current settings, resolving secrets. The result still
 * needs `validateSettings`; errors here are about secrets that the form claims exist but
 * the proxy does not hold.
 */
export function applySettingsUpdate(
  current: Settings,
  update: ParsedSettingsUpdate,
): { candidate: Settings; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const candidate: Settings = { ...current };
  if (update.server) {
    const { clientKey, ...server } = update.server;
    const key = resolveSecret(clientKey, current.server.clientKey, 'server.clientKey', errors);
    candidate.server = key === undefined ? server : { ...server, clientKey: key };
  }
  if (update.providers) {
    const byId = new Map(current.providers.map((provider) => [provider.id, provider]));
    candidate.providers = update.providers.map((provider, index) =>
      resolveProviderInput(provider, byId.get(provider.id), `providers.${index}`, errors),
    );
  }
  if (update.routes) candidate.routes = update.routes;
  if (update.inspector) candidate.inspector = update.inspector;
  if (update.logLevel) candidate.logLevel = update.logLevel;
  return { candidate, errors };
}
