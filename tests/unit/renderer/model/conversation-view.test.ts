import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildConversation } from '../../../../renderer/model/conversation-view.ts';

const fixture = JSON.parse(
  readFileSync(
    new URL(
      '../../../fixtures/claude-code/messages-after-parallel-tool-calls.json',
      import.meta.url,
    ),
    'utf8',
  ),
) as { body: unknown };

describe('buildConversation', () => {
  it('reads a real Claude Code request: system blocks, reminders, tool calls and their results by name', () => {
    const view = buildConversation(fixture.body, undefined, false);
    expect(view.system).toHaveLength(3);
    expect(view.tools.map((t) => t.name)).toContain('Read');
    expect(view.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(view.messages[0]!.blocks.some((b) => b.kind === 'text' && b.reminder)).toBe(true);
    const calls = view.messages[1]!.blocks.filter((b) => b.kind === 'tool-use');
    expect(calls).toHaveLength(2);
    const results = view.messages[2]!.blocks;
    expect(results.every((b) => b.kind === 'tool-result')).toBe(true);
    const names = calls.map((c) => (c.kind === 'tool-use' ? c.name : ''));
    expect(results.map((b) => (b.kind === 'tool-result' ? b.toolName : ''))).toEqual(names);
    expect(view.responseLive).toBe(true);
  });

  it('appends the streamed answer as it is so far, and marks it live until the call ends', () => {
    const request = { messages: [{ role: 'user', content: 'hi' }] };
    const events = [
      {
        offsetMs: 5,
        data: { type: 'message_start', message: { id: 'm', content: [], usage: {} } },
      },
      {
        offsetMs: 6,
        data: { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
      },
      {
        offsetMs: 7,
        data: { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hel' } },
      },
    ];
    const live = buildConversation(request, events, false);
    expect(live.response?.blocks).toEqual([{ kind: 'text', text: 'Hel', reminder: false }]);
    expect(live.responseLive).toBe(true);
    expect(buildConversation(request, events, true).responseLive).toBe(false);
  });

  it('shows an error body as the response error', () => {
    const view = buildConversation(
      { messages: [] },
      { type: 'error', error: { type: 'rate_limit_error', message: 'slow down' } },
      true,
    );
    expect(view.response).toBeUndefined();
    expect(view.responseError).toEqual({ type: 'rate_limit_error', message: 'slow down' });
  });

  it('turns base64 images into data URLs with their decoded size, and error results into flagged blocks', () => {
    const view = buildConversation(
      {
        messages: [
          {
            role: 'user',
            content: [
              { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'AAAA' } },
            ],
          },
          {
            role: 'assistant',
            content: [{ type: 'tool_use', id: 't1', name: 'Bash', input: { command: 'ls' } }],
          },
          {
            role: 'user',
            content: [
              {
                type: 'tool_result',
                tool_use_id: 't1',
                is_error: true,
                content: [{ type: 'text', text: 'boom' }],
              },
            ],
          },
        ],
      },
      undefined,
      true,
    );
    expect(view.messages[0]!.blocks[0]).toEqual({
      kind: 'image',
      image: { src: 'data:image/png;base64,AAAA', mediaType: 'image/png', bytes: 3 },
    });
    expect(view.messages[2]!.blocks[0]).toMatchObject({
      kind: 'tool-result',
      toolName: 'Bash',
      isError: true,
      text: 'boom',
    });
  });

  it('survives a malformed body', () => {
    const view = buildConversation('not json', 42, true);
    expect(view.messages).toEqual([]);
    expect(view.system).toEqual([]);
  });
});
