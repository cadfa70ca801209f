import { APIError } from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import {
  createStreamState,
  failStream,
  finishStream,
  startStream,
  stepStream,
  streamResult,
  TRUNCATED_STREAM_MESSAGE,
} from '../../../shared/translate/stream-translator.ts';
import { chunk, finish, text, toolDeltas } from '../../support/stream-fixtures/chunk-builders.ts';
import { checkEventOrder } from '../../support/stream-fixtures/event-order-checker.ts';
import { replayThroughSdk } from '../../support/stream-fixtures/sdk-replay.ts';
import { streamOptions, translateChunks } from '../../support/stream-fixtures/translate-chunks.ts';

describe('end of stream and failures', () => {
  it('EOF without any finish_reason sends an api_error event and no message_stop', async () => {
    const { events, state } = translateChunks([text('half an ans')]);
    expect(events.at(-1)).toEqual({
      type: 'error',
      error: { type: 'api_error', message: TRUNCATED_STREAM_MESSAGE },
    });
    expect(
      events.some((event) => event.type === 'message_stop' || event.type === 'message_delta'),
    ).toBe(false);
    expect(checkEventOrder(events)).toEqual([]);
    expect(streamResult(state)).toMatchObject({ stopReason: null, error: { type: 'api_error' } });
    await expect(replayThroughSdk(events)).rejects.toThrow(APIError);
  });

  it('the SDK surfaces the error type of an error event', async () => {
    const { events } = translateChunks([text('a')]);
    const error = await replayThroughSdk(events).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).type).toBe('api_error');
    expect((error as APIError).message).toContain(TRUNCATED_STREAM_MESSAGE);
  });

  it('finishStream before any chunk and without finish_reason: message_start, ping, then the error', () => {
    const state = createStreamState(streamOptions());
    expect(finishStream(state).map((event) => event.type)).toEqual([
      'message_start',
      'ping',
      'error',
    ]);
  });

  it('failStream after the start sends only the error event, then the stream is over', async () => {
    const state = createStreamState(streamOptions());
    const events = [...startStream(state), ...stepStream(state, text('partial'))];
    const failure = failStream(state, { type: 'overloaded_error', message: 'upstream 503' });
    expect(failure).toEqual([
      { type: 'error', error: { type: 'overloaded_error', message: 'upstream 503' } },
    ]);
    expect(stepStream(state, text('more'))).toEqual([]);
    expect(finishStream(state)).toEqual([]);
    expect(failStream(state, { type: 'api_error', message: 'again' })).toEqual([]);
    const thrown = await replayThroughSdk([...events, ...failure]).catch((error: unknown) => error);
    expect((thrown as APIError).type).toBe('overloaded_error');
  });

  it('failStream before the start sends just the error event', () => {
    const state = createStreamState(streamOptions());
    expect(failStream(state, { type: 'api_error', message: 'boom' })).toEqual([
      { type: 'error', error: { type: 'api_error', message: 'boom' } },
    ]);
    expect(startStream(state)).toEqual([]);
  });

  it('an OpenRouter error chunk inside the 200 stream becomes an error event', () => {
    const failing = {
      ...chunk({ content: '' }, 'error'),
      error: { code: 502, message: 'Provider disconnected' },
    };
    const { events, state } = translateChunks([text('Hel'), failing as never]);
    expect(events.at(-1)).toEqual({
      type: 'error',
      error: { type: 'api_error', message: 'Provider disconnected (code 502)' },
    });
    expect(events.filter((event) => event.type === 'error')).toHaveLength(1);
    expect(streamResult(state).error).toEqual({
      type: 'api_error',
      message: 'Provider disconnected (code 502)',
    });
  });

  it('finish_reason "error" without an error object also fails the stream', () => {
    const { events } = translateChunks([text('a'), finish('error')]);
    expect(events.at(-1)).toMatchObject({ type: 'error', error: { type: 'api_error' } });
    expect(events.some((event) => event.type === 'message_stop')).toBe(false);
  });

  it('streamResult reports stop reason, usage, ids and the upstream model after a normal end', () => {
    const { state } = translateChunks([
      toolDeltas({ index: 0, id: 'call_1', name: 'Read', args: '{}' }),
      finish('tool_calls'),
    ]);
    expect(streamResult(state)).toEqual({
      stopReason: 'tool_use',
      usage: {
        input_tokens: 1234,
        output_tokens: 1,
        cache_read_input_tokens: 0,
        cache_creation_input_tokens: 0,
      },
      usageReported: false,
      messageId: 'msg_chatcmpl-test',
      upstreamId: 'chatcmpl-test',
      upstreamModel: 'upstream-model',
      error: null,
      notes: [expect.objectContaining({ field: 'usage.output_tokens' })],
    });
  });
});
