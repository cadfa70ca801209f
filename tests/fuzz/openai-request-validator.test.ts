/**
 * The request fuzz is only as strong as its checker: openai-request-validator.ts passes a
 * well-formed request and names each kind of defect it is meant to catch.
 */
import { describe, expect, it } from 'vitest';
import { quirksFor } from '../../shared/providers/provider-presets.ts';
import type { UpstreamChatRequest } from '../../shared/translate/upstream-request-types.ts';
import { openAIRequestProblems } from './openai-request-validator.ts';

const quirks = quirksFor('custom', 'some-model');

function valid(): Record<string, unknown> {
  return {
    model: 'some-model',
    max_tokens: 100,
    messages: [
      { role: 'system', content: 'be brief' },
      { role: 'user', content: [{ type: 'text', text: 'hi' }] },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'call_1', type: 'function', function: { name: 'Read', arguments: '{}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_1', content: 'file' },
      { role: 'user', content: 'thanks' },
    ],
    tools: [
      {
        type: 'function',
        function: { name: 'Read', parameters: { type: 'object', properties: {} } },
      },
    ],
    tool_choice: { type: 'function', function: { name: 'Read' } },
  };
}

function problems(body: Record<string, unknown>, overrides: { stream?: boolean } = {}): string[] {
  return openAIRequestProblems({
    body: body as unknown as UpstreamChatRequest,
    quirks,
    requestedMaxTokens: 100,
    stream: overrides.stream ?? false,
    thinkingOn: false,
  });
}

type Messages = Record<string, unknown>[];

describe('openai request validator', () => {
  it('passes a well-formed request', () => {
    expect(problems(valid())).toEqual([]);
  });

  it.each<[string, (body: Record<string, unknown>) => void, RegExp]>([
    [
      'cache_control anywhere',
      (b) => ((b.messages as Messages)[1]!.cache_control = {}),
      /cache_control/,
    ],
    [
      'a tool message for an unknown call',
      (b) => ((b.messages as Messages)[3]!.tool_call_id = 'x'),
      /does not answer/,
    ],
    ['an unanswered call', (b) => (b.messages as Messages).splice(3, 1), /not answered/],
    [
      'a bad tool name',
      (b) => (((b.tools as Messages)[0]!.function as Messages[0]).name = 'a.b'),
      /invalid name/,
    ],
    [
      'a schema that is not an object',
      (b) => (((b.tools as Messages)[0]!.function as Messages[0]).parameters = { type: 'string' }),
      /object schema/,
    ],
    ['max_tokens not what was asked', (b) => (b.max_tokens = 99), /expected 100/],
    [
      'a choice of an undefined function',
      (b) => (b.tool_choice = { type: 'function', function: { name: 'Nope' } }),
      /defined function/,
    ],
    [
      'a system message mid-chat',
      (b) => (b.messages as Messages).push({ role: 'system', content: 'x' }),
      /after the start/,
    ],
    [
      'arguments that are not an object',
      (b) =>
        ((
          ((b.messages as Messages)[2]!.tool_calls as Messages)[0]!.function as Messages[0]
        ).arguments = '[1]'),
      /not a JSON object/,
    ],
    [
      'an unknown part type',
      (b) => ((b.messages as Messages)[1]!.content = [{ type: 'thinking', thinking: 'x' }]),
      /unknown part/,
    ],
    ['an unknown top-level field', (b) => (b.service_tier = 'auto'), /unknown top-level/],
  ])('names %s', (_label, damage, expected) => {
    const body = valid();
    damage(body);
    expect(problems(body).join('\n')).toMatch(expected);
  });

  it('wants stream_options with a stream and not without', () => {
    expect(problems(valid(), { stream: true }).join('\n')).toMatch(/include_usage/);
    expect(problems({ ...valid(), stream_options: { include_usage: true } }).join('\n')).toMatch(
      /sent without stream/,
    );
  });
});
