/**
 * Anthropic `messages` → OpenAI `messages` (without the system message, which
 * system-prompt.ts builds). Walks the conversation once, remembering the tool calls of the
 * last assistant message so the next user turn can answer them in order
 * (tool-result-translator.ts). Assistant content goes out as a plain string, which every
 * upstream accepts, with `content: null` when the turn is only tool calls. Tool names and
 * tool-call ids are mapped with the same functions as the tool definitions and results, so
 * history, definitions and results agree. `role: "system"` messages are skipped here.
 */
import type { ContentBlockParam, MessageParam } from '@anthropic-ai/sdk/resources/messages';
import type { ChatCompletionContentPart } from 'openai/resources/chat/completions';
import { toUserContent, type PartContext } from './content-parts.ts';
import {
  geminiThoughtSignature,
  planReasoningEcho,
  reasoningEchoFields,
  type ReasoningBlock,
} from './reasoning-echo.ts';
import { checkCacheControl } from './request-notes.ts';
import { upstreamToolCallId } from './tool-call-id.ts';
import type { ToolNameAliaser } from './tool-name-aliaser.ts';
import {
  syntheticToolMessage,
  translateToolTurn,
  type PendingCall,
} from './tool-result-translator.ts';
import type {
  UpstreamAssistantMessage,
  UpstreamMessage,
  UpstreamToolCall,
} from './upstream-request-types.ts';

export interface MessageTranslationContext extends PartContext {
  aliaser: ToolNameAliaser;
}

interface AssistantTranslation {
  message: UpstreamAssistantMessage;
  calls: PendingCall[];
}

function translateAssistant(
  content: string | readonly ContentBlockParam[],
  path: string,
  echo: boolean,
  ctx: MessageTranslationContext,
): AssistantTranslation | undefined {
  if (typeof content === 'string') {
    if (content) return { message: { role: 'assistant', content }, calls: [] };
    ctx.notes.add('dropped', path, 'empty assistant message dropped', 'empty-assistant');
    return undefined;
  }
  const texts: string[] = [];
  const toolCalls: UpstreamToolCall[] = [];
  const calls: PendingCall[] = [];
  const reasoning: ReasoningBlock[] = [];
  content.forEach((block, index) => {
    const blockPath = `${path}.content[${index}]`;
    checkCacheControl(ctx.notes, block, blockPath);
    switch (block.type) {
      case 'text':
        if (block.text) texts.push(block.text);
        break;
      case 'tool_use': {
        if (calls.some((earlier) => earlier.id === block.id)) {
          // Anthropic rejects this too; OpenAI would see two calls under one id.
          ctx.notes.add('dropped', blockPath, 'tool_use with a repeated id dropped');
          break;
        }
        const upstreamId = upstreamToolCallId(block.id, ctx.quirks.maxToolCallIdLength);
        if (upstreamId !== block.id) {
          ctx.notes.add(
            'changed',
            blockPath,
            'tool-call id shortened or sanitised for the upstream',
            'tool-call-id',
          );
        }
        toolCalls.push({
          id: upstreamId,
          type: 'function',
          function: {
            name: ctx.aliaser.upstreamName(block.name),
            arguments: JSON.stringify(block.input ?? {}),
          },
        });
        calls.push({ id: block.id, upstreamId });
        break;
      }
      case 'thinking':
      case 'redacted_thinking':
        reasoning.push(block);
        break;
      default: {
        const type = (block as { type: unknown }).type;
        ctx.notes.add(
          'dropped',
          blockPath,
          `${String(type)} block in an assistant message dropped`,
          `assistant-block:${String(type)}`,
        );
      }
    }
  });

  if (reasoning.length > 0 && !echo) {
    ctx.notes.add(
      'dropped',
      `${path}.content`,
      'thinking blocks dropped (not sent back to this upstream)',
      'thinking-dropped',
    );
  }
  const echoFields = echo
    ? reasoningEchoFields(
        reasoning,
        ctx.quirks.reasoningEcho,
        ctx.quirks.echoReasoningOnlyAroundToolCalls,
      )
    : {};
  const first = toolCalls[0];
  if (first && ctx.quirks.geminiThoughtSignatures) {
    first.extra_content = { google: { thought_signature: geminiThoughtSignature(reasoning) } };
  }
  const text = texts.join('\n\n');
  if (!text && toolCalls.length === 0 && Object.keys(echoFields).length === 0) {
    ctx.notes.add('dropped', path, 'empty assistant message dropped', 'empty-assistant');
    return undefined;
  }
  const message: UpstreamAssistantMessage = {
    role: 'assistant',
    content: text || (toolCalls.length > 0 ? null : ''),
    ...(toolCalls.length > 0 && { tool_calls: toolCalls }),
    ...echoFields,
  };
  return { message, calls };
}

export function translateMessages(
  messages: readonly MessageParam[],
  ctx: MessageTranslationContext,
): UpstreamMessage[] {
  const echoed = planReasoningEcho(messages, ctx.quirks);
  const out: UpstreamMessage[] = [];
  let pending: PendingCall[] = [];
  let pendingPath = '';
  const answerPending = () => {
    for (const call of pending) out.push(syntheticToolMessage(call, pendingPath, ctx));
    pending = [];
  };

  messages.forEach((message, index) => {
    const path = `messages[${index}]`;
    switch (message.role) {
      case 'system':
        return;
      case 'assistant': {
        answerPending();
        const translated = translateAssistant(message.content, path, echoed.has(index), ctx);
        if (translated) {
          out.push(translated.message);
          pending = translated.calls;
          pendingPath = path;
        }
        return;
      }
      case 'user': {
        const blocks: ContentBlockParam[] =
          typeof message.content === 'string'
            ? [{ type: 'text', text: message.content }]
            : message.content;
        const turn = translateToolTurn(blocks, `${path}.content`, pending, ctx);
        pending = [];
        out.push(...turn.toolMessages);
        pushUserTurn(out, turn.userParts, turn.toolMessages.length > 0, path, ctx);
        return;
      }
      default: {
        const role = (message as { role: unknown }).role;
        ctx.notes.add('dropped', path, `message with role ${String(role)} dropped`);
      }
    }
  });
  answerPending();
  return out;
}

function pushUserTurn(
  out: UpstreamMessage[],
  parts: ChatCompletionContentPart[],
  answeredTools: boolean,
  path: string,
  ctx: PartContext,
): void {
  if (parts.length > 0) out.push({ role: 'user', content: toUserContent(parts) });
  else if (!answeredTools)
    ctx.notes.add('dropped', path, 'empty user message dropped', 'empty-user');
}
