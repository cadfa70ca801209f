import { describe, expect, it } from 'vitest';
import {
  buildTimelineItems,
  describeAnthropicEvent,
  describeOpenAiChunk,
} from '../../../../renderer/model/stream-timeline.ts';

describe('stream timeline', () => {
  it('gives each item its offset and the gap since the previous one, rounded to 0.1 ms', () => {
    const rows = buildTimelineItems(
      [
        { offsetMs: 6.5, data: { type: 'message_start', message: { id: 'msg_1', model: 'm' } } },
        {
          offsetMs: 7.2000001,
          data: {
            type: 'content_block_delta',
            index: 0,
            delta: { type: 'text_delta', text: 'Hi\nthere' },
          },
        },
      ],
      describeAnthropicEvent,
    );
    expect(rows.map((r) => [r.offsetMs, r.gapMs, r.type, r.detail])).toEqual([
      [6.5, 0, 'message_start', 'msg_1 m'],
      [7.2, 0.7, 'text_delta', '[0] "Hi\\nthere"'],
    ]);
  });

  it('labels OpenAI chunks by what they carry and flags in-stream errors', () => {
    expect(describeOpenAiChunk({ choices: [{ delta: { content: 'abc' } }] })).toMatchObject({
      type: 'content',
      detail: '"abc"',
    });
    expect(
      describeOpenAiChunk({
        choices: [
          { delta: { tool_calls: [{ index: 1, function: { name: 'Read', arguments: '{' } }] } },
        ],
      }),
    ).toMatchObject({
      type: 'tool_calls',
      detail: '#1 Read {',
    });
    expect(
      describeOpenAiChunk({ choices: [], usage: { prompt_tokens: 3, completion_tokens: 4 } }),
    ).toMatchObject({ type: 'usage' });
    expect(describeOpenAiChunk({ error: { message: 'down' } })).toMatchObject({
      type: 'error',
      isError: true,
    });
    expect(
      describeAnthropicEvent({ type: 'error', error: { type: 'api_error', message: 'x' } }).isError,
    ).toBe(true);
  });
});
