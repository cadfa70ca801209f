import type { MessageCreateParamsBase } from '@anthropic-ai/sdk/resources/messages';
import { describe, expect, it } from 'vitest';
import {
  checkModelFor,
  modelGlobMatches,
  requestFactsOf,
  resolveRoute,
  stripContextSuffix,
  type RequestFacts,
} from '../../../shared/routing/route-rules.ts';
import type { RouteRule, RoutesSettings } from '../../../shared/settings/settings-schema.ts';

const facts = (overrides: Partial<RequestFacts> = {}): RequestFacts => ({
  model: 'claude-sonnet-4-6',
  thinking: false,
  images: false,
  tools: false,
  estimatedInputTokens: 1000,
  background: false,
  ...overrides,
});

const rule = (overrides: Partial<RouteRule> & Pick<RouteRule, 'id'>): RouteRule => ({
  name: overrides.id,
  enabled: true,
  when: {},
  target: { provider: 'rules', model: `${overrides.id}-model` },
  ...overrides,
});

const routes = (rules: RouteRule[] = []): { routes: RoutesSettings } => ({
  routes: {
    big: { provider: 'main', model: 'big-model' },
    small: { provider: 'cheap', model: 'small-model' },
    rules,
  },
});

describe('resolveRoute without rules (built-in tiers)', () => {
  it('sends opus and sonnet requests to the big route', () => {
    for (const model of ['claude-opus-4-6', 'claude-sonnet-4-6[1m]', 'Claude-3-5-Sonnet-latest']) {
      expect(resolveRoute(routes(), facts({ model }))).toEqual({
        provider: 'main',
        model: 'big-model',
        rule: 'big (opus/sonnet)',
      });
    }
  });

  it('sends haiku requests to the small route with its own provider', () => {
    expect(resolveRoute(routes(), facts({ model: 'claude-haiku-4-5', background: true }))).toEqual({
      provider: 'cheap',
      model: 'small-model',
      rule: 'small (haiku)',
    });
  });

  it('passes other ids through unchanged to the big route provider', () => {
    expect(resolveRoute(routes(), facts({ model: 'deepseek/deepseek-chat-v3.1' }))).toEqual({
      provider: 'main',
      model: 'deepseek/deepseek-chat-v3.1',
      rule: 'pass-through',
    });
  });

  it('passes other ids through to the big route provider, without the [1m] suffix', () => {
    expect(resolveRoute(routes(), facts({ model: 'gpt-4.1[1m]' }))).toEqual({
      provider: 'main',
      model: 'gpt-4.1',
      rule: 'pass-through',
    });
  });
});

describe('resolveRoute with rules', () => {
  it('lets the first matching rule win, in order', () => {
    const settings = routes([
      rule({ id: 'no-match', when: { model: 'gpt-*' } }),
      rule({ id: 'first', when: { model: 'claude-*' } }),
      rule({ id: 'second' }),
    ]);
    expect(resolveRoute(settings, facts())).toEqual({
      provider: 'rules',
      model: 'first-model',
      rule: 'rule "first"',
      ruleId: 'first',
    });
  });

  it('skips disabled rules', () => {
    const settings = routes([rule({ id: 'off', enabled: false }), rule({ id: 'on' })]);
    expect(resolveRoute(settings, facts()).ruleId).toBe('on');
  });

  it('falls back to the tiers when no rule matches', () => {
    const settings = routes([rule({ id: 'images', when: { images: true } })]);
    expect(resolveRoute(settings, facts()).rule).toBe('big (opus/sonnet)');
  });

  it('requires every condition of a rule to hold', () => {
    const settings = routes([rule({ id: 'both', when: { thinking: true, tools: true } })]);
    expect(resolveRoute(settings, facts({ thinking: true })).ruleId).toBeUndefined();
    expect(resolveRoute(settings, facts({ tools: true })).ruleId).toBeUndefined();
    expect(resolveRoute(settings, facts({ thinking: true, tools: true })).ruleId).toBe('both');
  });

  it('treats false conditions as "must be absent"', () => {
    const settings = routes([rule({ id: 'plain', when: { tools: false } })]);
    expect(resolveRoute(settings, facts({ tools: true })).ruleId).toBeUndefined();
    expect(resolveRoute(settings, facts({ tools: false })).ruleId).toBe('plain');
  });

  it('matches long context only strictly above the threshold', () => {
    const settings = routes([rule({ id: 'long', when: { inputTokensAbove: 100_000 } })]);
    expect(resolveRoute(settings, facts({ estimatedInputTokens: 100_000 })).ruleId).toBeUndefined();
    expect(resolveRoute(settings, facts({ estimatedInputTokens: 100_001 })).ruleId).toBe('long');
  });

  it('matches background calls and images by their facts', () => {
    const settings = routes([
      rule({ id: 'vision', when: { images: true } }),
      rule({ id: 'background', when: { background: true } }),
    ]);
    expect(resolveRoute(settings, facts({ images: true, background: true })).ruleId).toBe('vision');
    expect(resolveRoute(settings, facts({ background: true })).ruleId).toBe('background');
  });

  it('carries the rule fallback target', () => {
    const fallback = { provider: 'backup', model: 'backup-model' };
    const settings = routes([rule({ id: 'with-fallback', fallback })]);
    expect(resolveRoute(settings, facts()).fallback).toEqual(fallback);
  });
});

