import { createHash } from 'node:crypto';
import type { ContentBlockParam } from '@anthropic-ai/sdk/resources/messages';
import { describe, expect, it } from 'vitest';
import type { AnthropicMessagesRequest } from '../../../shared/translate/anthropic-request-types.ts';
import { noteDetails, translate } from './request-test-kit.ts';

describe('max_tokens', () => {
  it('is sent as max_tokens by default', () => {
    expect(translate({ max_tokens: 32000 }).body).toMatchObject({ max_tokens: 32000 });
  });

  it('is sent as max_completion_tokens where the model requires it', () => {
    const { body } = translate({ max_tokens: 32000 }, { maxCompletionTokensField: true });
    expect(body).toMatchObject({ max_completion_tokens: 32000 });
    expect(body).not.toHaveProperty('max_tokens');
  });

  it('is clamped to the upstream cap, with a note', () => {
    const translation = translate({ max_tokens: 128000 }, { maxTokensCap: 8192 });
    expect(translation.body.max_tokens).toBe(8192);
    expect(noteDetails(translation)).toContain('max_tokens 128000 → 8192 (upstream limit)');
    expect(translate({ max_tokens: 4000 }, { maxTokensCap: 8192 }).notes).toEqual([]);
  });
});

describe('sampling parameters', () => {
  const sampling: Partial<AnthropicMessagesRequest> = {
    temperature: 0.2,
    top_p: 0.9,
    stop_sequences: ['a', 'b', 'c', 'd', 'e'],
  };

  it('passes temperature and top_p, and at most 4 stop sequences as stop', () => {
    const translation = translate(sampling);
    expect(translation.body).toMatchObject({
      temperature: 0.2,
      top_p: 0.9,
      stop: ['a', 'b', 'c', 'd'],
    });
    expect(noteDetails(translation)).toContain('stop_sequences beyond the first 4 dropped');
  });

  it('sends no stop for an empty stop_sequences', () => {
    expect(translate({ stop_sequences: [] }).body).not.toHaveProperty('stop');
  });

  it('drops temperature, top_p and stop for models that take only defaults, with notes', () => {
    const translation = translate(sampling, { dropSamplingParams: true });
    for (const key of ['temperature', 'top_p', 'stop'])
      expect(translation.body).not.toHaveProperty(key);
    expect(translation.notes.map((note) => note.field).sort()).toEqual([
      'stop_sequences',
      'temperature',
      'top_p',
    ]);
  });

  it('drops top_k with a note unless the upstream keeps it', () => {
    const dropped = translate({ top_k: 40 });
    expect(dropped.body).not.toHaveProperty('top_k');
    expect(noteDetails(dropped)).toEqual(['top_k dropped']);
    expect(translate({ top_k: 40 }, { keepTopK: true }).body).toMatchObject({ top_k: 40 });
  });

  it('treats null sampling fields as absent', () => {
    const { body, notes } = translate({ temperature: null, top_p: null, top_k: null });
    for (const key of ['temperature', 'top_p', 'top_k']) expect(body).not.toHaveProperty(key);
    expect(notes).toEqual([]);
  });
});

describe('metadata.user_id', () => {
  it('becomes user = its sha256 hex (64 chars, what OpenAI accepts)', () => {
    const userId = JSON.stringify({
      device_id: 'd'.repeat(64),
      account_uuid: '',
      session_id: 'f1093635',
    });
    const { body } = translate({ metadata: { user_id: userId } });
    expect(body.user).toBe(createHash('sha256').update(userId).digest('hex'));
  });

  it('sends no user without a user_id', () => {
    expect(translate({ metadata: {} }).body).not.toHaveProperty('user');
  });
});

describe('stream', () => {
  it('adds stream_options.include_usage only to streaming requests', () => {
    expect(translate({ stream: true }).body).toMatchObject({
      stream: true,
      stream_options: { include_usage: true },
    });
    for (const stream of [false, undefined]) {
      const { body } = translate({ stream });
      expect(body).not.toHaveProperty('stream');
      expect(body).not.toHaveProperty('stream_options');
    }
  });
});

describe('fields without an OpenAI equivalent', () => {
  it.each([
    ['service_tier', 'auto'],
    ['context_management', { edits: [{ type: 'clear_thinking_20251015', keep: 'all' }] }],
    ['container', 'container_1'],
    ['mcp_servers', [{ type: 'url', url: 'https://mcp.example', name: 'x' }]],
    ['some_future_field', { on: true }],
  ])('drops %s with a note and never forwards it', (field, value) => {
    const translation = translate({ [field]: value } as Partial<AnthropicMessagesRequest>);
    expect(translation.body).not.toHaveProperty(field);
    expect(translation.notes).toContainEqual(expect.objectContaining({ kind: 'dropped', field }));
  });

  it('drops output_config.format with a note', () => {
    const translation = translate({
      output_config: { format: { type: 'json_schema', schema: { type: 'object' } } },
    });
    expect(translation.body).not.toHaveProperty('output_config');
    expect(translation.body).not.toHaveProperty('response_format');
    expect(noteDetails(translation)).toContain('output_config.format dropped (not translated)');
  });

  it('builds the body only from known fields', () => {
    const { body } = translate({
      stream: true,
      temperature: 1,
      metadata: { user_id: 'u' },
      thinking: { type: 'enabled', budget_tokens: 5000 },
      tools: [{ name: 'T', input_schema: { type: 'object' } }],
      tool_choice: { type: 'auto', disable_parallel_tool_use: true },
      ...({ speed: 'fast', inference_geo: 'eu', cache_control: { type: 'ephemeral' } } as object),
    });
    expect(Object.keys(body).sort()).toEqual(
      [
        'max_tokens',
        'messages',
        'model',
        'parallel_tool_calls',
        'reasoning_effort',
        'stream',
        'stream_options',
        'temperature',
        'tool_choice',
        'tools',
        'user',
      ].sort(),
    );
    expect(body.model).toBe('test-model');
  });
});

describe('notes', () => {
  it('collapse into one note per kind, with a count', () => {
    const blocks: ContentBlockParam[] = Array.from({ length: 40 }, (_, index) => ({
      type: 'text',
      text: `block ${index}`,
      cache_control: { type: 'ephemeral' },
    }));
    const translation = translate({ messages: [{ role: 'user', content: blocks }] });
    expect(translation.notes).toEqual([
      {
        kind: 'dropped',
        field: 'messages[0].content[0].cache_control',
        detail: 'cache_control dropped (×40)',
      },
    ]);
  });
});
