import { describe, expect, it } from 'vitest';
import type { AnthropicStreamEvent } from '../../../shared/translate/anthropic-stream-event.ts';
import { formatSseEvent } from '../../../shared/translate/sse-format.ts';
import { finish, text } from '../../support/stream-fixtures/chunk-builders.ts';
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
