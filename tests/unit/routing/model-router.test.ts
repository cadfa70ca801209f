import { describe, expect, it } from 'vitest';
import { routeModel, stripContextSuffix } from '../../../shared/routing/model-router.ts';

const both = { big: 'gpt-4.1', small: 'gpt-4.1-mini', provider: 'openai' };

describe('routeModel', () => {
  it.each([
    ['claude-opus-5-5', 'gpt-4.1', 'big (opus/sonnet)'],
    ['claude-sonnet-4-6', 'gpt-4.1', 'big (opus/sonnet)'],
    ['claude-3-5-Sonnet-latest', 'gpt-4.1', 'big (opus/sonnet)'],
    ['claude-haiku-4-5', 'gpt-4.1-mini', 'small (haiku)'],
  ])('maps %s to the %s tier model', (requested, model, rule) => {
    expect(routeModel(requested, both)).toEqual({ provider: 'openai', model, rule });
  });

  it('strips the [1m] long-context suffix before matching', () => {
    expect(routeModel('claude-sonnet-4-6[1m]', both).model).toBe('gpt-4.1');
    expect(routeModel('my-model[1m]', both)).toEqual({
      provider: 'openai',
      model: 'my-model',
      rule: 'pass-through',
    });
  });

  it('passes other model ids through unchanged', () => {
    expect(routeModel('deepseek/deepseek-chat-v3.1', both)).toEqual({
      provider: 'openai',
      model: 'deepseek/deepseek-chat-v3.1',
      rule: 'pass-through',
    });
  });

  it('sends haiku to the big model when no small model is set', () => {
    expect(routeModel('claude-haiku-4-5', { big: 'gpt-4.1', provider: 'p' })).toEqual({
      provider: 'p',
      model: 'gpt-4.1',
      rule: 'big (haiku; no small model set)',
    });
  });

  it('sends opus/sonnet to the small model when no big model is set', () => {
    expect(routeModel('claude-opus-5-5', { small: 'mini', provider: 'p' }).model).toBe('mini');
  });

  it('passes claude ids through when no tier is configured', () => {
    expect(routeModel('claude-sonnet-4-6[1m]', { provider: 'p' })).toEqual({
      provider: 'p',
      model: 'claude-sonnet-4-6',
      rule: 'pass-through',
    });
  });
});

describe('stripContextSuffix', () => {
  it('removes only a trailing [1m]', () => {
    expect(stripContextSuffix('a[1m]')).toBe('a');
    expect(stripContextSuffix('a[1m]b')).toBe('a[1m]b');
  });
});
