import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { describe, expect, it } from 'vitest';
import {
  finishStream,
  stepStream,
  streamResult,
} from '../../../shared/translate/stream-translator.ts';
import {
  chunk,
  finish,
  text,
  toolDeltas,
  usageOnly,
} from '../../support/stream-fixtures/chunk-builders.ts';
import { replayThroughSdk } from '../../support/stream-fixtures/sdk-replay.ts';
import { translateChunks } from '../../support/stream-fixtures/translate-chunks.ts';

function messageDelta(chunks: ChatCompletionChunk[]) {
  const { events } = translateChunks(chunks);
  const delta = events.find((event) => event.type === 'message_delta');
  if (delta?.type !== 'message_delta') throw new Error('no message_delta');
  return delta;
}

const call = toolDeltas({ index: 0, id: 'call_1', name: 'Read', args: '{}' });

describe('stop_reason of a stream', () => {
  it.each([
    {
      label: 'stop → end_turn',
      chunks: [text('a'), finish('stop')],
      stop: 'end_turn',
      sequence: null,
    },
    {
      label: "stop with vLLM's matched stop string → stop_sequence",
      chunks: [text('a'), finish('stop', { stop_reason: 'END' })],
      stop: 'stop_sequence',
      sequence: 'END',
    },
    {
      label: "stop with vLLM's stop token id (a number) → end_turn",
      chunks: [text('a'), finish('stop', { stop_reason: 151645 })],
      stop: 'end_turn',
      sequence: null,
    },
    {
      label: 'length → max_tokens',
      chunks: [text('a'), finish('length')],
      stop: 'max_tokens',
      sequence: null,
    },
    {
      label: 'tool_calls → tool_use',
      chunks: [call, finish('tool_calls')],
      stop: 'tool_use',
      sequence: null,
    },
    {
      label: 'function_call → tool_use',
      chunks: [call, finish('function_call')],
      stop: 'tool_use',
      sequence: null,
    },
    {
      label: 'content_filter → refusal',
      chunks: [text('a'), finish('content_filter')],
      stop: 'refusal',
      sequence: null,
    },
    {
      label: 'an unknown reason → end_turn',
      chunks: [text('a'), finish('eos')],
      stop: 'end_turn',
      sequence: null,
    },
    {
      label: 'stop after a tool call → tool_use',
      chunks: [call, finish('stop')],
      stop: 'tool_use',
      sequence: null,
    },
    {
      label: 'an unknown reason after a tool call → tool_use',
      chunks: [call, finish('end')],
      stop: 'tool_use',
      sequence: null,
    },
    {
      label: 'length after a tool call stays max_tokens (truncated arguments must not run)',
      chunks: [call, finish('length')],
      stop: 'max_tokens',
      sequence: null,
    },
  ])('$label', ({ chunks, stop, sequence }) => {
    expect(messageDelta(chunks).delta).toMatchObject({
      stop_reason: stop,
      stop_sequence: sequence,
    });
  });

  it('the last finish_reason counts when a server repeats it', () => {
    expect(messageDelta([text('a'), finish('length'), finish('stop')]).delta.stop_reason).toBe(
      'end_turn',
    );
  });
});

