import type { ContentBlockParam, MessageParam } from '@anthropic-ai/sdk/resources/messages';
import { describe, expect, it } from 'vitest';
import type { ProviderQuirks } from '../../../shared/providers/provider-quirks.ts';
import { encodeReasoningSignature } from '../../../shared/translate/reasoning-carrier.ts';
import { GEMINI_PLACEHOLDER_THOUGHT_SIGNATURE } from '../../../shared/translate/reasoning-echo.ts';
import { assistantMessages, noteDetails, translate } from './request-test-kit.ts';

const thinking = (text: string, signature = ''): ContentBlockParam => ({
  type: 'thinking',
  thinking: text,
  signature,
});
const call = (id: string): ContentBlockParam => ({ type: 'tool_use', id, name: 'Read', input: {} });
const result = (id: string): ContentBlockParam => ({
  type: 'tool_result',
  tool_use_id: id,
  content: 'ok',
});

const deepseek: Partial<ProviderQuirks> = {
  reasoningEcho: 'reasoning_content',
  echoReasoningOnlyAroundToolCalls: true,
};

/** Turn 1 answers without tools; turn 2 runs a tool loop; turn 3 is the new question. */
const conversation: MessageParam[] = [
  { role: 'user', content: 'q1' },
  { role: 'assistant', content: [thinking('plain thought'), { type: 'text', text: 'a1' }] },
  { role: 'user', content: 'q2' },
  { role: 'assistant', content: [thinking('planning the call'), call('t1')] },
  { role: 'user', content: [result('t1')] },
  { role: 'assistant', content: [{ type: 'text', text: 'a2 without thinking' }] },
  { role: 'user', content: 'q3' },
];

describe('thinking blocks in history', () => {
  it('are dropped by default, with one note', () => {
    const translation = translate({ messages: conversation });
    for (const message of assistantMessages(translation)) {
      expect(message).not.toHaveProperty('reasoning_content');
      expect(message).not.toHaveProperty('reasoning');
      expect(message).not.toHaveProperty('reasoning_details');
    }
    expect(noteDetails(translation)).toContain(
      'thinking blocks dropped (not sent back to this upstream) (×2)',
    );
  });

  it('DeepSeek: echoes reasoning_content for every assistant turn of a span with tool calls, and only those', () => {
    const [answer1, toolTurn, answer2] = assistantMessages(
      translate({ messages: conversation }, deepseek),
    );
    expect(answer1).not.toHaveProperty('reasoning_content');
    expect(toolTurn).toMatchObject({ reasoning_content: 'planning the call' });
    // Same span (the tool result continued it): present, even without thinking text.
    expect(answer2).toMatchObject({ reasoning_content: '' });
  });

  it('DeepSeek: keeps echoing an old tool span in later requests', () => {
    const later: MessageParam[] = [
      ...conversation,
      { role: 'assistant', content: 'a3' },
      { role: 'user', content: 'q4' },
    ];
    const messages = assistantMessages(translate({ messages: later }, deepseek));
    expect(messages[1]).toMatchObject({ reasoning_content: 'planning the call' });
    expect(messages[3]).not.toHaveProperty('reasoning_content');
  });

  it('vLLM style: sends `reasoning` wherever there is thinking text', () => {
    const [answer1, toolTurn, answer2] = assistantMessages(
      translate({ messages: conversation }, { reasoningEcho: 'reasoning' }),
    );
    expect(answer1).toMatchObject({ reasoning: 'plain thought' });
    expect(toolTurn).toMatchObject({ reasoning: 'planning the call' });
    expect(answer2).not.toHaveProperty('reasoning');
  });

  it('handles thinking blocks with empty signatures and empty text (display: omitted)', () => {
    const messages: MessageParam[] = [
      { role: 'user', content: 'q' },
      { role: 'assistant', content: [thinking('', ''), call('t1')] },
      { role: 'user', content: [result('t1')] },
    ];
    for (const reasoningEcho of ['reasoning', 'reasoning_details', 'none'] as const) {
      const [toolTurn] = assistantMessages(translate({ messages }, { reasoningEcho }));
      expect(toolTurn).toEqual({
        role: 'assistant',
        content: null,
        tool_calls: [expect.objectContaining({ id: 't1' })],
      });
    }
  });
});

describe('OpenRouter reasoning_details', () => {
  const openrouter: Partial<ProviderQuirks> = { reasoningEcho: 'reasoning_details' };

  it('sends back the details carried in the signature, verbatim', () => {
    const details = [
      {
        type: 'reasoning.encrypted',
        data: 'opaque',
        id: 'r1',
        format: 'google-gemini-v1',
        index: 0,
      },
    ];
    const messages: MessageParam[] = [
      { role: 'user', content: 'q' },
      {
        role: 'assistant',
        content: [
          thinking('summary', encodeReasoningSignature({ reasoning_details: details })),
          call('t'),
        ],
      },
      { role: 'user', content: [result('t')] },
    ];
    expect(assistantMessages(translate({ messages }, openrouter))[0]).toMatchObject({
      reasoning_details: details,
    });
  });

  it("rebuilds details from text, passing on a foreign signature but never the proxy's own", () => {
    const messages: MessageParam[] = [
      { role: 'user', content: 'q' },
      {
        role: 'assistant',
        content: [
          thinking('from Anthropic', 'EqQBCkYIBxgCKkA'),
          thinking('from the proxy', encodeReasoningSignature({})),
          { type: 'redacted_thinking', data: 'cipher' },
          { type: 'text', text: 'a' },
        ],
      },
    ];
    expect(assistantMessages(translate({ messages }, openrouter))[0]!.reasoning_details).toEqual([
      { type: 'reasoning.text', text: 'from Anthropic', signature: 'EqQBCkYIBxgCKkA' },
      { type: 'reasoning.text', text: 'from the proxy' },
      { type: 'reasoning.encrypted', data: 'cipher' },
    ]);
  });
});

describe('Gemini thought signatures', () => {
  const gemini: Partial<ProviderQuirks> = { geminiThoughtSignatures: true };

  it('puts the carried signature on the first tool call of the turn only', () => {
    const messages: MessageParam[] = [
      { role: 'user', content: 'q' },
      {
        role: 'assistant',
        content: [
          thinking('', encodeReasoningSignature({ thought_signature: 'sig-123' })),
          call('a'),
          call('b'),
        ],
      },
      { role: 'user', content: [result('a'), result('b')] },
    ];
    const calls = assistantMessages(translate({ messages }, gemini))[0]!.tool_calls!;
    expect(calls[0]!.extra_content).toEqual({ google: { thought_signature: 'sig-123' } });
    expect(calls[1]).not.toHaveProperty('extra_content');
  });

  it("falls back to Google's placeholder when no signature was carried", () => {
    const messages: MessageParam[] = [
      { role: 'user', content: 'q' },
      { role: 'assistant', content: [call('a')] },
      { role: 'user', content: [result('a')] },
    ];
    expect(
      assistantMessages(translate({ messages }, gemini))[0]!.tool_calls![0]!.extra_content,
    ).toEqual({
      google: { thought_signature: GEMINI_PLACEHOLDER_THOUGHT_SIGNATURE },
    });
    expect(assistantMessages(translate({ messages }))[0]!.tool_calls![0]).not.toHaveProperty(
      'extra_content',
    );
  });
});
