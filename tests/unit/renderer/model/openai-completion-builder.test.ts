import { describe, expect, it } from 'vitest';
import { reconstructOpenAiStream } from '../../../../renderer/model/openai-completion-builder.ts';

const chunk = (
  delta: Record<string, unknown>,
  finish: string | null = null,
  extra: Record<string, unknown> = {},
) => ({
  id: 'cmpl-1',
  object: 'chat.completion.chunk',
  created: 1,
  model: 'gpt-5-mini',
  choices: [{ index: 0, delta, finish_reason: finish }],
  ...extra,
});

describe('reconstructOpenAiStream', () => {
  it('joins content, reasoning and tool-call argument fragments keyed by index', () => {
    const r = reconstructOpenAiStream([
      chunk({ role: 'assistant', content: '' }),
      chunk({ reasoning_content: 'hmm ' }),
      chunk({ reasoning_content: 'ok' }),
      chunk({ content: 'Two calls:' }),
      chunk({
        tool_calls: [
          { index: 0, id: 'c1', type: 'function', function: { name: 'Read', arguments: '{"a"' } },
        ],
      }),
      chunk({
        tool_calls: [
          {
            index: 1,
            id: 'c2',
            type: 'function',
            function: { name: 'Grep', arguments: '{"p":1}' },
          },
        ],
      }),
      chunk({ tool_calls: [{ index: 0, function: { arguments: ':1}' } }] }),
      chunk({}, 'tool_calls'),
      {
        ...chunk({}),
        choices: [],
        usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
      },
    ]);
    expect(r.content).toBe('Two calls:');
    expect(r.reasoning).toBe('hmm ok');
    expect(r.toolCalls).toEqual([
      { index: 0, id: 'c1', name: 'Read', arguments: '{"a":1}' },
      { index: 1, id: 'c2', name: 'Grep', arguments: '{"p":1}' },
    ]);
    expect(r.finishReason).toBe('tool_calls');
    expect(r.usage?.prompt_tokens).toBe(10);
    expect(r.chunkCount).toBe(9);
  });

  it('tells calls apart by id when the upstream omits the index', () => {
    const r = reconstructOpenAiStream([
      chunk({ tool_calls: [{ id: 'a', function: { name: 'X', arguments: '{}' } }] }),
      chunk({ tool_calls: [{ id: 'b', function: { name: 'Y', arguments: '{' } }] }),
      chunk({ tool_calls: [{ function: { arguments: '}' } }] }),
    ]);
    expect(r.toolCalls.map((c) => [c.name, c.arguments])).toEqual([
      ['X', '{}'],
      ['Y', '{}'],
    ]);
  });

  it('keeps an error object sent inside a 200 stream', () => {
    const r = reconstructOpenAiStream([
      chunk({ content: 'par' }),
      { error: { code: 502, message: 'provider down' } },
    ]);
    expect(r.error).toEqual({ code: 502, message: 'provider down' });
  });
});
