import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseCountTokensRequest,
  parseMessagesRequest,
} from '../../../shared/validation/anthropic-request-schema.ts';

const valid = {
  model: 'claude-sonnet-4-6',
  max_tokens: 1024,
  messages: [{ role: 'user', content: 'hi' }],
};

function errorOf(body: unknown): string {
  const parsed = parseMessagesRequest(body);
  return parsed.ok ? 'ok' : parsed.message;
}

describe('parseMessagesRequest accepts', () => {
  it.each<[string, object]>([
    ['a minimal request', {}],
    [
      'fields Claude Code adds',
      {
        context_management: { edits: [{ type: 'clear_thinking_20251015', keep: 'all' }] },
        output_config: { effort: 'medium', format: { type: 'json_schema', schema: {} } },
        thinking: { type: 'adaptive', display: 'omitted' },
        metadata: { user_id: '{"device_id":"x"}' },
        cache_control: { type: 'ephemeral' },
        stream: true,
      },
    ],
    ['an unknown top-level field', { brand_new_field: { nested: [1, 2] } }],
    [
      'a role "system" message',
      { messages: [{ role: 'system', content: [{ type: 'text', text: 'env' }] }] },
    ],
    [
      'unknown block types and unknown fields on known blocks',
      {
        messages: [
          {
            role: 'user',
            content: [
              { type: 'hologram', beams: 3 },
              { type: 'text', text: 'x', cache_control: { type: 'ephemeral' }, citations: null },
            ],
          },
        ],
      },
    ],
    [
      'thinking blocks with empty or missing signatures',
      {
        messages: [
          { role: 'user', content: 'q' },
          {
            role: 'assistant',
            content: [
              { type: 'thinking', thinking: '', signature: '' },
              { type: 'thinking', thinking: 'x' },
            ],
          },
        ],
      },
    ],
    [
      'tools with defer_loading, server tools without input_schema, and unknown tool types',
      {
        tools: [
          { name: 'T', input_schema: { type: 'object' }, defer_loading: true, strict: true },
          { type: 'web_search_20250305', name: 'web_search', max_uses: 5 },
          { type: 'browser_toolset_20260801' },
        ],
        tool_choice: { type: 'auto', disable_parallel_tool_use: true },
      },
    ],
    ['an unknown thinking type', { thinking: { type: 'between_tools' } }],
    [
      'null for optional fields',
      { system: null, tools: null, temperature: null, stop_sequences: null },
    ],
  ])('%s', (_name, fields) => {
    expect(errorOf({ ...valid, ...fields })).toBe('ok');
  });
});

describe('parseMessagesRequest rejects, naming the path', () => {
  it.each<[string, unknown, string]>([
    ['a body that is not an object', 'hello', 'body: expected object'],
    ['a missing model', { ...valid, model: undefined }, 'model: expected string'],
    ['a non-string model', { ...valid, model: 4 }, 'model: expected string'],
    ['messages that are not an array', { ...valid, messages: {} }, 'messages: expected array'],
    ['max_tokens 0', { ...valid, max_tokens: 0 }, 'max_tokens: expected a number > 0'],
    ['fractional max_tokens', { ...valid, max_tokens: 1.5 }, 'max_tokens: expected integer'],
    ['a missing max_tokens', { ...valid, max_tokens: undefined }, 'max_tokens: expected number'],
    [
      'an unknown role',
      { ...valid, messages: [{ role: 'tool', content: 'x' }] },
      'messages.0.role: expected one of "user", "assistant", "system"',
    ],
    [
      'content neither string nor array',
      { ...valid, messages: [{ role: 'user', content: 5 }] },
      'messages.0.content: expected string or array',
    ],
    [
      'a block without a type',
      {
        ...valid,
        messages: [
          { role: 'user', content: 'a' },
          { role: 'assistant', content: 'b' },
          { role: 'user', content: [{ text: 'c' }] },
        ],
      },
      'messages.2.content.0.type: expected string',
    ],
    [
      'a text block without text',
      { ...valid, messages: [{ role: 'user', content: [{ type: 'text' }] }] },
      'messages.0.content.0.text: expected string',
    ],
    [
      'a tool_use without an id',
      {
        ...valid,
        messages: [{ role: 'assistant', content: [{ type: 'tool_use', name: 'T', input: {} }] }],
      },
      'messages.0.content.0.id: expected string',
    ],
    [
      'a bad block nested in a tool_result',
      {
        ...valid,
        messages: [
          {
            role: 'user',
            content: [
              { type: 'tool_result', tool_use_id: 't', content: [{ type: 'text', text: 1 }] },
            ],
          },
        ],
      },
      'messages.0.content.0.content.0.text: expected string',
    ],
    [
      'a base64 image without data',
      {
        ...valid,
        messages: [
          {
            role: 'user',
            content: [{ type: 'image', source: { type: 'base64', media_type: 'image/png' } }],
          },
        ],
      },
      'messages.0.content.0.source.data: expected string',
    ],
    [
      'a client tool without a name',
      { ...valid, tools: [{ input_schema: { type: 'object' } }] },
      'tools.0.name: expected string',
    ],
    [
      'tool_choice "tool" without a name',
      { ...valid, tool_choice: { type: 'tool' } },
      'tool_choice.name: expected string',
    ],
    [
      'enabled thinking without a budget',
      { ...valid, thinking: { type: 'enabled' } },
      'thinking.budget_tokens: expected number',
    ],
  ])('%s', (_name, body, message) => {
    expect(errorOf(body)).toBe(message);
  });

  it('reports several problems at once, at most three', () => {
    expect(errorOf({ messages: 1, max_tokens: -1 }).split('; ')).toHaveLength(3);
    expect(
      errorOf({ model: 1, messages: 1, max_tokens: -1, tools: 1, thinking: 1 }).split('; '),
    ).toHaveLength(3);
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (body) => {
        const parsed = parseMessagesRequest(body);
        expect(typeof (parsed.ok ? parsed.value : parsed.message)).not.toBe('undefined');
      }),
      { numRuns: 500 },
    );
  });

  it('ignores block types that collide with Object members', () => {
    const body = {
      ...valid,
      messages: [{ role: 'user', content: [{ type: 'constructor' }, { type: '__proto__' }] }],
    };
    expect(errorOf(body)).toBe('ok');
  });
});

describe('parseCountTokensRequest', () => {
  it('accepts model, messages and the optional system, tools, tool_choice, thinking, without max_tokens', () => {
    const parsed = parseCountTokensRequest({
      model: 'claude-haiku-4-5',
      messages: [{ role: 'user', content: 'hi' }],
      system: 'sys',
      tools: [{ name: 'T', input_schema: { type: 'object' } }],
      tool_choice: { type: 'auto' },
      thinking: { type: 'enabled', budget_tokens: 2048 },
    });
    expect(parsed.ok).toBe(true);
  });

  it('rejects a missing model with the path', () => {
    expect(parseCountTokensRequest({ messages: [] })).toEqual({
      ok: false,
      message: 'model: expected string',
    });
  });
});
