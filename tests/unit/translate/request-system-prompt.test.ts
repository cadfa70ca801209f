import type { MessageParam } from '@anthropic-ai/sdk/resources/messages';
import { describe, expect, it } from 'vitest';
import { chat, noteDetails, translate } from './request-test-kit.ts';

describe('system prompt', () => {
  it('sends a string system prompt as the first message', () => {
    const { body } = translate({ system: 'Be brief.' });
    expect(body.messages[0]).toEqual({ role: 'system', content: 'Be brief.' });
  });

  it('joins text blocks with a blank line and drops cache_control with one note', () => {
    const translation = translate({
      system: [
        { type: 'text', text: 'x-anthropic-billing-header: cc_version=2.1' },
        { type: 'text', text: 'You are Claude Code.', cache_control: { type: 'ephemeral' } },
        { type: 'text', text: 'Rules.', cache_control: { type: 'ephemeral' } },
      ],
    });
    expect(translation.body.messages[0]).toEqual({
      role: 'system',
      content: 'x-anthropic-billing-header: cc_version=2.1\n\nYou are Claude Code.\n\nRules.',
    });
    expect(noteDetails(translation)).toEqual(['cache_control dropped (×2)']);
  });

  it('sends no system message when there is no system text', () => {
    for (const system of [undefined, '', []]) {
      expect(translate({ system }).body.messages[0]!.role).toBe('user');
    }
  });

  it('merges role "system" messages into the system prompt, after it, with a note', () => {
    const messages: MessageParam[] = [
      { role: 'user', content: 'one' },
      { role: 'system', content: [{ type: 'text', text: '# Environment' }] },
      { role: 'assistant', content: 'two' },
      { role: 'system', content: 'Later reminder' },
      { role: 'user', content: 'three' },
    ];
    const translation = translate({ system: 'Base', messages });
    expect(translation.body.messages[0]).toEqual({
      role: 'system',
      content: 'Base\n\n# Environment\n\nLater reminder',
    });
    expect(chat(translation).map((message) => message.role)).toEqual(['user', 'assistant', 'user']);
    expect(translation.notes).toContainEqual({
      kind: 'changed',
      field: 'messages[1]',
      detail: 'role "system" message merged into the system prompt (×2)',
    });
  });
});
