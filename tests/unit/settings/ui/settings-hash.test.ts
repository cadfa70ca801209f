import { describe, expect, it } from 'vitest';
import { followSettingsHash } from '../../../../renderer/settings/settings-hash.ts';

describe('followSettingsHash', () => {
  it('opens Settings for #settings at start and follows later changes', () => {
    const location = { hash: '#settings' };
    const target = new EventTarget();
    const shown: boolean[] = [];
    const stop = followSettingsHash(location, target, (settings) => shown.push(settings));
    location.hash = '';
    target.dispatchEvent(new Event('hashchange'));
    location.hash = '#settings';
    target.dispatchEvent(new Event('hashchange'));
    stop();
    target.dispatchEvent(new Event('hashchange'));
    expect(shown).toEqual([true, false, true]);
  });

  it('leaves the view alone at start without the fragment', () => {
    const shown: boolean[] = [];
    followSettingsHash({ hash: '' }, new EventTarget(), (settings) => shown.push(settings));
    expect(shown).toEqual([]);
  });
});
