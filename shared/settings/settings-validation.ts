/**
 * Turns every way a settings document can be wrong into field-level errors the form can show
 * next to the field: zod's structural issues, plus the cross-field rules zod cannot see
 * alone (unique ids, routes naming providers that exist, a client key when the proxy listens
 * beyond loopback). Paths are dotted with array
 * indexes ("providers.1.baseUrl", "routes.rules.0.target.provider") and always refer to the
 * document as submitted.
 */
import type { z } from 'zod';
import { exposedWithoutClientKey } from './listen-exposure.ts';
import { settingsSchema, type Settings } from './settings-schema.ts';

export interface FieldError {
  /** Dotted path into the submitted document; "" for the document as a whole. */
  path: string;
  message: string;
}

export type SettingsValidation =
  { ok: true; settings: Settings } | { ok: false; errors: FieldError[] };

/** One line for logs and error messages: "server.port: Port must be 0–65535; …". */
export function describeFieldErrors(errors: readonly FieldError[]): string {
  return errors.map((error) => `${error.path || '(settings)'}: ${error.message}`).join('; ');
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

export function issuesToFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

function duplicates<T>(items: readonly T[], key: (item: T) => string): number[] {
  const seen = new Set<string>();
  const repeated: number[] = [];
  items.forEach((item, index) => {
    const value = key(item);
    if (seen.has(value)) repeated.push(index);
    seen.add(value);
  });
  return repeated;
}

/** Cross-field rules of a structurally valid document. */
export function referenceErrors(settings: Settings): FieldError[] {
  const errors: FieldError[] = [];
  for (const index of duplicates(settings.providers, (provider) => provider.id)) {
    errors.push({ path: `providers.${index}.id`, message: 'Another provider already has this id' });
  }
  for (const index of duplicates(settings.routes.rules, (rule) => rule.id)) {
    errors.push({ path: `routes.rules.${index}.id`, message: 'Another rule already has this id' });
  }
  const known = new Set(settings.providers.map((provider) => provider.id));
  const checkProvider = (path: string, id: string) => {
    if (!known.has(id)) errors.push({ path, message: `No provider with id "${id}"` });
  };
  checkProvider('routes.big.provider', settings.routes.big.provider);
  checkProvider('routes.small.provider', settings.routes.small.provider);
  settings.routes.rules.forEach((rule, index) => {
    checkProvider(`routes.rules.${index}.target.provider`, rule.target.provider);
    if (rule.fallback)
      checkProvider(`routes.rules.${index}.fallback.provider`, rule.fallback.provider);
  });
  const exposed = exposedWithoutClientKey(settings.server);
  if (exposed !== undefined) errors.push({ path: 'server.clientKey', message: exposed });
  return errors;
}

export function validateSettings(input: unknown): SettingsValidation {
  const parsed = settingsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: issuesToFieldErrors(parsed.error.issues) };
  const errors = referenceErrors(parsed.data);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, settings: parsed.data };
}
