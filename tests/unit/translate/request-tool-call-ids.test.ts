import { describe, expect, it } from 'vitest';
import { upstreamToolCallId } from '../../../shared/translate/tool-call-id.ts';
import { chat, translate } from './request-test-kit.ts';

const SAFE = /^[a-zA-Z0-9_-]+$/;

describe('upstreamToolCallId', () => {
  it('keeps an id that is already short and safe', () => {
    expect(upstreamToolCallId('toolu_01AbC', 40)).toBe('toolu_01AbC');
  });

  it.each([
    ['too long', `toolu_${'a'.repeat(60)}`],
    ['unsafe characters', 'call:1/2.3'],
    ['empty', ''],
  ])('rewrites an id that is %s into a safe id within the limit', (_case, id) => {
    const mapped = upstreamToolCallId(id, 40);
    expect(mapped).toMatch(SAFE);
    expect(mapped.length).toBeLessThanOrEqual(40);
    expect(mapped).not.toBe(id);
  });

  it('is deterministic, so a call and its result map to the same id in every request', () => {
    const id = `toolu_${'b'.repeat(50)}`;
    expect(upstreamToolCallId(id, 40)).toBe(upstreamToolCallId(id, 40));
  });

  it('keeps ids apart that share a long prefix or differ only in replaced characters', () => {
    const prefix = 'toolu_'.padEnd(45, 'x');
    expect(upstreamToolCallId(`${prefix}1`, 40)).not.toBe(upstreamToolCallId(`${prefix}2`, 40));
    expect(upstreamToolCallId('a.b', 40)).not.toBe(upstreamToolCallId('a:b', 40));
  });

  it('gives Mistral exactly 9 alphanumerics, even for an id that would fit', () => {
    for (const id of ['toolu_01ABCDEFGH', 'abc', 'call_0']) {
      expect(upstreamToolCallId(id, 9)).toMatch(/^[a-zA-Z0-9]{9}$/);
    }
  });
});

describe('tool-call ids in a translated conversation', () => {
  it('maps a tool_use id and its tool_result id to the same upstream id', () => {
    const longId = `toolu_${'z'.repeat(50)}`;
    const translation = translate({
      messages: [
        { role: 'user', content: 'go' },
        { role: 'assistant', content: [{ type: 'tool_use', id: longId, name: 'Read', input: {} }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: longId, content: 'ok' }] },
      ],
    });
    const [, assistant, tool] = chat(translation);
    const callId = assistant.role === 'assistant' ? assistant.tool_calls?.[0]?.id : undefined;
    expect(callId).toBeDefined();
    expect(callId!.length).toBeLessThanOrEqual(40);
    expect(tool).toMatchObject({ role: 'tool', tool_call_id: callId });
    expect(translation.notes.some((note) => note.detail.includes('tool-call id'))).toBe(true);
  });
});
