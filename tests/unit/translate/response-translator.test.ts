import type { ChatCompletion } from 'openai/resources/chat/completions';
import { describe, expect, it } from 'vitest';
import { decodeReasoningSignature } from '../../../shared/translate/reasoning-carrier.ts';
import { translateResponse } from '../../../shared/translate/response-translator.ts';
import { PROXY_THINKING_SIGNATURE } from '../../../shared/translate/thinking-signature.ts';
import type { TranslationNote } from '../../../shared/translate/translation-note.ts';

function completion(
  message: Record<string, unknown>,
  finishReason = 'stop',
  extra: Record<string, unknown> = {},
  choiceExtra: Record<string, unknown> = {},
): ChatCompletion {
  return {
    id: 'chatcmpl-9',
    object: 'chat.completion',
    created: 1_760_000_000,
    model: 'upstream-model-v2',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: null, refusal: null, ...message },
        finish_reason: finishReason,
        logprobs: null,
        ...choiceExtra,
      },
    ],
    usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
    ...extra,
  } as unknown as ChatCompletion;
}

const opts = { requestedModel: 'claude-opus-4-6', toolNames: new Map([['Bash_1a2b', 'Bash']]) };

function toolCall(id: string, name: string, args: string) {
  return { id, type: 'function', function: { name, arguments: args } };
}

