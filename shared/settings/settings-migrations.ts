/**
 * Brings a stored settings document up to SETTINGS_VERSION one step at a time, before it is
 * parsed. Each step takes the raw JSON of version N and returns version N + 1, so a file
 * written by any older build loads; a file from a newer build is refused (its fields would be
 * lost on the next save), and the caller then keeps the file untouched.
 *
 * Version 1 is the first format, so the list is empty for now; a document without a
 * `version` field is a hand-written version 1 file.
 */
import { SETTINGS_VERSION } from './settings-schema.ts';

export interface SettingsMigration {
  /** The version this step reads; it returns version `from + 1`. */
  from: number;
  migrate(doc: Record<string, unknown>): Record<string, unknown>;
}

export const SETTINGS_MIGRATIONS: readonly SettingsMigration[] = [];

export type MigrationResult =
  | { ok: true; doc: Record<string, unknown>; migratedFrom?: number }
  | { ok: false; message: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function migrateSettings(
  raw: unknown,
  migrations: readonly SettingsMigration[] = SETTINGS_MIGRATIONS,
  target: number = SETTINGS_VERSION,
): MigrationResult {
  if (!isRecord(raw)) return { ok: false, message: 'The settings document is not a JSON object.' };
  const version = raw.version ?? 1;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      ok: false,
      message: `"version" must be a positive integer, got ${JSON.stringify(version)}.`,
    };
  }
  if (version > target) {
    return {
      ok: false,
      message: `The settings were written by a newer version of Anthropic Proxy (format ${version}); this one reads up to format ${target}.`,
    };
  }
  let doc: Record<string, unknown> = { ...raw, version };
  for (let at = version; at < target; at++) {
    const step = migrations.find((migration) => migration.from === at);
    if (!step)
      return { ok: false, message: `No migration from settings format ${at} to ${at + 1}.` };
    doc = { ...step.migrate(doc), version: at + 1 };
  }
  return version === target ? { ok: true, doc } : { ok: true, doc, migratedFrom: version };
}
