/**
 * Validates the bodies of POST /v1/messages and /v1/messages/count_tokens. Loose on purpose:
 * every object accepts unknown fields (Claude Code adds fields such as context_management,
 * output_config or defer_loading often), unknown block, tool and thinking types pass, and
 * only what the translator cannot work with is rejected: a missing model, messages that are
 * not an array, max_tokens that is not a positive integer, a role other than
 * user/assistant/system, content that is neither a string nor an array, a block without a
 * type, or a known block missing a field the translator reads. Errors name the path:
 * `messages.2.content.0.type: expected string`.
 */
import type { MessageCountTokensParams } from '@anthropic-ai/sdk/resources/messages';
import { z } from 'zod';
import type { AnthropicMessagesRequest } from '../translate/anthropic-request-types.ts';
import { blockContent } from './content-block-schema.ts';
import { forwardIssues, issueMessage } from './issue-message.ts';

const optionalString = z.string().nullish();
const optionalNumber = z.number().nullish();

const message = z.looseObject({
  role: z.enum(['user', 'assistant', 'system']),
  content: blockContent,
});

const systemPrompt = z.union([
  z.string(),
  z.array(z.looseObject({ type: z.string(), text: optionalString })),
]);

const tool = z
  .looseObject({
    name: optionalString,
    type: optionalString,
    description: optionalString,
    input_schema: z.looseObject({}).optional(),
  })
  .superRefine((value, ctx) => {
    // Server tools (web_search, bash…) have no input_schema; client tools must be named.
    if (value.input_schema !== undefined && typeof value.name !== 'string') {
      ctx.addIssue({ code: 'custom', message: 'expected string', path: ['name'] });
    }
  });

const toolChoice = z
  .looseObject({
    type: z.string(),
    name: optionalString,
    disable_parallel_tool_use: z.boolean().nullish(),
  })
  .superRefine((value, ctx) => {
    if (value.type === 'tool' && typeof value.name !== 'string') {
      ctx.addIssue({ code: 'custom', message: 'expected string', path: ['name'] });
    }
  });

const enabledThinking = z.looseObject({ budget_tokens: z.number().int().nonnegative() });
const thinking = z.looseObject({ type: z.string() }).superRefine((value, ctx) => {
  if (value.type !== 'enabled') return;
  const result = enabledThinking.safeParse(value);
  if (!result.success) forwardIssues(result.error.issues, ctx);
});

/** The fields count_tokens shares with messages. */
const countTokensShape = {
  model: z.string().min(1),
  messages: z.array(message),
  system: systemPrompt.nullish(),
  tools: z.array(tool).nullish(),
  tool_choice: toolChoice.nullish(),
  thinking: thinking.nullish(),
};

const countTokensRequest = z.looseObject(countTokensShape);

const messagesRequest = z.looseObject({
  ...countTokensShape,
  max_tokens: z.number().int().positive(),
  metadata: z.looseObject({ user_id: optionalString }).nullish(),
  stop_sequences: z.array(z.string()).nullish(),
  temperature: optionalNumber,
  top_p: optionalNumber,
  top_k: optionalNumber,
  stream: z.boolean().nullish(),
  output_config: z.looseObject({ effort: optionalString }).nullish(),
});

export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

export function parseMessagesRequest(body: unknown): ParseResult<AnthropicMessagesRequest> {
  const result = messagesRequest.safeParse(body);
  // The schema checks what the translator relies on; the SDK type describes the rest.
  if (result.success)
    return { ok: true, value: result.data as unknown as AnthropicMessagesRequest };
  return { ok: false, message: issueMessage(result.error.issues) };
}

export function parseCountTokensRequest(body: unknown): ParseResult<MessageCountTokensParams> {
  const result = countTokensRequest.safeParse(body);
  if (result.success)
    return { ok: true, value: result.data as unknown as MessageCountTokensParams };
  return { ok: false, message: issueMessage(result.error.issues) };
}
