import { describe, expect, it } from 'vitest';
import { effectiveQuirks } from '../../../shared/settings/effective-quirks.ts';
import { provider } from './settings-fixtures.ts';

describe('effectiveQuirks', () => {
  it('starts from the preset quirks for the model', () => {
    const quirks = effectiveQuirks(provider({ id: 'oa', preset: 'openai' }), 'o3');
    expect(quirks.maxCompletionTokensField).toBe(true);
  });

  it('applies the user overrides over the preset', () => {
    const quirks = effectiveQuirks(
      provider({
        id: 'ds',
        preset: 'deepseek',
        quirks: { supportsImages: true, maxTokensCap: 4096 },
      }),
      'deepseek-chat',
    );
    expect(quirks).toMatchObject({
      supportsImages: true,
      maxTokensCap: 4096,
      reasoningRequest: 'deepseek',
    });
  });

  it('adds the provider headers to the preset headers, the provider winning', () => {
    const quirks = effectiveQuirks(
      provider({
        id: 'or',
        preset: 'openrouter',
        referrerUrl: 'https://example.com/app',
        extraHeaders: { 'X-Title': 'Mine', 'X-Extra': '1' },
      }),
      'openai/gpt-4.1',
    );
    expect(quirks.extraHeaders).toEqual({
      'HTTP-Referer': 'https://example.com/app',
      'X-Title': 'Mine',
      'X-Extra': '1',
    });
  });

  it('sends the attribution headers to any upstream when a referrer URL is set', () => {
    const quirks = effectiveQuirks(
      provider({ id: 'gw', preset: 'custom', referrerUrl: 'https://example.com' }),
      'm',
    );
    expect(quirks.extraHeaders).toEqual({
      'HTTP-Referer': 'https://example.com',
      'X-Title': 'Anthropic Proxy',
    });
    expect(effectiveQuirks(provider({ id: 'plain', preset: 'custom' }), 'm').extraHeaders).toEqual(
      {},
    );
  });
});
