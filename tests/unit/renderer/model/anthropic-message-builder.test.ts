import { describe, expect, it } from 'vitest';
import { reconstructAnthropicStream } from '../../../../renderer/model/anthropic-message-builder.ts';

const start = {
  type: 'message_start',
  message: {
    id: 'msg_1',
    type: 'message',
    role: 'assistant',
    model: 'claude-x',
    content: [],
    stop_reason: null,
    stop_sequence: null,
    usage: { input_tokens: 12, output_tokens: 0 },
  },
};

const events = [
  start,
  {
    type: 'content_block_start',
    index: 0,
    content_block: { type: 'thinking', thinking: '', signature: '' },
  },
  { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'Let me ' } },
  { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'think.' } },
  { type: 'content_block_stop', index: 0 },
  { type: 'content_block_start', index: 1, content_block: { type: 'text', text: '' } },
  { type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: 'Hello' } },
  { type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: ' world' } },
  { type: 'content_block_stop', index: 1 },
  {
    type: 'content_block_start',
    index: 2,
    content_block: { type: 'tool_use', id: 'toolu_1', name: 'Read', input: {} },
  },
  {
    type: 'content_block_delta',
    index: 2,
    delta: { type: 'input_json_delta', partial_json: '{"file_path":' },
  },
  {
    type: 'content_block_delta',
    index: 2,
    delta: { type: 'input_json_delta', partial_json: '"/a.ts"}' },
  },
  { type: 'content_block_stop', index: 2 },
  {
    type: 'message_delta',
    delta: { stop_reason: 'tool_use', stop_sequence: null },
    usage: { output_tokens: 30, input_tokens: null },
  },
  { type: 'message_stop' },
];

describe('reconstructAnthropicStream', () => {
  it('rebuilds thinking, text and tool input from the deltas, and the final usage', () => {
    const r = reconstructAnthropicStream(events);
    expect(r.complete).toBe(true);
    expect(r.message.id).toBe('msg_1');
    expect(r.message.content).toEqual([
      { type: 'thinking', thinking: 'Let me think.', signature: '' },
      { type: 'text', text: 'Hello world' },
      { type: 'tool_use', id: 'toolu_1', name: 'Read', input: { file_path: '/a.ts' } },
    ]);
    expect(r.message.stop_reason).toBe('tool_use');
    // A null in message_delta's usage keeps message_start's value, as the SDK does.
    expect(r.message.usage).toMatchObject({ input_tokens: 12, output_tokens: 30 });
  });

  it('shows a stream prefix as the answer so far, tool input still as text', () => {
    const r = reconstructAnthropicStream(events.slice(0, 11));
    expect(r.complete).toBe(false);
    expect(r.message.content[1]).toEqual({ type: 'text', text: 'Hello world' });
    expect(r.message.content[2]).toMatchObject({ type: 'tool_use', partial_json: '{"file_path":' });
  });

  it('keeps the error event of a stream that failed after it started', () => {
    const r = reconstructAnthropicStream([
      start,
      { type: 'error', error: { type: 'overloaded_error', message: 'busy' } },
    ]);
    expect(r.error).toEqual({ type: 'overloaded_error', message: 'busy' });
    expect(r.complete).toBe(false);
  });

  it('notes a delta for a block that was never started instead of crashing', () => {
    const r = reconstructAnthropicStream([
      start,
      { type: 'content_block_delta', index: 4, delta: { type: 'text_delta', text: 'x' } },
    ]);
    expect(r.problems).toHaveLength(1);
  });
});
