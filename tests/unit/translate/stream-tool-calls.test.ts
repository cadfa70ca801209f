import { describe, expect, it } from 'vitest';
import { synthesizeToolUseId } from '../../../shared/translate/tool-use-id.ts';
import { chunk, finish, text, toolDeltas } from '../../support/stream-fixtures/chunk-builders.ts';
import { checkEventOrder } from '../../support/stream-fixtures/event-order-checker.ts';
import { replayThroughSdk } from '../../support/stream-fixtures/sdk-replay.ts';
import {
  blockEvents,
  TEST_MESSAGE_ID,
  translateChunks,
} from '../../support/stream-fixtures/translate-chunks.ts';

describe('tool-call deltas become tool_use blocks', () => {
  it('id and name come on the first delta; each argument fragment becomes one input_json_delta', () => {
    const { events } = translateChunks(
      [
        toolDeltas({ index: 0, id: 'call_abc', name: 'mcp__x_3f2a', args: '' }),
        toolDeltas({ index: 0, args: '{"q":' }),
        toolDeltas({ index: 0, args: '"rain"}' }),
        finish('tool_calls'),
      ],
      { toolNames: new Map([['mcp__x_3f2a', 'mcp__some_server__a_very_long_original_tool_name']]) },
    );
    expect(blockEvents(events)).toEqual([
      {
        type: 'content_block_start',
        index: 0,
        content_block: {
          type: 'tool_use',
          id: 'toolu_call_abc',
          name: 'mcp__some_server__a_very_long_original_tool_name',
          input: {},
          caller: { type: 'direct' },
        },
      },
      {
        type: 'content_block_delta',
        index: 0,
        delta: { type: 'input_json_delta', partial_json: '{"q":' },
      },
      {
        type: 'content_block_delta',
        index: 0,
        delta: { type: 'input_json_delta', partial_json: '"rain"}' },
      },
      { type: 'content_block_stop', index: 0 },
    ]);
  });

  it.each([
    {
      label: 'Ollama: index 0 for every call, a new id means a new call',
      chunks: [
        toolDeltas({ index: 0, id: 'call_1', name: 'Read', args: '{"p":' }),
        toolDeltas({ index: 0, args: '1}' }),
        toolDeltas({ index: 0, id: 'call_2', name: 'Read', args: '{"p":2}' }),
      ],
      ids: ['toolu_call_1', 'toolu_call_2'],
    },
    {
      label: 'old Ollama and Gemini: no index, whole calls, two in one delta',
      chunks: [
        toolDeltas(
          { id: 'fc-1', name: 'Read', args: '{"p":1}' },
          { id: 'fc-2', name: 'Read', args: '{"p":2}' },
        ),
      ],
      ids: ['toolu_fc-1', 'toolu_fc-2'],
    },
    {
      label:
        'no index and no id: whole calls are told apart by a new name after complete arguments',
      chunks: [
        toolDeltas({ name: 'Read', args: '{"p":1}' }),
        toolDeltas({ name: 'Read', args: '{"p":2}' }),
      ],
      ids: [synthesizeToolUseId(TEST_MESSAGE_ID, 0), synthesizeToolUseId(TEST_MESSAGE_ID, 1)],
    },
    {
      label: 'index 0 and no id (Ollama without ids): whole calls still split',
      chunks: [
        toolDeltas({ index: 0, name: 'Read', args: '{"p":1}' }),
        toolDeltas({ index: 0, name: 'Read', args: '{"p":2}' }),
      ],
      ids: [synthesizeToolUseId(TEST_MESSAGE_ID, 0), synthesizeToolUseId(TEST_MESSAGE_ID, 1)],
    },
    {
      label: 'a server that repeats the id on every fragment keeps one call',
      chunks: [
        toolDeltas({ index: 0, id: 'call_1', name: 'Read', args: '{"p"' }),
        toolDeltas({ index: 0, id: 'call_1', args: ':1}' }),
        toolDeltas({ index: 1, id: 'call_2', name: 'Read', args: '{"p":2}' }),
      ],
      ids: ['toolu_call_1', 'toolu_call_2'],
    },
    {
      label:
        'a server that repeats the name on every fragment keeps one call while arguments are incomplete',
      chunks: [
        toolDeltas({ index: 0, id: 'call_1', name: 'Read', args: '{"p"' }),
        toolDeltas({ index: 0, name: 'Read', args: ':1}' }),
        toolDeltas({ index: 1, id: 'call_2', name: 'Read', args: '{"p":2}' }),
      ],
      ids: ['toolu_call_1', 'toolu_call_2'],
    },
  ])('$label', async ({ chunks, ids }) => {
    const { events } = translateChunks([...chunks, finish('tool_calls')]);
    expect(checkEventOrder(events)).toEqual([]);
    const message = await replayThroughSdk(events);
    expect(message.content).toEqual([
      { type: 'tool_use', id: ids[0], name: 'Read', input: { p: 1 }, caller: { type: 'direct' } },
      { type: 'tool_use', id: ids[1], name: 'Read', input: { p: 2 }, caller: { type: 'direct' } },
    ]);
  });

  it('synthesised ids are deterministic for a message and differ between messages', () => {
    const ids = (messageId: string) =>
      translateChunks([toolDeltas({ name: 'Read', args: '{}' }), finish('tool_calls')], {
        messageId,
      }).state.calls.map((call) => call.id);
    expect(ids('msg_one')).toEqual(ids('msg_one'));
    expect(ids('msg_one')).not.toEqual(ids('msg_two'));
    expect(ids('msg_one')[0]).toMatch(/^toolu_[A-Za-z0-9_-]+$/);
  });

  it('an upstream id with other characters becomes a valid, stable toolu_ id', () => {
    const run = () =>
      translateChunks([
        toolDeltas({ index: 0, id: 'call:1/x', name: 'Read', args: '{}' }),
        finish('tool_calls'),
      ]).state.calls[0]!.id;
    expect(run()).toMatch(/^toolu_call_1_x_[a-z0-9]+$/);
    expect(run()).toBe(run());
  });

  it('two calls with the same upstream id get distinct tool_use ids', () => {
    const { state } = translateChunks([
      toolDeltas({ index: 0, id: 'call_0', name: 'Read', args: '{"p":1}' }),
      toolDeltas({ index: 1, id: 'call_0', name: 'Read', args: '{"p":2}' }),
      finish('tool_calls'),
    ]);
    const ids = state.calls.map((call) => call.id);
    expect(new Set(ids).size).toBe(2);
  });

  it('a call with empty arguments sends no input_json_delta and ends up with input {}', async () => {
    const { events } = translateChunks([
      toolDeltas({ index: 0, id: 'call_1', name: 'TodoRead', args: '' }),
      finish('tool_calls'),
    ]);
    expect(blockEvents(events).map((event) => event.type)).toEqual([
      'content_block_start',
      'content_block_stop',
    ]);
    const message = await replayThroughSdk(events);
    expect(message.content[0]).toMatchObject({ type: 'tool_use', name: 'TodoRead', input: {} });
  });

  it('arguments cut off by the token limit are closed by an appended delta, and stop_reason is max_tokens', async () => {
    const { events, state } = translateChunks([
      toolDeltas({
        index: 0,
        id: 'call_1',
        name: 'Write',
        args: '{"file_path":"a.txt","content":"half a fi',
      }),
      finish('length'),
    ]);
    expect(checkEventOrder(events)).toEqual([]);
    expect(blockEvents(events)[2]).toEqual({
      type: 'content_block_delta',
      index: 0,
      delta: { type: 'input_json_delta', partial_json: '"}' },
    });
    const message = await replayThroughSdk(events);
    expect(message.content[0]).toMatchObject({
      input: { file_path: 'a.txt', content: 'half a fi' },
    });
    expect(message.stop_reason).toBe('max_tokens');
    expect(state.notes).toContainEqual(
      expect.objectContaining({ kind: 'changed', field: 'content[0].input' }),
    );
  });

  it('text after a tool call keeps its place after the call', async () => {
    const { events } = translateChunks([
      text('Before.'),
      toolDeltas({ index: 0, id: 'call_1', name: 'Read', args: '{"p":1}' }),
      text('After.'),
      finish('tool_calls'),
    ]);
    expect(checkEventOrder(events)).toEqual([]);
    const message = await replayThroughSdk(events);
    expect(message.content.map((block) => block.type)).toEqual(['text', 'tool_use', 'text']);
  });

  it('text arriving while a call is still incomplete waits and follows the call', async () => {
    const { events } = translateChunks([
      toolDeltas({ index: 0, id: 'call_1', name: 'Read', args: '{"p":' }),
      text('meanwhile'),
      toolDeltas({ index: 0, args: '1}' }),
      finish('tool_calls'),
    ]);
    expect(checkEventOrder(events)).toEqual([]);
    const message = await replayThroughSdk(events);
    expect(message.content).toEqual([
      expect.objectContaining({ type: 'tool_use', input: { p: 1 } }),
      { type: 'text', text: 'meanwhile', citations: null },
    ]);
  });

  it('the legacy function_call delta becomes a tool_use block', async () => {
    const { events } = translateChunks([
      chunk({ function_call: { name: 'Read', arguments: '{"p":' } }),
      chunk({ function_call: { arguments: '1}' } }),
      finish('function_call'),
    ]);
    const message = await replayThroughSdk(events);
    expect(message.content).toEqual([
      expect.objectContaining({ type: 'tool_use', name: 'Read', input: { p: 1 } }),
    ]);
    expect(message.stop_reason).toBe('tool_use');
  });

  it('text, a call still without its name, then more text: the three keep their order', async () => {
    const { events } = translateChunks([
      text('one'),
      toolDeltas({ index: 0, id: 'call_1', args: '{"p":1}' }),
      text('two'),
      toolDeltas({ index: 0, name: 'Read' }),
      finish('tool_calls'),
    ]);
    expect(checkEventOrder(events)).toEqual([]);
    const message = await replayThroughSdk(events);
    expect(message.content).toEqual([
      { type: 'text', text: 'one', citations: null },
      expect.objectContaining({ type: 'tool_use', name: 'Read', input: { p: 1 } }),
      { type: 'text', text: 'two', citations: null },
    ]);
  });

  it('a call whose name arrives after its first delta still opens with the name', async () => {
    const { events } = translateChunks([
      toolDeltas({ index: 0, id: 'call_1', args: '{"p":' }),
      toolDeltas({ index: 0, name: 'Read', args: '1}' }),
      finish('tool_calls'),
    ]);
    expect(checkEventOrder(events)).toEqual([]);
    const message = await replayThroughSdk(events);
    expect(message.content).toEqual([expect.objectContaining({ name: 'Read', input: { p: 1 } })]);
  });
});