describe('stripContextSuffix', () => {
  it('removes only a trailing [1m]', () => {
    expect(stripContextSuffix('a[1m]')).toBe('a');
    expect(stripContextSuffix('a[1m]b')).toBe('a[1m]b');
  });
});

describe('modelGlobMatches', () => {
  it('supports * and ? and ignores case', () => {
    expect(modelGlobMatches('claude-*-4-?', 'CLAUDE-opus-4-6')).toBe(true);
    expect(modelGlobMatches('claude-*-4-?', 'claude-opus-4-61')).toBe(false);
  });

  it('matches the whole id, not a part of it', () => {
    expect(modelGlobMatches('opus', 'claude-opus-4-6')).toBe(false);
    expect(modelGlobMatches('*opus*', 'claude-opus-4-6')).toBe(true);
  });

  it('treats regex characters literally', () => {
    expect(modelGlobMatches('gpt-4.1', 'gpt-4x1')).toBe(false);
    expect(modelGlobMatches('*[1m]', 'claude-opus-4-6[1m]')).toBe(true);
    expect(modelGlobMatches('*[1m]', 'claude-opus-4-6')).toBe(false);
  });

  it('matches the id with or without the [1m] suffix', () => {
    expect(modelGlobMatches('claude-opus-4-6', 'claude-opus-4-6[1m]')).toBe(true);
  });
});

describe('requestFactsOf', () => {
  const base: MessageCreateParamsBase = {
    model: 'claude-haiku-4-5',
    max_tokens: 100,
    messages: [{ role: 'user', content: 'hi' }],
  };

  it('reads a plain request as no thinking, images or tools', () => {
    expect(requestFactsOf(base, 12)).toEqual({
      model: 'claude-haiku-4-5',
      thinking: false,
      images: false,
      tools: false,
      estimatedInputTokens: 12,
      background: true,
    });
  });

  it('counts enabled and adaptive thinking, not disabled', () => {
    expect(
      requestFactsOf({ ...base, thinking: { type: 'enabled', budget_tokens: 2048 } }, 0).thinking,
    ).toBe(true);
    expect(requestFactsOf({ ...base, thinking: { type: 'adaptive' } }, 0).thinking).toBe(true);
    expect(requestFactsOf({ ...base, thinking: { type: 'disabled' } }, 0).thinking).toBe(false);
  });

  it('finds images in messages and inside tool results', () => {
    const image = {
      type: 'image' as const,
      source: { type: 'base64' as const, media_type: 'image/png' as const, data: 'AA==' },
    };
    expect(
      requestFactsOf({ ...base, messages: [{ role: 'user', content: [image] }] }, 0).images,
    ).toBe(true);
    const inToolResult = {
      ...base,
      messages: [
        {
          role: 'user' as const,
          content: [{ type: 'tool_result' as const, tool_use_id: 't1', content: [image] }],
        },
      ],
    };
    expect(requestFactsOf(inToolResult, 0).images).toBe(true);
  });

  it('sees tools only when the list is not empty', () => {
    expect(requestFactsOf({ ...base, tools: [] }, 0).tools).toBe(false);
    const tool = { name: 'Read', input_schema: { type: 'object' as const } };
    expect(requestFactsOf({ ...base, tools: [tool] }, 0).tools).toBe(true);
  });

  it('marks sonnet calls as foreground', () => {
    expect(requestFactsOf({ ...base, model: 'claude-sonnet-4-6' }, 0).background).toBe(false);
  });
});

describe('checkModelFor', () => {
  it('prefers a model a route sends to the provider, in route order', () => {
    const settings = routes([
      rule({ id: 'r', target: { provider: 'rules', model: 'rule-model' } }),
    ]);
    expect(checkModelFor(settings.routes, { id: 'cheap', models: ['listed'] })).toBe('small-model');
    expect(checkModelFor(settings.routes, { id: 'rules', models: [] })).toBe('rule-model');
  });

  it('falls back to the provider list, else nothing', () => {
    expect(checkModelFor(routes().routes, { id: 'other', models: ['listed'] })).toBe('listed');
    expect(checkModelFor(routes().routes, { id: 'other', models: [] })).toBeUndefined();
  });
});
