import { describe, expect, it } from 'vitest';
import { decodeReasoningSignature } from '../../../shared/translate/reasoning-carrier.ts';
import { PROXY_THINKING_SIGNATURE } from '../../../shared/translate/thinking-signature.ts';
import {
  chunk,
  finish,
  reasoning,
  text,
  toolDeltas,
} from '../../support/stream-fixtures/chunk-builders.ts';
import { checkEventOrder } from '../../support/stream-fixtures/event-order-checker.ts';
import { replayThroughSdk } from '../../support/stream-fixtures/sdk-replay.ts';
import { blockEvents, translateChunks } from '../../support/stream-fixtures/translate-chunks.ts';

describe('reasoning deltas become thinking blocks', () => {
  it.each([
    ['reasoning_content (DeepSeek, LM Studio)', 'reasoning_content'],
    ['reasoning (OpenRouter, vLLM ≥0.16)', 'reasoning'],
  ] as const)(
    '%s opens a thinking block with thinking_delta and a closing signature_delta',
    (_label, field) => {
      const { events } = translateChunks([
        reasoning('Think', field),
        reasoning('ing.', field),
        text('Answer'),
        finish('stop'),
      ]);
      expect(blockEvents(events)).toEqual([
        {
          type: 'content_block_start',
          index: 0,
          content_block: { type: 'thinking', thinking: '', signature: '' },
        },
        {
          type: 'content_block_delta',
          index: 0,
          delta: { type: 'thinking_delta', thinking: 'Think' },
        },
        {
          type: 'content_block_delta',
          index: 0,
          delta: { type: 'thinking_delta', thinking: 'ing.' },
        },
        {
          type: 'content_block_delta',
          index: 0,
          delta: { type: 'signature_delta', signature: PROXY_THINKING_SIGNATURE },
        },
        { type: 'content_block_stop', index: 0 },
        {
          type: 'content_block_start',
          index: 1,
          content_block: { type: 'text', text: '', citations: null },
        },
        { type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: 'Answer' } },
        { type: 'content_block_stop', index: 1 },
      ]);
    },
  );

  it('reasoning_content wins when a server sends both fields with the same text', () => {
    const { events } = translateChunks([
      chunk({ reasoning_content: 'once', reasoning: 'once' }),
      finish('stop'),
    ]);
    const deltas = blockEvents(events).filter((event) => event.type === 'content_block_delta');
    expect(deltas[0]).toMatchObject({ delta: { thinking: 'once' } });
    expect(deltas).toHaveLength(2);
  });

  it('each switch between reasoning and text closes the open block and opens a new one', async () => {
    const { events } = translateChunks([
      reasoning('r1'),
      text('t1'),
      reasoning('r2'),
      text('t2'),
      finish('stop'),
    ]);
    expect(checkEventOrder(events)).toEqual([]);
    const message = await replayThroughSdk(events);
    expect(message.content).toEqual([
      { type: 'thinking', thinking: 'r1', signature: PROXY_THINKING_SIGNATURE },
      { type: 'text', text: 't1', citations: null },
      { type: 'thinking', thinking: 'r2', signature: PROXY_THINKING_SIGNATURE },
      { type: 'text', text: 't2', citations: null },
    ]);
  });

  it('empty and null reasoning or content fields open no block', () => {
    const { events } = translateChunks([
      chunk({ role: 'assistant', content: '', reasoning_content: '' }),
      chunk({ content: null, reasoning: null }),
      text('x'),
      finish('stop'),
    ]);
    expect(
      blockEvents(events).filter((event) => event.type === 'content_block_start'),
    ).toHaveLength(1);
  });

  it('a tool call after reasoning closes the thinking block, signature first', () => {
    const { events } = translateChunks([
      reasoning('need a tool'),
      toolDeltas({ index: 0, id: 'call_1', name: 'Read', args: '{}' }),
      finish('tool_calls'),
    ]);
    expect(
      blockEvents(events)
        .slice(2, 5)
        .map((event) => event.type),
    ).toEqual(['content_block_delta', 'content_block_stop', 'content_block_start']);
    expect(blockEvents(events)[2]).toMatchObject({ delta: { type: 'signature_delta' } });
  });

  it('OpenRouter reasoning_details fragments are merged and carried in the thinking signature', async () => {
    const format = 'anthropic-claude-v1';
    const { events } = translateChunks([
      chunk({
        reasoning: 'A',
        reasoning_details: [{ type: 'reasoning.text', text: 'A', format, index: 0 }],
      }),
      chunk({
        reasoning: 'B',
        reasoning_details: [
          { type: 'reasoning.text', text: 'B', format, index: 0, signature: null },
        ],
      }),
      chunk({
        reasoning: '',
        reasoning_details: [{ type: 'reasoning.text', signature: 'sig==', format, index: 0 }],
      }),
      chunk({
        reasoning_details: [{ type: 'reasoning.encrypted', data: 'enc', format, index: 1 }],
      }),
      text('done'),
      finish('stop'),
    ]);
    const message = await replayThroughSdk(events);
    const thinking = message.content[0];
    if (thinking?.type !== 'thinking') throw new Error('expected thinking first');
    expect(thinking.thinking).toBe('AB');
    expect(decodeReasoningSignature(thinking.signature)).toEqual({
      reasoning_details: [
        { type: 'reasoning.text', text: 'AB', format, index: 0, signature: 'sig==' },
        { type: 'reasoning.encrypted', data: 'enc', format, index: 1 },
      ],
    });
  });

  it('a Gemini thought_signature that arrives with the tool calls travels in a trailing empty thinking block', async () => {
    const { events } = translateChunks([
      toolDeltas({
        id: 'fc-1',
        name: 'get_weather',
        args: '{"city":"Paris"}',
        extra: { extra_content: { google: { thought_signature: 'TS1' } } },
      }),
      toolDeltas({
        id: 'fc-2',
        name: 'get_weather',
        args: '{"city":"Rome"}',
        extra: { extra_content: { google: { thought_signature: 'TS2' } } },
      }),
      finish('stop'),
    ]);
    expect(checkEventOrder(events)).toEqual([]);
    const message = await replayThroughSdk(events);
    expect(message.content.map((block) => block.type)).toEqual([
      'tool_use',
      'tool_use',
      'thinking',
    ]);
    const last = message.content[2];
    if (last?.type !== 'thinking') throw new Error('expected thinking last');
    expect(last.thinking).toBe('');
    expect(decodeReasoningSignature(last.signature)).toEqual({ thought_signature: 'TS1' });
  });
});
