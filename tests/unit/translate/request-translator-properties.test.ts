import type {
  ContentBlockParam,
  MessageParam,
  ToolUnion,
} from '@anthropic-ai/sdk/resources/messages';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROVIDER_PRESET_IDS, quirksFor } from '../../../shared/providers/provider-presets.ts';
import type { AnthropicMessagesRequest } from '../../../shared/translate/anthropic-request-types.ts';
import { translateRequest } from '../../../shared/translate/request-translator.ts';
import type { UpstreamMessage } from '../../../shared/translate/upstream-request-types.ts';
import { parseMessagesRequest } from '../../../shared/validation/anthropic-request-schema.ts';

const toolName = fc.oneof(
  fc.constantFrom('Read', 'Write', 'Bash'),
  fc.string({ minLength: 1, maxLength: 90 }),
);
const toolId = fc.oneof(
  fc.constantFrom('t1', 't2', 't3', 'toolu_01'),
  fc.string({ maxLength: 60 }),
);

const block: fc.Arbitrary<ContentBlockParam> = fc.oneof(
  fc.record({ type: fc.constant('text' as const), text: fc.string() }),
  fc.record({
    type: fc.constant('thinking' as const),
    thinking: fc.string(),
    signature: fc.string(),
  }),
  fc.record({ type: fc.constant('redacted_thinking' as const), data: fc.string() }),
  fc.record({
    type: fc.constant('tool_use' as const),
    id: toolId,
    name: toolName,
    input: fc.jsonValue(),
  }),
  fc.record({
    type: fc.constant('tool_result' as const),
    tool_use_id: toolId,
    content: fc.oneof(
      fc.string(),
      fc.array(fc.record({ type: fc.constant('text' as const), text: fc.string() }), {
        maxLength: 3,
      }),
    ),
    is_error: fc.boolean(),
  }),
  fc.record({
    type: fc.constant('image' as const),
    source: fc.record({
      type: fc.constant('base64' as const),
      media_type: fc.constant('image/png' as const),
      data: fc.base64String({ maxLength: 40 }),
    }),
  }),
  // Block types the translator does not know (or cannot use) must be dropped, not thrown on.
  fc.record({
    type: fc.constantFrom('server_tool_use_x', 'container_upload', 'brand_new'),
    x: fc.jsonValue(),
  }) as unknown as fc.Arbitrary<ContentBlockParam>,
);

const message: fc.Arbitrary<MessageParam> = fc.record({
  role: fc.constantFrom('user' as const, 'assistant' as const, 'system' as const),
  content: fc.oneof(fc.string(), fc.array(block, { maxLength: 5 })),
}) as fc.Arbitrary<MessageParam>;

const tool: fc.Arbitrary<ToolUnion> = fc.oneof(
  fc.record({
    name: toolName,
    input_schema: fc.constant({ type: 'object' as const, properties: {} }),
  }),
  fc.record({
    type: fc.constant('web_search_20250305' as const),
    name: fc.constant('web_search' as const),
  }),
);

const anthropicRequest: fc.Arbitrary<AnthropicMessagesRequest> = fc.record(
  {
    model: fc.constant('claude-sonnet-4-6'),
    max_tokens: fc.integer({ min: 1, max: 200000 }),
    messages: fc.array(message, { maxLength: 8 }),
    system: fc.string(),
    tools: fc.array(tool, { maxLength: 3 }),
    tool_choice: fc.constantFrom(
      { type: 'auto' as const },
      { type: 'any' as const },
      { type: 'none' as const },
    ),
    thinking: fc.constantFrom(
      { type: 'enabled' as const, budget_tokens: 5000 },
      { type: 'adaptive' as const },
      { type: 'disabled' as const },
    ),
    stream: fc.boolean(),
    temperature: fc.double({ min: 0, max: 1, noNaN: true }),
    top_k: fc.integer({ min: 1, max: 100 }),
  },
  { requiredKeys: ['model', 'max_tokens', 'messages'] },
);

/** Every tool message must follow (through other tool messages) an assistant that declared its id. */
function toolMessagesFollowTheirCall(messages: UpstreamMessage[]): boolean {
  let declared = new Set<string>();
  for (const message of messages) {
    if (message.role === 'tool') {
      if (!declared.has(message.tool_call_id)) return false;
      declared.delete(message.tool_call_id);
    } else {
      declared = new Set(
        message.role === 'assistant' ? (message.tool_calls ?? []).map((call) => call.id) : [],
      );
    }
  }
  return true;
}

describe('translateRequest on random valid requests', () => {
  it('never throws, and every tool message follows the assistant message that declared its id', () => {
    fc.assert(
      fc.property(anthropicRequest, fc.constantFrom(...PROVIDER_PRESET_IDS), (request, preset) => {
        expect(parseMessagesRequest(request).ok).toBe(true);
        const { body } = translateRequest(request, {
          upstreamModel: 'm',
          quirks: quirksFor(preset, 'm'),
        });
        expect(toolMessagesFollowTheirCall(body.messages)).toBe(true);
        // And every call is answered before the next non-tool message.
        body.messages.forEach((upstream, index) => {
          if (upstream.role !== 'assistant') return;
          const answered: string[] = [];
          for (const next of body.messages.slice(index + 1)) {
            if (next.role !== 'tool') break;
            answered.push(next.tool_call_id);
          }
          expect(answered).toEqual((upstream.tool_calls ?? []).map((call) => call.id));
        });
      }),
      { numRuns: 300 },
    );
  });
});
