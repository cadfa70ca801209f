import { describe, expect, it } from 'vitest';
import { buildTranslationDiff } from '../../../../renderer/model/translation-diff.ts';

describe('buildTranslationDiff', () => {
  const anthropic = {
    model: 'claude-sonnet-4-6',
    max_tokens: 32000,
    system: 'Be brief.',
    stop_sequences: ['END'],
    temperature: 1,
    top_k: 5,
    metadata: { user_id: 'u' },
    stream: true,
    messages: [{ role: 'user', content: 'hi' }],
    tools: [
      { name: 'Read', input_schema: {} },
      { type: 'web_search_20250305', name: 'web_search' },
    ],
  };
  const openai = {
    model: 'gpt-5-mini',
    max_completion_tokens: 32000,
    stop: ['END'],
    temperature: 1,
    user: 'abc123',
    stream: true,
    stream_options: { include_usage: true },
    messages: [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'hi' },
    ],
    tools: [{ type: 'function', function: { name: 'Read', parameters: {} } }],
  };

  it('classifies every field as kept, moved, changed, dropped or added', () => {
    const diff = buildTranslationDiff(anthropic, openai, [
      { kind: 'dropped', field: 'top_k', detail: 'not supported upstream' },
    ]);
    const kinds = Object.fromEntries(
      diff.rows.map((r) => [r.anthropicField ?? r.openaiField, r.kind]),
    );
    expect(kinds).toMatchObject({
      model: 'changed',
      max_tokens: 'moved',
      system: 'moved',
      stop_sequences: 'moved',
      temperature: 'kept',
      top_k: 'dropped',
      metadata: 'changed',
      stream: 'kept',
      messages: 'changed',
      tools: 'changed',
      stream_options: 'added',
    });
    expect(diff.rows.find((r) => r.anthropicField === 'top_k')!.note).toBe(
      'not supported upstream',
    );
    expect(diff.rows.find((r) => r.anthropicField === 'messages')).toMatchObject({
      before: '1 messages',
      after: '2 messages',
    });
  });

  it('summarises message roles and tools missing upstream', () => {
    const diff = buildTranslationDiff(anthropic, openai, []);
    expect(diff.messages).toEqual({ anthropic: 1, openai: 2, openaiRoles: { system: 1, user: 1 } });
    expect(diff.tools.missing).toEqual(['web_search']);
    expect(diff.tools.extra).toEqual([]);
  });
});
