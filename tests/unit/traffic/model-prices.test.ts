import { describe, expect, it } from 'vitest';
import { estimateCostUsd, modelPrice } from '../../../shared/traffic/model-prices.ts';

describe('cost estimates', () => {
  it('prices a listed model, its provider-prefixed and dated forms alike', () => {
    expect(modelPrice('gpt-4o')).toEqual(modelPrice('openai/gpt-4o'));
    expect(modelPrice('gpt-4o-2024-08-06')).toEqual(modelPrice('gpt-4o'));
    expect(modelPrice('gpt-4o-mini')).not.toEqual(modelPrice('gpt-4o'));
  });

  it('knows nothing of unlisted models, rather than guessing from a prefix', () => {
    expect(modelPrice('gpt-4.1-turbo-experimental')).toBeUndefined();
    expect(modelPrice('qwen2.5-coder:32b')).toBeUndefined();
    expect(estimateCostUsd('llama3', { estimatedInput: 1, input: 10, output: 10 })).toBeUndefined();
  });

  it('charges cache reads at the cached rate and costs nothing on :free models', () => {
    // deepseek-chat: 1M uncached × 0.28 + 1M cached × 0.028 + 1M out × 0.42
    expect(
      estimateCostUsd('deepseek-chat', {
        estimatedInput: 0,
        input: 1e6,
        cacheRead: 1e6,
        output: 1e6,
      }),
    ).toBeCloseTo(0.728, 10);
    expect(
      estimateCostUsd('deepseek/deepseek-chat:free', {
        estimatedInput: 0,
        input: 1e6,
        output: 1e6,
      }),
    ).toBe(0);
  });

  it('has no cost before usage is known', () => {
    expect(estimateCostUsd('gpt-4o', { estimatedInput: 100 })).toBeUndefined();
  });
});
