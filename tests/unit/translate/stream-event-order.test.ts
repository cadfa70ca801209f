import { describe, expect, it } from 'vitest';
import {
  createStreamState,
  finishStream,
  startStream,
  stepStream,
} from '../../../shared/translate/stream-translator.ts';
import { PROXY_THINKING_SIGNATURE } from '../../../shared/translate/thinking-signature.ts';
import {
  finish,
  reasoning,
  text,
  toolDeltas,
  usageOnly,
} from '../../support/stream-fixtures/chunk-builders.ts';
import { checkEventOrder } from '../../support/stream-fixtures/event-order-checker.ts';
import { replayThroughSdk } from '../../support/stream-fixtures/sdk-replay.ts';
import { streamOptions, translateChunks } from '../../support/stream-fixtures/translate-chunks.ts';

describe('stream event order', () => {
  it('startStream sends message_start with the requested model and the input estimate, then a ping', () => {
    const state = createStreamState(streamOptions({ estimatedInputTokens: 4321 }));
    const events = startStream(state);
    expect(events.map((event) => event.type)).toEqual(['message_start', 'ping']);
    expect(events[0]).toMatchObject({
      type: 'message_start',
      message: {
        id: 'msg_chatcmpl-test',
        type: 'message',
        role: 'assistant',
        content: [],
        model: 'claude-sonnet-4-6',
        stop_reason: null,
        stop_sequence: null,
        usage: {
          input_tokens: 4321,
          output_tokens: 0,
          cache_read_input_tokens: 0,
          cache_creation_input_tokens: 0,
        },
      },
    });
  });

  it('startStream is idempotent: a second call returns nothing and stepStream does not start again', () => {
    const state = createStreamState(streamOptions());
    expect(startStream(state)).toHaveLength(2);
    expect(startStream(state)).toEqual([]);
    expect(stepStream(state, text('hi')).map((event) => event.type)).toEqual([
      'content_block_start',
      'content_block_delta',
    ]);
  });

  it('stepStream starts the message itself when startStream was not called', () => {
    const state = createStreamState(streamOptions());
    expect(stepStream(state, text('hi')).map((event) => event.type)).toEqual([
      'message_start',
      'ping',
      'content_block_start',
      'content_block_delta',
    ]);
  });

  it('a generated message id looks like an Anthropic id when none is given', () => {
    const state = createStreamState(streamOptions({ messageId: undefined }));
    expect(state.messageId).toMatch(/^msg_[A-Za-z0-9]{24}$/);
  });

  it('reasoning, text and two tool calls give exactly the Anthropic event sequence', () => {
    const { events } = translateChunks([
      reasoning('Plan.'),
      text('Doing it.'),
      toolDeltas({ index: 0, id: 'call_a', name: 'Read', args: '' }),
      toolDeltas({ index: 0, args: '{"path":"a"}' }),
      toolDeltas({ index: 1, id: 'call_b', name: 'Read', args: '{"path":"b"}' }),
      finish('tool_calls'),
      usageOnly({ prompt_tokens: 10, completion_tokens: 5 }),
    ]);
    expect(events.map((event) => event.type + ('index' in event ? `:${event.index}` : ''))).toEqual(
      [
        'message_start',
        'ping',
        'content_block_start:0',
        'content_block_delta:0',
        'content_block_delta:0',
        'content_block_stop:0',
        'content_block_start:1',
        'content_block_delta:1',
        'content_block_stop:1',
        'content_block_start:2',
        'content_block_delta:2',
        'content_block_stop:2',
        'content_block_start:3',
        'content_block_delta:3',
        'content_block_stop:3',
        'message_delta',
        'message_stop',
      ],
    );
    expect(events[4]).toEqual({
      type: 'content_block_delta',
      index: 0,
      delta: { type: 'signature_delta', signature: PROXY_THINKING_SIGNATURE },
    });
    expect(checkEventOrder(events)).toEqual([]);
  });

  it('nothing is emitted after message_stop, whatever arrives', () => {
    const { state } = translateChunks([text('done'), finish('stop')]);
    expect(stepStream(state, text('late'))).toEqual([]);
    expect(finishStream(state)).toEqual([]);
    expect(startStream(state)).toEqual([]);
  });

  it('an empty answer still is a valid message: start, delta, stop, no blocks', async () => {
    const { events } = translateChunks([text(''), finish('stop')]);
    expect(events.map((event) => event.type)).toEqual([
      'message_start',
      'ping',
      'message_delta',
      'message_stop',
    ]);
    const message = await replayThroughSdk(events);
    expect(message.content).toEqual([]);
    expect(message.stop_reason).toBe('end_turn');
  });

  it('the order checker itself rejects a delta for a stopped block and a second message_start', () => {
    const { events } = translateChunks([text('a'), finish('stop')]);
    const stopAt = events.findIndex((event) => event.type === 'content_block_stop');
    const broken = [...events];
    broken.splice(stopAt + 1, 0, {
      type: 'content_block_delta',
      index: 0,
      delta: { type: 'text_delta', text: 'x' },
    });
    broken.splice(1, 0, events[0]!);
    expect(checkEventOrder(broken)).toEqual([
      '#1 message_start: second message_start',
      `#${stopAt + 2} content_block_delta: delta for block 0, which is not open`,
    ]);
  });
});
