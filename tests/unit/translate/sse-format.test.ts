import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnthropicStreamEvent } from '../../../shared/translate/anthropic-stream-event.ts';
import { eventJson, formatSseEvent } from '../../../shared/translate/sse-format.ts';
import {
  finish,
  reasoning,
  text,
  toolDeltas,
} from '../../support/stream-fixtures/chunk-builders.ts';
import {
  loadStreamFixture,
  STREAM_FIXTURES,
} from '../../support/stream-fixtures/load-stream-fixture.ts';
import { replayThroughSdk } from '../../support/stream-fixtures/sdk-replay.ts';
import { translateChunks } from '../../support/stream-fixtures/translate-chunks.ts';

describe('formatSseEvent', () => {
  it.each<[AnthropicStreamEvent, string]>([
    [{ type: 'ping' }, 'event: ping\ndata: {"type":"ping"}\n\n'],
    [{ type: 'message_stop' }, 'event: message_stop\ndata: {"type":"message_stop"}\n\n'],
    [
      { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } },
      'event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n\n',
    ],
  ])('frames %o with its event line', (event, framed) => {
    expect(formatSseEvent(event)).toBe(framed);
  });

  it('keeps line breaks inside text on the one data line', () => {
    const framed = formatSseEvent({
      type: 'content_block_delta',
      index: 0,
      delta: { type: 'text_delta', text: 'line 1\nline 2\r\n\n' },
    });
    expect(framed.split('\n')).toHaveLength(4);
    expect(framed.endsWith('}\n\n')).toBe(true);
  });

  it('multi-byte text split across network reads reaches the SDK intact', async () => {
    const answer = 'Zürich 🌧️ 雨 — ok\n\n"quoted"';
    const { events } = translateChunks([
      text(answer.slice(0, 8)),
      text(answer.slice(8)),
      finish('stop'),
    ]);
    const message = await replayThroughSdk(events, 3);
    expect(message.content).toEqual([{ type: 'text', text: answer, citations: null }]);
  });
});

describe('eventJson: JSON.stringify, written out by hand for delta events', () => {
  it.each(STREAM_FIXTURES)(
    'gives exactly JSON.stringify for every event the translator emits over %s',
    (name) => {
      const { events } = translateChunks(loadStreamFixture(name).chunks);
      expect(events.length).toBeGreaterThan(3);
      for (const event of events) expect(eventJson(event)).toBe(JSON.stringify(event));
    },
  );

  it('gives exactly JSON.stringify for text, thinking and tool-argument deltas of any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.nat(1000), (piece, index) => {
        const { events } = translateChunks([
          reasoning(piece),
          text(piece),
          toolDeltas({ index: 0, id: 'call_1', name: 'Write', args: piece }),
          finish('tool_calls'),
        ]);
        const deltas: AnthropicStreamEvent[] = [
          ...events,
          { type: 'content_block_delta', index, delta: { type: 'text_delta', text: piece } },
        ];
        for (const event of deltas) expect(eventJson(event)).toBe(JSON.stringify(event));
      }),
    );
  });
});
