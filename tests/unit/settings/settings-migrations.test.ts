import { describe, expect, it } from 'vitest';
import {
  migrateSettings,
  type SettingsMigration,
} from '../../../shared/settings/settings-migrations.ts';
import { SETTINGS_VERSION } from '../../../shared/settings/settings-schema.ts';

describe('migrateSettings', () => {
  it('returns a current document unchanged and without migratedFrom', () => {
    const doc = { version: SETTINGS_VERSION, logLevel: 'info' };
    expect(migrateSettings(doc)).toEqual({ ok: true, doc });
  });

  it('reads a document without a version as format 1', () => {
    expect(migrateSettings({ logLevel: 'info' }, [], 1)).toEqual({
      ok: true,
      doc: { logLevel: 'info', version: 1 },
    });
  });

  it('chains the steps in order up to the target and reports the source version', () => {
    const steps: SettingsMigration[] = [
      { from: 2, migrate: (doc) => ({ ...doc, trail: [...(doc.trail as string[]), '2→3'] }) },
      { from: 1, migrate: (doc) => ({ ...doc, trail: ['1→2'] }) },
    ];
    expect(migrateSettings({ version: 1 }, steps, 3)).toEqual({
      ok: true,
      doc: { version: 3, trail: ['1→2', '2→3'] },
      migratedFrom: 1,
    });
  });

  it('refuses a document from a newer version', () => {
    const result = migrateSettings({ version: 9 }, [], 1);
    expect(result).toEqual({ ok: false, message: expect.stringContaining('newer version') });
  });

  it('refuses a gap in the migration chain', () => {
    expect(migrateSettings({ version: 1 }, [], 2)).toEqual({
      ok: false,
      message: 'No migration from settings format 1 to 2.',
    });
  });

  it('refuses what is not an object or has a bad version', () => {
    expect(migrateSettings([1, 2]).ok).toBe(false);
    expect(migrateSettings(null).ok).toBe(false);
    expect(migrateSettings({ version: '1' }).ok).toBe(false);
    expect(migrateSettings({ version: 0 }).ok).toBe(false);
  });
});
