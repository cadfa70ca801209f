/**
 * A user turn that answers tool calls → OpenAI's shape for it: one `role: "tool"` message per
 * call of the preceding assistant message, right after it and in call order (OpenAI 400s
 * otherwise), then one user message with the rest of the turn. Tool messages carry text
 * only, so images a tool returned move into that user message. A call with no result gets a
 * synthetic one (OpenAI 400s on unanswered calls); a result with no call becomes user text.
 */
import type { ToolResultBlockParam } from '@anthropic-ai/sdk/resources/messages';
import type {
  ChatCompletionContentPart,
  ChatCompletionToolMessageParam,
} from 'openai/resources/chat/completions';
import { textPart, userBlockParts, type PartContext, type UserBlock } from './content-parts.ts';
import { checkCacheControl } from './request-notes.ts';

/** A tool call awaiting its result: the client's id and the id the upstream saw. */
export interface PendingCall {
  id: string;
  upstreamId: string;
}

export const NO_OUTPUT = '(no output)';
export const SYNTHETIC_RESULT = 'Error: no result was returned for this tool call.';

export function syntheticToolMessage(
  call: PendingCall,
  path: string,
  ctx: PartContext,
): ChatCompletionToolMessageParam {
  ctx.notes.add(
    'added',
    path,
    'synthetic tool result added for an unanswered tool call',
    'synthetic-result',
  );
  return { role: 'tool', tool_call_id: call.upstreamId, content: SYNTHETIC_RESULT };
}

export interface ResultContent {
  /** Text for the tool message. */
  text: string;
  /** Parts that cannot go into a tool message (images, files), for the following user turn. */
  media: ChatCompletionContentPart[];
}

/** Splits a tool_result's content into tool-message text and media for the user turn. */
export function resultContent(
  block: ToolResultBlockParam,
  path: string,
  ctx: PartContext,
): ResultContent {
  checkCacheControl(ctx.notes, block, path);
  const texts: string[] = [];
  const media: ChatCompletionContentPart[] = [];
  if (typeof block.content === 'string') {
    if (block.content) texts.push(block.content);
  } else {
    (block.content ?? []).forEach((inner, index) => {
      for (const part of userBlockParts(inner, `${path}.content[${index}]`, ctx)) {
        if (part.type === 'text') texts.push(part.text);
        else media.push(part);
      }
    });
  }
  let text = texts.join('\n\n');
  if (!text)
    text = media.length > 0 ? '(the output is attached in the next user message)' : NO_OUTPUT;
  if (block.is_error) text = `Error: ${text}`;
  return { text, media };
}

export interface ToolTurn {
  toolMessages: ChatCompletionToolMessageParam[];
  /** The rest of the user turn (text, images, orphan results), possibly empty. */
  userParts: ChatCompletionContentPart[];
}

export function translateToolTurn(
  blocks: readonly UserBlock[],
  path: string,
  calls: readonly PendingCall[],
  ctx: PartContext,
): ToolTurn {
  const results = new Map<string, { block: ToolResultBlockParam; index: number }>();
  const otherParts: ChatCompletionContentPart[] = [];
  const orphanParts: ChatCompletionContentPart[] = [];
  const callIds = new Set(calls.map((call) => call.id));
  blocks.forEach((block, index) => {
    const blockPath = `${path}[${index}]`;
    if (block.type !== 'tool_result') {
      otherParts.push(...userBlockParts(block, blockPath, ctx));
      return;
    }
    if (callIds.has(block.tool_use_id) && !results.has(block.tool_use_id)) {
      results.set(block.tool_use_id, { block, index });
      return;
    }
    ctx.notes.add(
      'changed',
      blockPath,
      'tool_result without a matching tool_use sent as user text',
      'orphan-result',
    );
    const { text, media } = resultContent(block, blockPath, ctx);
    orphanParts.push(textPart(`Result of tool call ${block.tool_use_id}:\n${text}`), ...media);
  });

  const toolMessages: ChatCompletionToolMessageParam[] = [];
  const mediaParts: ChatCompletionContentPart[] = [];
  for (const call of calls) {
    const found = results.get(call.id);
    if (!found) {
      toolMessages.push(syntheticToolMessage(call, path, ctx));
      continue;
    }
    const { text, media } = resultContent(found.block, `${path}[${found.index}]`, ctx);
    toolMessages.push({ role: 'tool', tool_call_id: call.upstreamId, content: text });
    if (media.length > 0)
      mediaParts.push(textPart(`Output of tool call ${call.upstreamId}:`), ...media);
  }
  return { toolMessages, userParts: [...mediaParts, ...orphanParts, ...otherParts] };
}
