import { describe, expect, it } from 'vitest';
import { finish, text, toolDeltas } from '../../support/stream-fixtures/chunk-builders.ts';
import { checkEventOrder } from '../../support/stream-fixtures/event-order-checker.ts';
import { replayThroughSdk } from '../../support/stream-fixtures/sdk-replay.ts';
import { blockEvents, translateChunks } from '../../support/stream-fixtures/translate-chunks.ts';

describe('interleaved parallel tool calls', () => {
  it('alternating fragments: the first call streams live, the second is buffered and sent after the first stops', async () => {
    const { events } = translateChunks([
      toolDeltas({ index: 0, id: 'call_a', name: 'Read', args: '' }),
      toolDeltas({ index: 1, id: 'call_b', name: 'Grep', args: '' }),
      toolDeltas({ index: 0, args: '{"path":' }),
      toolDeltas({ index: 1, args: '{"pattern":' }),
      toolDeltas({ index: 0, args: '"a.ts"}' }),
      toolDeltas({ index: 1, args: '"TODO"}' }),
      finish('tool_calls'),
    ]);
    expect(checkEventOrder(events)).toEqual([]);
    expect(blockEvents(events)).toEqual([
      expect.objectContaining({
        type: 'content_block_start',
        index: 0,
        content_block: expect.objectContaining({ id: 'toolu_call_a' }),
      }),
      {
        type: 'content_block_delta',
        index: 0,
        delta: { type: 'input_json_delta', partial_json: '{"path":' },
      },
      {
        type: 'content_block_delta',
        index: 0,
        delta: { type: 'input_json_delta', partial_json: '"a.ts"}' },
      },
      { type: 'content_block_stop', index: 0 },
      expect.objectContaining({
        type: 'content_block_start',
        index: 1,
        content_block: expect.objectContaining({ id: 'toolu_call_b' }),
      }),
      {
        type: 'content_block_delta',
        index: 1,
        delta: { type: 'input_json_delta', partial_json: '{"pattern":"TODO"}' },
      },
      { type: 'content_block_stop', index: 1 },
    ]);
    const message = await replayThroughSdk(events);
    expect(
      message.content.map((block) => (block.type === 'tool_use' ? block.input : null)),
    ).toEqual([{ path: 'a.ts' }, { pattern: 'TODO' }]);
  });

  it('the buffered calls are emitted only at finishStream, never while the first block is open', () => {
    const { events } = translateChunks(
      [
        toolDeltas({ index: 0, id: 'call_a', name: 'Read', args: '{"p"' }),
        toolDeltas({ index: 1, id: 'call_b', name: 'Read', args: '{"p":2}' }),
        toolDeltas({ index: 0, args: ':1}' }),
        finish('tool_calls'),
      ],
      {},
      { finished: false },
    );
    const starts = events.filter((event) => event.type === 'content_block_start');
    expect(starts).toHaveLength(1);
  });

  it('a new call after the previous call completed opens at once (sequential calls stream live)', () => {
    const { events } = translateChunks(
      [
        toolDeltas({ index: 0, id: 'call_a', name: 'Read', args: '{"p":1}' }),
        toolDeltas({ index: 1, id: 'call_b', name: 'Read', args: '' }),
        toolDeltas({ index: 1, args: '{"p":2}' }),
      ],
      {},
      { finished: false },
    );
    expect(
      blockEvents(events).map((event) => event.type + ':' + ('index' in event ? event.index : '')),
    ).toEqual([
      'content_block_start:0',
      'content_block_delta:0',
      'content_block_stop:0',
      'content_block_start:1',
      'content_block_delta:1',
    ]);
  });

  it('three calls, four chunks each, round-robin, with text before: order and inputs survive', async () => {
    const calls = [
      { id: 'call_x', name: 'Read', input: { file_path: '/tmp/x', limit: 10 } },
      { id: 'call_y', name: 'Bash', input: { command: 'ls -la', timeout: 5 } },
      { id: 'call_z', name: 'Grep', input: { pattern: 'a"b\\c', glob: '*.ts' } },
    ];
    const fragments = calls.map((call) => {
      const json = JSON.stringify(call.input);
      const quarter = Math.ceil(json.length / 4);
      return [0, 1, 2, 3].map((part) => json.slice(part * quarter, (part + 1) * quarter));
    });
    const chunks = [text('Three things at once.')];
    calls.forEach((call, index) =>
      chunks.push(toolDeltas({ index, id: call.id, name: call.name, args: '' })),
    );
    for (let part = 0; part < 4; part++) {
      chunks.push(
        toolDeltas(...calls.map((_call, index) => ({ index, args: fragments[index]![part]! }))),
      );
    }
    const { events } = translateChunks([...chunks, finish('tool_calls')]);
    expect(checkEventOrder(events)).toEqual([]);
    const message = await replayThroughSdk(events);
    expect(message.content).toEqual([
      { type: 'text', text: 'Three things at once.', citations: null },
      ...calls.map((call) => ({
        type: 'tool_use',
        id: 'toolu_' + call.id,
        name: call.name,
        input: call.input,
        caller: { type: 'direct' },
      })),
    ]);
  });
});
