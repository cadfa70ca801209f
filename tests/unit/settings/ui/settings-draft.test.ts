import { describe, expect, it } from 'vitest';
import {
  toPublicSettings,
  type SettingsSnapshot,
} from '../../../../shared/settings/public-settings.ts';
import { SETTINGS_VERSION } from '../../../../shared/settings/settings-schema.ts';
import {
  draftFromSnapshot,
  errorsByPath,
  sameDraft,
  validateDraft,
} from '../../../../renderer/settings/settings-draft.ts';
import { sampleSettings } from '../settings-fixtures.ts';

function snapshot(): SettingsSnapshot {
  return {
    settings: toPublicSettings(sampleSettings()),
    env: {},
    storage: { location: 'memory', writable: true },
  };
}

describe('settings draft', () => {
  it('starts as a copy of the snapshot without the version', () => {
    const draft = draftFromSnapshot(snapshot());
    expect(draft).not.toHaveProperty('version');
    draft.routes.big.model = 'changed';
    expect(snapshot().settings.routes.big.model).toBe('openai/gpt-4.1');
  });

  it('finds no errors in saved settings and a changed draft is no longer the same', () => {
    const base = draftFromSnapshot(snapshot());
    expect(validateDraft(base, SETTINGS_VERSION)).toEqual([]);
    const edited = structuredClone(base);
    expect(sameDraft(base, edited)).toBe(true);
    edited.logLevel = 'trace';
    expect(sameDraft(base, edited)).toBe(false);
  });

  it('reports the same field errors a save would, by path', () => {
    const draft = draftFromSnapshot(snapshot());
    draft.server.port = Number.NaN;
    draft.routes.rules[0]!.target.provider = 'removed';
    const errors = validateDraft(draft, SETTINGS_VERSION);
    expect(errors.map((error) => error.path)).toEqual(['server.port']);
    draft.server.port = 8080;
    expect(validateDraft(draft, SETTINGS_VERSION)).toEqual([
      { path: 'routes.rules.0.target.provider', message: 'No provider with id "removed"' },
    ]);
  });

  it('flags an empty replacement key but accepts a stored one', () => {
    const draft = draftFromSnapshot(snapshot());
    expect(validateDraft(draft, SETTINGS_VERSION)).toEqual([]);
    draft.providers[0]!.apiKey = { set: true, last4: '1234', replace: '' };
    expect(validateDraft(draft, SETTINGS_VERSION)).toEqual([
      { path: 'providers.0.apiKey', message: 'Enter a key' },
    ]);
  });

  it('keeps the first message per path', () => {
    const map = errorsByPath([
      { path: 'a', message: 'first' },
      { path: 'a', message: 'second' },
    ]);
    expect(map.get('a')).toBe('first');
  });
});
