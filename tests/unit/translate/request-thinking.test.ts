import type { ThinkingConfigParam } from '@anthropic-ai/sdk/resources/messages';
import { describe, expect, it } from 'vitest';
import type { ReasoningRequestStyle } from '../../../shared/providers/provider-quirks.ts';
import { effortForBudget } from '../../../shared/translate/thinking-request.ts';
import { noteDetails, translate } from './request-test-kit.ts';

const REASONING_KEYS = ['reasoning_effort', 'reasoning', 'thinking'];

function reasoningFields(
  thinking: ThinkingConfigParam | undefined,
  style: ReasoningRequestStyle,
  effort?: 'low' | 'medium' | 'high' | 'xhigh' | 'max',
) {
  const { body } = translate(
    { ...(thinking && { thinking }), ...(effort && { output_config: { effort } }) },
    { reasoningRequest: style },
  );
  return Object.fromEntries(Object.entries(body).filter(([key]) => REASONING_KEYS.includes(key)));
}

describe('effortForBudget', () => {
  it.each([
    [1024, 'low'],
    [4000, 'low'],
    [4096, 'medium'],
    [10000, 'medium'],
    [16384, 'high'],
    [31999, 'high'],
  ])('maps a budget of %i tokens to %s', (budget, effort) => {
    expect(effortForBudget(budget)).toBe(effort);
  });
});

describe('thinking → reasoning fields', () => {
  const enabled = (budget_tokens: number): ThinkingConfigParam => ({
    type: 'enabled',
    budget_tokens,
  });
  const adaptive: ThinkingConfigParam = { type: 'adaptive' };

  it.each<
    [string, ThinkingConfigParam | undefined, ReasoningRequestStyle, string | undefined, object]
  >([
    [
      'enabled → reasoning_effort',
      enabled(10000),
      'reasoning_effort',
      undefined,
      { reasoning_effort: 'medium' },
    ],
    [
      'enabled → OpenRouter max_tokens',
      enabled(10000),
      'openrouter',
      undefined,
      { reasoning: { max_tokens: 10000 } },
    ],
    [
      'enabled → DeepSeek switch + effort',
      enabled(31999),
      'deepseek',
      undefined,
      { thinking: { type: 'enabled' }, reasoning_effort: 'high' },
    ],
    ['enabled → nothing for style none', enabled(10000), 'none', undefined, {}],
    [
      'adaptive + effort → reasoning_effort',
      adaptive,
      'reasoning_effort',
      'low',
      { reasoning_effort: 'low' },
    ],
    [
      'adaptive + effort → OpenRouter effort',
      adaptive,
      'openrouter',
      'medium',
      { reasoning: { effort: 'medium' } },
    ],
    ['adaptive + max → high', adaptive, 'reasoning_effort', 'max', { reasoning_effort: 'high' }],
    [
      'adaptive + xhigh → high',
      adaptive,
      'deepseek',
      'xhigh',
      { thinking: { type: 'enabled' }, reasoning_effort: 'high' },
    ],
    ['adaptive without effort → upstream default', adaptive, 'reasoning_effort', undefined, {}],
    [
      'adaptive without effort → OpenRouter enabled',
      adaptive,
      'openrouter',
      undefined,
      { reasoning: { enabled: true } },
    ],
    [
      'adaptive without effort → DeepSeek switch only',
      adaptive,
      'deepseek',
      undefined,
      { thinking: { type: 'enabled' } },
    ],
  ])('%s', (_name, thinking, style, effort, expected) => {
    expect(reasoningFields(thinking, style, effort as never)).toEqual(expected);
  });

  it.each<ReasoningRequestStyle>(['reasoning_effort', 'openrouter', 'deepseek', 'none'])(
    'sends no reasoning field at all when thinking is disabled or absent (%s), even with an effort',
    (style) => {
      expect(reasoningFields({ type: 'disabled' }, style, 'high')).toEqual({});
      expect(reasoningFields(undefined, style, 'high')).toEqual({});
    },
  );

  it('notes the effort mapping and an effort that is not used', () => {
    expect(
      noteDetails(translate({ thinking: { type: 'adaptive' }, output_config: { effort: 'max' } })),
    ).toContain('effort max → high');
    expect(
      noteDetails(translate({ thinking: { type: 'disabled' }, output_config: { effort: 'low' } })),
    ).toContain('output_config.effort dropped (used only with adaptive thinking)');
  });

  it('notes thinking dropped for an upstream that takes no reasoning fields', () => {
    expect(
      noteDetails(
        translate(
          { thinking: { type: 'enabled', budget_tokens: 2048 } },
          { reasoningRequest: 'none' },
        ),
      ),
    ).toContain('thinking dropped: this upstream takes no reasoning fields');
  });

  it('drops an unknown thinking type with a note', () => {
    const translation = translate({
      thinking: { type: 'psychic' } as unknown as ThinkingConfigParam,
    });
    expect(Object.keys(translation.body)).not.toContain('reasoning_effort');
    expect(noteDetails(translation)).toContain('thinking type psychic not understood');
  });
});
