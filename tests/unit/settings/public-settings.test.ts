import { describe, expect, it } from 'vitest';
import {
  applySettingsUpdate,
  secretView,
  settingsUpdateSchema,
  toPublicSettings,
  type SettingsUpdate,
} from '../../../shared/settings/public-settings.ts';
import { sampleSettings } from './settings-fixtures.ts';

const KEY = 'sk-or-v1-abcdefghijklmnop1234';

function roundTrip(
  edit: (
    update: SettingsUpdate & Required<Pick<SettingsUpdate, 'providers' | 'server'>>,
  ) => void = () => {},
) {
  const current = sampleSettings();
  current.server.clientKey = 'client-secret-value-9876';
  const { version: _version, ...update } = toPublicSettings(current);
  edit(update);
  return { current, ...applySettingsUpdate(current, settingsUpdateSchema.parse(update)) };
}

describe('public settings', () => {
  it('never contains a secret, only whether it is set and its last four characters', () => {
    const settings = sampleSettings();
    settings.server.clientKey = 'client-secret-value-9876';
    const json = JSON.stringify(toPublicSettings(settings));
    expect(json).not.toContain(KEY);
    expect(json).not.toContain('client-secret-value');
    const view = toPublicSettings(settings);
    expect(view.providers[0].apiKey).toEqual({ set: true, last4: '1234' });
    expect(view.providers[1].apiKey).toEqual({ set: false });
    expect(view.server.clientKey).toEqual({ set: true, last4: '9876' });
  });

  it('hides even the last four characters of a short key', () => {
    expect(secretView('abcd1234')).toEqual({ set: true });
  });
});

describe('applySettingsUpdate', () => {
  it('keeps stored keys when the form sends them back unchanged', () => {
    const { current, candidate, errors } = roundTrip();
    expect(errors).toEqual([]);
    expect(candidate).toEqual(current);
  });

  it('replaces a key only when a new one is sent', () => {
    const { candidate } = roundTrip((update) => {
      update.providers[1].apiKey = { set: false, replace: 'new-local-key' };
    });
    expect(candidate.providers.map((provider) => provider.apiKey)).toEqual([KEY, 'new-local-key']);
  });

  it('clears a key when the form says it is no longer set', () => {
    const { candidate } = roundTrip((update) => {
      update.providers[0].apiKey = { set: false };
      update.server.clientKey = { set: false };
    });
    expect(candidate.providers[0]).not.toHaveProperty('apiKey');
    expect(candidate.server).not.toHaveProperty('clientKey');
  });

  it('follows a provider by id when the list is reordered', () => {
    const { candidate } = roundTrip((update) => update.providers.reverse());
    expect(candidate.providers.map((provider) => [provider.id, provider.apiKey])).toEqual([
      ['local', undefined],
      ['router', KEY],
    ]);
  });

  it('reports a key claimed as set that the proxy does not hold', () => {
    const { errors } = roundTrip((update) => {
      update.providers.push({
        ...update.providers[1],
        id: 'new',
        apiKey: { set: true, last4: '1234' },
      });
    });
    expect(errors).toEqual([
      { path: 'providers.2.apiKey', message: 'No key is stored here yet: enter one' },
    ]);
  });

  it('leaves the sections the update omits as they are', () => {
    const current = sampleSettings();
    const { candidate } = applySettingsUpdate(
      current,
      settingsUpdateSchema.parse({ logLevel: 'debug' }),
    );
    expect(candidate).toEqual({ ...current, logLevel: 'debug' });
  });

  it('refuses an empty replacement key', () => {
    const parsed = settingsUpdateSchema.safeParse({
      server: { host: 'h', port: 1, clientKey: { set: true, replace: ' ' } },
    });
    expect(parsed.success).toBe(false);
  });
});
