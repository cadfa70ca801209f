import { describe, expect, it } from 'vitest';
import {
  freeId,
  newProviderFromPreset,
  newRule,
} from '../../../../renderer/settings/provider-factory.ts';
import { describeConditions, describeTarget } from '../../../../renderer/settings/rule-summary.ts';

describe('rule summaries', () => {
  it('describe every condition, and no condition as every call', () => {
    expect(describeConditions({})).toBe('every call');
    expect(
      describeConditions({
        model: 'claude-*',
        thinking: true,
        images: false,
        background: true,
        inputTokensAbove: 100000,
      }),
    ).toBe('model claude-*, thinking, no images, background call, > 100,000 tokens');
  });

  it('name the target by provider name', () => {
    expect(
      describeTarget({ provider: 'or', model: 'm' }, (id) => (id === 'or' ? 'OpenRouter' : id)),
    ).toBe('m on OpenRouter');
  });
});

describe('new providers and rules', () => {
  it('take the preset name and URL and a free id', () => {
    const first = newProviderFromPreset('openrouter', []);
    expect(first).toMatchObject({
      id: 'openrouter',
      name: 'OpenRouter',
      baseUrl: 'https://openrouter.ai/api/v1',
      apiKey: { set: false },
    });
    const second = newProviderFromPreset('openrouter', [first]);
    expect(second).toMatchObject({ id: 'openrouter-2', name: 'OpenRouter 2' });
  });

  it('number ids past the taken ones', () => {
    expect(freeId('rule-1', ['rule-1', 'rule-1-2'])).toBe('rule-1-3');
  });

  it('start a rule as a catch-all to a copy of the given target', () => {
    const target = { provider: 'p', model: 'm' };
    const rule = newRule([], target);
    expect(rule).toEqual({ id: 'rule-1', name: 'Rule 1', enabled: true, when: {}, target });
    expect(rule.target).not.toBe(target);
  });
});