describe('translateResponse', () => {
  it('orders content thinking, text, tool_use; echoes the requested model; id is msg_<upstream id>', () => {
    const message = translateResponse(
      completion(
        {
          content: 'I will run it.',
          reasoning_content: 'Should run ls.',
          tool_calls: [toolCall('call_1', 'Bash_1a2b', '{"command":"ls"}')],
        },
        'tool_calls',
      ),
      opts,
    );
    expect(message).toMatchObject({
      id: 'msg_chatcmpl-9',
      type: 'message',
      role: 'assistant',
      model: 'claude-opus-4-6',
      stop_reason: 'tool_use',
      stop_sequence: null,
    });
    expect(message.content).toEqual([
      { type: 'thinking', thinking: 'Should run ls.', signature: PROXY_THINKING_SIGNATURE },
      { type: 'text', text: 'I will run it.', citations: null },
      {
        type: 'tool_use',
        id: 'toolu_call_1',
        name: 'Bash',
        input: { command: 'ls' },
        caller: { type: 'direct' },
      },
    ]);
  });

  it('reads reasoning from `reasoning` (OpenRouter, vLLM) as well', () => {
    const message = translateResponse(completion({ content: 'a', reasoning: 'why' }), opts);
    expect(message.content[0]).toEqual({
      type: 'thinking',
      thinking: 'why',
      signature: PROXY_THINKING_SIGNATURE,
    });
  });

  it.each([
    ['null', null],
    ['empty', ''],
  ])('omits the text block when content is %s', (_label, content) => {
    const message = translateResponse(
      completion({ content, tool_calls: [toolCall('c', 'Read', '{}')] }, 'tool_calls'),
      opts,
    );
    expect(message.content.map((block) => block.type)).toEqual(['tool_use']);
  });

  it('a refusal string is shown as text, and content_filter becomes refusal', () => {
    const message = translateResponse(
      completion({ refusal: 'I cannot help with that.' }, 'content_filter'),
      opts,
    );
    expect(message.content).toEqual([
      { type: 'text', text: 'I cannot help with that.', citations: null },
    ]);
    expect(message.stop_reason).toBe('refusal');
  });

  it.each([
    { label: 'empty arguments', args: '', input: {}, note: false },
    { label: 'valid JSON', args: '{"a":[1,2]}', input: { a: [1, 2] }, note: false },
    { label: 'markdown fences', args: '```json\n{"a":1}\n```', input: { a: 1 }, note: true },
    { label: 'cut-off string and object', args: '{"a":"hal', input: { a: 'hal' }, note: true },
    { label: 'trailing comma', args: '{"a":1,}', input: { a: 1 }, note: true },
    { label: 'not JSON at all', args: 'run ls please', input: {}, note: true },
    { label: 'a JSON array, not an object', args: '[1,2]', input: {}, note: true },
  ])('tool arguments: $label', ({ args, input, note }) => {
    const notes: TranslationNote[] = [];
    const message = translateResponse(
      completion({ tool_calls: [toolCall('c', 'Read', args)] }, 'tool_calls'),
      { ...opts, notes },
    );
    expect(message.content[0]).toMatchObject({ type: 'tool_use', input });
    expect(notes.some((entry) => entry.field === 'content[0].input')).toBe(note);
  });

  it.each([
    ['stop', {}, 'end_turn', null],
    ['stop', { stop_reason: '###' }, 'stop_sequence', '###'],
    ['length', {}, 'max_tokens', null],
    ['content_filter', {}, 'refusal', null],
    ['function_call', {}, 'tool_use', null],
    ['something_else', {}, 'end_turn', null],
  ] as const)('finish_reason %s %o → %s', (finishReason, choiceExtra, stop, sequence) => {
    const message = translateResponse(
      completion({ content: 'x' }, finishReason, {}, choiceExtra),
      opts,
    );
    expect(message.stop_reason).toBe(stop);
    expect(message.stop_sequence).toBe(sequence);
  });

  it('stop_reason is tool_use whenever a tool_use block is there, even after "stop"', () => {
    const message = translateResponse(
      completion({ tool_calls: [toolCall('c', 'Read', '{}')] }, 'stop'),
      opts,
    );
    expect(message.stop_reason).toBe('tool_use');
  });

  it('usage: cache reads and OpenRouter cache writes are split out of prompt_tokens', () => {
    const message = translateResponse(
      completion({ content: 'x' }, 'stop', {
        usage: {
          prompt_tokens: 5000,
          completion_tokens: 77,
          total_tokens: 5077,
          prompt_tokens_details: { cached_tokens: 3000, cache_write_tokens: 1500 },
        },
      }),
      opts,
    );
    expect(message.usage).toMatchObject({
      input_tokens: 500,
      cache_read_input_tokens: 3000,
      cache_creation_input_tokens: 1500,
      output_tokens: 77,
    });
  });

  it('usage missing: input is the estimate passed in, output is characters / 4, and a note says so', () => {
    const notes: TranslationNote[] = [];
    const message = translateResponse(
      completion({ content: 'abcdefghi' }, 'stop', { usage: undefined }),
      {
        ...opts,
        estimatedInputTokens: 321,
        notes,
      },
    );
    expect(message.usage).toMatchObject({
      input_tokens: 321,
      output_tokens: 3,
      cache_read_input_tokens: 0,
    });
    expect(notes).toContainEqual(
      expect.objectContaining({ kind: 'added', field: 'usage.output_tokens' }),
    );
  });

  it('calls without ids get deterministic synthesised ids; duplicate ids are made unique', () => {
    const make = () =>
      translateResponse(
        completion(
          {
            tool_calls: [
              toolCall('', 'Read', '{}'),
              toolCall('dup', 'Read', '{}'),
              toolCall('dup', 'Read', '{}'),
            ],
          },
          'tool_calls',
        ),
        opts,
      ).content.map((block) => (block.type === 'tool_use' ? block.id : ''));
    const ids = make();
    expect(ids).toEqual(make());
    expect(new Set(ids).size).toBe(3);
    expect(ids[0]).toMatch(/^toolu_[A-Za-z0-9_-]+$/);
    expect(ids[1]).toBe('toolu_dup');
  });

  it('OpenRouter reasoning_details and a Gemini thought_signature are carried in the thinking signature', () => {
    const details = [
      { type: 'reasoning.encrypted', data: 'opaque', format: 'google-gemini-v1', index: 0 },
    ];
    const message = translateResponse(
      completion(
        {
          reasoning_details: details,
          tool_calls: [
            {
              ...toolCall('c', 'Read', '{}'),
              extra_content: { google: { thought_signature: 'TS' } },
            },
          ],
        },
        'tool_calls',
      ),
      opts,
    );
    const thinking = message.content[0];
    if (thinking?.type !== 'thinking') throw new Error('expected a thinking block');
    expect(thinking.thinking).toBe('');
    expect(decodeReasoningSignature(thinking.signature)).toEqual({
      reasoning_details: details,
      thought_signature: 'TS',
    });
  });

  it('the legacy function_call becomes a tool_use block', () => {
    const message = translateResponse(
      completion(
        { function_call: { name: 'Bash_1a2b', arguments: '{"command":"pwd"}' } },
        'function_call',
      ),
      opts,
    );
    expect(message.content).toEqual([
      expect.objectContaining({ type: 'tool_use', name: 'Bash', input: { command: 'pwd' } }),
    ]);
    expect(message.stop_reason).toBe('tool_use');
  });

  it('a completion with no choices gives an empty end_turn message rather than throwing', () => {
    const message = translateResponse({ ...completion({}), choices: [] }, opts);
    expect(message.content).toEqual([]);
    expect(message.stop_reason).toBe('end_turn');
  });
});