describe('usage of a stream', () => {
  it('finish_reason before the usage-only chunk: the usage chunk emits nothing and message_delta carries its values', async () => {
    const { events, state } = translateChunks(
      [text('Hi'), finish('stop')],
      {},
      { finished: false },
    );
    const before = events.length;
    expect(
      stepStream(
        state,
        usageOnly({
          prompt_tokens: 2400,
          completion_tokens: 52,
          prompt_tokens_details: { cached_tokens: 1800, cache_write_tokens: 400 },
        }),
      ),
    ).toEqual([]);
    events.push(...finishStream(state));
    expect(events.slice(before).map((event) => event.type)).toEqual([
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    const message = await replayThroughSdk(events);
    expect(message.usage).toMatchObject({
      input_tokens: 200,
      cache_read_input_tokens: 1800,
      cache_creation_input_tokens: 400,
      output_tokens: 52,
    });
    expect(
      message.usage.input_tokens +
        message.usage.cache_read_input_tokens! +
        message.usage.cache_creation_input_tokens!,
    ).toBe(2400);
  });

  it('a chunk with empty choices and no usage emits nothing and changes no usage', () => {
    const { state } = translateChunks([text('a')], {}, { finished: false });
    const emptyChunk = { ...usageOnly({}), usage: null } as ChatCompletionChunk;
    expect(stepStream(state, emptyChunk)).toEqual([]);
    expect(streamResult(state).usageReported).toBe(false);
  });

  it('without reported usage, message_delta keeps the input estimate (null fields) and estimates output as characters / 4', async () => {
    const answer = 'x'.repeat(41);
    const { events, state } = translateChunks([text(answer), finish('stop')], {
      estimatedInputTokens: 900,
    });
    const delta = events.find((event) => event.type === 'message_delta');
    expect(delta).toMatchObject({
      usage: {
        input_tokens: null,
        cache_read_input_tokens: null,
        cache_creation_input_tokens: null,
        output_tokens: 11,
      },
    });
    const message = await replayThroughSdk(events);
    expect(message.usage).toMatchObject({ input_tokens: 900, output_tokens: 11 });
    expect(streamResult(state)).toMatchObject({
      usageReported: false,
      usage: { input_tokens: 900, output_tokens: 11 },
    });
    expect(state.notes).toContainEqual(
      expect.objectContaining({ kind: 'added', field: 'usage.output_tokens' }),
    );
  });

  it('a one-character answer without usage still reports at least one output token', () => {
    expect(messageDelta([text('k'), finish('stop')]).usage.output_tokens).toBe(1);
  });

  it('tool arguments and reasoning count towards the output estimate', () => {
    const usage = messageDelta([
      chunk({ reasoning_content: 'abcd' }),
      toolDeltas({ index: 0, id: 'c', name: 'Read', args: '{"a":1}' }),
      finish('tool_calls'),
    ]).usage;
    expect(usage.output_tokens).toBe(Math.ceil((4 + 7) / 4));
  });

  it('DeepSeek prompt_cache_hit_tokens counts as cache read when prompt_tokens_details is absent', () => {
    const usage = messageDelta([
      text('a'),
      finish('stop'),
      usageOnly({
        prompt_tokens: 1000,
        completion_tokens: 3,
        prompt_cache_hit_tokens: 900,
        prompt_cache_miss_tokens: 100,
      }),
    ]).usage;
    expect(usage).toMatchObject({
      input_tokens: 100,
      cache_read_input_tokens: 900,
      cache_creation_input_tokens: 0,
    });
  });

  it('older Groq streams: usage in x_groq.usage is used', () => {
    const groq = {
      ...finish('stop'),
      x_groq: { usage: { prompt_tokens: 70, completion_tokens: 9, total_tokens: 79 } },
    };
    const usage = messageDelta([text('a'), groq as ChatCompletionChunk]).usage;
    expect(usage).toMatchObject({ input_tokens: 70, output_tokens: 9 });
  });

  it('usage in the finish chunk itself (Gemini) is used too', () => {
    const withUsage = {
      ...finish('stop'),
      usage: { prompt_tokens: 412, completion_tokens: 31, total_tokens: 443 },
    };
    expect(messageDelta([text('a'), withUsage as ChatCompletionChunk]).usage).toMatchObject({
      input_tokens: 412,
      output_tokens: 31,
    });
  });

  it('reasoning_tokens become output_tokens_details.thinking_tokens', () => {
    const usage = messageDelta([
      text('a'),
      finish('stop'),
      usageOnly({
        prompt_tokens: 10,
        completion_tokens: 30,
        completion_tokens_details: { reasoning_tokens: 25 },
      }),
    ]).usage;
    expect(usage.output_tokens_details).toEqual({ thinking_tokens: 25 });
  });
});
