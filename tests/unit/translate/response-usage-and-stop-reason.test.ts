import type { CompletionUsage } from 'openai/resources/completions';
import { describe, expect, it } from 'vitest';
import { mapStopReason } from '../../../shared/translate/stop-reason.ts';
import {
  estimateTokensFromChars,
  mapUsage,
  outputTokensDetails,
} from '../../../shared/translate/usage-mapper.ts';

const usage = (fields: Record<string, unknown>) =>
  ({ prompt_tokens: 0, completion_tokens: 0, total_tokens: 0, ...fields }) as CompletionUsage;

describe('mapUsage', () => {
  it.each([
    {
      label: 'plain OpenAI usage',
      usage: usage({ prompt_tokens: 120, completion_tokens: 30 }),
      counts: {
        input_tokens: 120,
        output_tokens: 30,
        cache_read_input_tokens: 0,
        cache_creation_input_tokens: 0,
      },
    },
    {
      label: 'OpenAI cached tokens',
      usage: usage({
        prompt_tokens: 2000,
        completion_tokens: 5,
        prompt_tokens_details: { cached_tokens: 1536 },
      }),
      counts: {
        input_tokens: 464,
        output_tokens: 5,
        cache_read_input_tokens: 1536,
        cache_creation_input_tokens: 0,
      },
    },
    {
      label: 'OpenRouter cache reads and writes',
      usage: usage({
        prompt_tokens: 2400,
        completion_tokens: 52,
        prompt_tokens_details: { cached_tokens: 1800, cache_write_tokens: 400 },
      }),
      counts: {
        input_tokens: 200,
        output_tokens: 52,
        cache_read_input_tokens: 1800,
        cache_creation_input_tokens: 400,
      },
    },
    {
      label: 'DeepSeek prompt_cache_hit_tokens',
      usage: usage({
        prompt_tokens: 1000,
        completion_tokens: 1,
        prompt_cache_hit_tokens: 640,
        prompt_cache_miss_tokens: 360,
      }),
      counts: {
        input_tokens: 360,
        output_tokens: 1,
        cache_read_input_tokens: 640,
        cache_creation_input_tokens: 0,
      },
    },
    {
      label: 'a server counting cache tokens outside prompt_tokens is clamped at 0',
      usage: usage({
        prompt_tokens: 10,
        completion_tokens: 1,
        prompt_tokens_details: { cached_tokens: 50 },
      }),
      counts: {
        input_tokens: 0,
        output_tokens: 1,
        cache_read_input_tokens: 50,
        cache_creation_input_tokens: 0,
      },
    },
  ])('$label', ({ usage: input, counts }) => {
    expect(mapUsage(input)).toEqual(counts);
  });

  it('the three input fields always sum to prompt_tokens when caches fit inside it', () => {
    for (const [prompt, cached, written] of [
      [100, 0, 0],
      [100, 60, 0],
      [100, 60, 40],
      [7, 3, 4],
    ] as const) {
      const counts = mapUsage(
        usage({
          prompt_tokens: prompt,
          prompt_tokens_details: { cached_tokens: cached, cache_write_tokens: written },
        }),
      );
      expect(
        counts.input_tokens + counts.cache_read_input_tokens + counts.cache_creation_input_tokens,
      ).toBe(prompt);
    }
  });

  it('reasoning tokens map to thinking_tokens, and their absence to null', () => {
    expect(
      outputTokensDetails(usage({ completion_tokens_details: { reasoning_tokens: 9 } })),
    ).toEqual({ thinking_tokens: 9 });
    expect(outputTokensDetails(usage({}))).toBeNull();
  });

  it.each([
    [0, 0],
    [1, 1],
    [4, 1],
    [5, 2],
    [400, 100],
  ])('estimateTokensFromChars(%i) = %i', (chars, tokens) => {
    expect(estimateTokensFromChars(chars)).toBe(tokens);
  });
});

describe('mapStopReason', () => {
  it.each([
    ['stop', null, false, 'end_turn', null],
    ['stop', '</s>', false, 'stop_sequence', '</s>'],
    ['stop', '</s>', true, 'tool_use', null],
    ['length', null, false, 'max_tokens', null],
    ['length', null, true, 'max_tokens', null],
    ['tool_calls', null, false, 'tool_use', null],
    ['tool_calls', null, true, 'tool_use', null],
    ['function_call', null, false, 'tool_use', null],
    ['content_filter', null, false, 'refusal', null],
    ['eos', null, false, 'end_turn', null],
    ['eos', null, true, 'tool_use', null],
    [null, null, false, 'end_turn', null],
    [undefined, null, true, 'tool_use', null],
  ] as const)(
    '%s (matched %s, tool_use emitted %s) → %s',
    (finishReason, matched, toolUseEmitted, stopReason, stopSequence) => {
      expect(mapStopReason({ finishReason, matchedStopSequence: matched, toolUseEmitted })).toEqual(
        { stopReason, stopSequence },
      );
    },
  );
});
