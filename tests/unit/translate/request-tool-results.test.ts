import type { ContentBlockParam, MessageParam } from '@anthropic-ai/sdk/resources/messages';
import { describe, expect, it } from 'vitest';
import { chat, noteDetails, translate } from './request-test-kit.ts';

const call = (id: string, name = 'Read'): ContentBlockParam => ({
  type: 'tool_use',
  id,
  name,
  input: { id },
});
const result = (id: string, content?: unknown, extra = {}): ContentBlockParam =>
  ({
    type: 'tool_result',
    tool_use_id: id,
    ...(content !== undefined && { content }),
    ...extra,
  }) as ContentBlockParam;

function turn(calls: ContentBlockParam[], answer: ContentBlockParam[] | null, quirks = {}) {
  const messages: MessageParam[] = [
    { role: 'user', content: 'go' },
    { role: 'assistant', content: calls },
  ];
  if (answer) messages.push({ role: 'user', content: answer });
  return translate({ messages }, quirks);
}

describe('tool results', () => {
  it('places tool messages right after the assistant message, in call order', () => {
    const translation = turn(
      [call('a'), call('b'), call('c')],
      [result('c', 'C'), result('a', 'A'), result('b', 'B')],
    );
    expect(chat(translation).slice(1)).toEqual([
      expect.objectContaining({ role: 'assistant' }),
      { role: 'tool', tool_call_id: 'a', content: 'A' },
      { role: 'tool', tool_call_id: 'b', content: 'B' },
      { role: 'tool', tool_call_id: 'c', content: 'C' },
    ]);
  });

  it('puts the rest of the user turn in one user message after the tool messages', () => {
    const translation = turn(
      [call('a')],
      [result('a', 'A'), { type: 'text', text: '<system-reminder>x</system-reminder>' }],
    );
    expect(chat(translation).slice(2)).toEqual([
      { role: 'tool', tool_call_id: 'a', content: 'A' },
      { role: 'user', content: '<system-reminder>x</system-reminder>' },
    ]);
  });

  it.each([
    ['a string', 'plain', 'plain'],
    [
      'text blocks',
      [
        { type: 'text', text: 'one' },
        { type: 'text', text: 'two' },
      ],
      'one\n\ntwo',
    ],
    ['an empty string', '', '(no output)'],
    ['an empty array', [], '(no output)'],
    ['no content', undefined, '(no output)'],
  ])('turns %s into the tool message text', (_case, content, expected) => {
    expect(chat(turn([call('a')], [result('a', content)]))[2]).toEqual({
      role: 'tool',
      tool_call_id: 'a',
      content: expected,
    });
  });

  it('prefixes an error result with "Error: "', () => {
    expect(
      chat(turn([call('a')], [result('a', 'not found', { is_error: true })]))[2],
    ).toMatchObject({
      content: 'Error: not found',
    });
  });

  it('moves images of a result into the following user message', () => {
    const image = {
      type: 'image',
      source: { type: 'base64', media_type: 'image/png', data: 'AAAA' },
    };
    const messages = chat(
      turn([call('a')], [result('a', [{ type: 'text', text: 'screenshot' }, image])]),
    );
    expect(messages[2]).toEqual({ role: 'tool', tool_call_id: 'a', content: 'screenshot' });
    expect(messages[3]).toEqual({
      role: 'user',
      content: [
        { type: 'text', text: 'Output of tool call a:' },
        { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } },
      ],
    });
  });

  it('says where the output went when a result is only an image', () => {
    const image = { type: 'image', source: { type: 'url', url: 'https://x/y.png' } };
    expect(chat(turn([call('a')], [result('a', [image])]))[2]).toMatchObject({
      content: '(the output is attached in the next user message)',
    });
  });

  it('adds a synthetic result for a call the next user turn does not answer', () => {
    const translation = turn(
      [call('a'), call('b')],
      [result('a', 'A'), { type: 'text', text: 'stop' }],
    );
    expect(chat(translation).slice(2)).toEqual([
      { role: 'tool', tool_call_id: 'a', content: 'A' },
      {
        role: 'tool',
        tool_call_id: 'b',
        content: 'Error: no result was returned for this tool call.',
      },
      { role: 'user', content: 'stop' },
    ]);
    expect(noteDetails(translation)).toContain(
      'synthetic tool result added for an unanswered tool call',
    );
  });

  it('adds synthetic results when the conversation ends on tool calls', () => {
    const messages = chat(turn([call('a')], null));
    expect(messages.at(-1)).toMatchObject({ role: 'tool', tool_call_id: 'a' });
  });

  it('adds synthetic results when an assistant message follows another', () => {
    const translation = translate({
      messages: [
        { role: 'user', content: 'go' },
        { role: 'assistant', content: [call('a')] },
        { role: 'assistant', content: 'continuing' },
      ],
    });
    expect(chat(translation).map((message) => message.role)).toEqual([
      'user',
      'assistant',
      'tool',
      'assistant',
    ]);
  });

  it('sends a result with no matching call as user text', () => {
    const translation = turn([call('a')], [result('a', 'A'), result('ghost', 'boo')]);
    expect(chat(translation).slice(2)).toEqual([
      { role: 'tool', tool_call_id: 'a', content: 'A' },
      { role: 'user', content: 'Result of tool call ghost:\nboo' },
    ]);
    expect(noteDetails(translation)).toContain(
      'tool_result without a matching tool_use sent as user text',
    );
  });

  it('answers only the calls of the immediately preceding assistant message', () => {
    const translation = translate({
      messages: [
        { role: 'user', content: 'go' },
        { role: 'assistant', content: [call('old')] },
        { role: 'user', content: [result('old', 'done')] },
        { role: 'assistant', content: [call('new')] },
        { role: 'user', content: [result('new', 'N'), result('old', 'again')] },
      ],
    });
    expect(chat(translation).slice(4)).toEqual([
      { role: 'tool', tool_call_id: 'new', content: 'N' },
      { role: 'user', content: 'Result of tool call old:\nagain' },
    ]);
  });
});
