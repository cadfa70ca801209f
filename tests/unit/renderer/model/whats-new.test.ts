import { describe, expect, it } from 'vitest';
import { compareWithPrevious } from '../../../../renderer/model/whats-new.ts';

const tool = (name: string, description = 'd') => ({
  name,
  description,
  input_schema: { type: 'object' },
});

describe('compareWithPrevious', () => {
  const previous = {
    model: 'claude-sonnet-4-6',
    system: [{ type: 'text', text: 'You are Claude Code.' }],
    tools: [tool('Read'), tool('Bash')],
    messages: [
      {
        role: 'user',
        content: [{ type: 'text', text: 'fix the bug', cache_control: { type: 'ephemeral' } }],
      },
    ],
  };

  it('finds the new turn after the shared prefix, ignoring moved cache_control markers', () => {
    const current = {
      ...previous,
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'fix the bug' }] },
        { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'Read', input: {} }] },
        {
          role: 'user',
          content: [
            {
              type: 'tool_result',
              tool_use_id: 't1',
              content: 'file',
              cache_control: { type: 'ephemeral' },
            },
          ],
        },
      ],
    };
    const diff = compareWithPrevious(current, previous);
    expect(diff.sharedMessages).toBe(1);
    expect(diff.added.map((m) => m.index)).toEqual([1, 2]);
    expect(diff.added[1]!.blocks[0]).toMatchObject({ kind: 'tool-result', toolName: 'Read' });
    expect(diff.removed).toBe(0);
    expect(diff.system.changed).toBe(false);
    expect(diff.tools).toEqual({ added: [], removed: [], changed: [] });
    expect(diff.model).toBeUndefined();
  });

  it('reports messages that disappeared (a compaction) and changes to system prompt, tools and model', () => {
    const current = {
      model: 'claude-opus-4-6',
      system: [
        { type: 'text', text: 'You are Claude Code.' },
        { type: 'text', text: 'Summary of earlier work' },
      ],
      tools: [tool('Read', 'changed'), tool('Grep')],
      messages: [{ role: 'user', content: 'Summary: the bug was fixed' }],
    };
    const diff = compareWithPrevious(current, previous);
    expect(diff.sharedMessages).toBe(0);
    expect(diff.removed).toBe(1);
    expect(diff.system).toMatchObject({ changed: true, changedBlocks: [1] });
    expect(diff.tools).toEqual({ added: ['Grep'], removed: ['Bash'], changed: ['Read'] });
    expect(diff.model).toEqual({ before: 'claude-sonnet-4-6', after: 'claude-opus-4-6' });
  });
});
