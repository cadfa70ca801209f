/**
 * A non-streaming OpenAI ChatCompletion → an Anthropic Message (protocol checklist,
 * section 2). Claude Code falls back to this path when a stream fails, so it must give the
 * same content as the stream translator: thinking, then text (omitted when empty), then
 * tool_use blocks, with the same ids, names, stop reason and usage rules.
 */
import type { ContentBlock, Message, ToolUseBlock } from '@anthropic-ai/sdk/resources/messages';
import type {
  ChatCompletion,
  ChatCompletionMessageToolCall,
} from 'openai/resources/chat/completions';
import {
  matchedStopSequence,
  reasoningDetails,
  reasoningText,
  thoughtSignature,
} from './response-extensions.ts';
import { mapStopReason } from './stop-reason.ts';
import {
  addWholeReasoningDetails,
  createReasoningCarry,
  hasCarriedReasoning,
  setThoughtSignature,
  takeThinkingSignature,
} from './thinking-signature.ts';
import { parseToolArguments } from './tool-arguments-repair.ts';
import { originalToolName, type ToolNameMap } from './tool-name-alias.ts';
import { synthesizeToolUseId, toAnthropicToolUseId } from './tool-use-id.ts';
import type { TranslationNote } from './translation-note.ts';
import {
  estimateTokensFromChars,
  mapUsage,
  outputTokensDetails,
  toMessageUsage,
} from './usage-mapper.ts';

export interface TranslateResponseOptions {
  requestedModel: string;
  toolNames: ToolNameMap;
  /** Used as input_tokens when the upstream reports no usage (default 0). */
  estimatedInputTokens?: number;
  /** Receives a note for each repaired or unusable tool input and for estimated usage. */
  notes?: TranslationNote[];
}

export function translateResponse(
  completion: ChatCompletion,
  opts: TranslateResponseOptions,
): Message {
  const id = completion.id
    ? 'msg_' + completion.id
    : 'msg_' + synthesizeToolUseId(String(completion.created), 0);
  const choice = completion.choices?.[0];
  const message = choice?.message;
  const content: ContentBlock[] = [];
  let outputChars = 0;

  if (message) {
    const thinking = reasoningText(message);
    const carry = createReasoningCarry();
    const details = reasoningDetails(message);
    if (details !== null) addWholeReasoningDetails(carry, details);
    for (const call of message.tool_calls ?? []) {
      const signature = thoughtSignature(call);
      if (signature !== null) setThoughtSignature(carry, signature);
    }
    // Reasoning state with no reasoning text still needs a (then empty) thinking block to
    // travel back in, as the stream translator does.
    if (thinking || hasCarriedReasoning(carry)) {
      content.push({ type: 'thinking', thinking, signature: takeThinkingSignature(carry) });
      outputChars += thinking.length;
    }
    const text = (message.content ?? '') + (message.refusal ?? '');
    if (text) {
      content.push({ type: 'text', text, citations: null });
      outputChars += text.length;
    }
    const calls = message.tool_calls ?? [];
    const usedIds = new Set<string>();
    for (const call of calls) {
      const block = toolUseBlock(call, id, content.length, usedIds, opts);
      content.push(block);
      outputChars += rawArguments(call).length;
    }
    if (calls.length === 0 && message.function_call) {
      const legacy = message.function_call;
      content.push(
        buildToolUse(
          synthesizeToolUseId(id, 0),
          legacy.name,
          legacy.arguments,
          content.length,
          opts,
        ),
      );
      outputChars += legacy.arguments.length;
    }
  }

  const toolUseEmitted = content.some((block) => block.type === 'tool_use');
  const { stopReason, stopSequence } = mapStopReason({
    finishReason: choice?.finish_reason,
    matchedStopSequence: choice ? matchedStopSequence(choice) : null,
    toolUseEmitted,
  });

  const reported = completion.usage;
  let usage;
  if (reported) {
    usage = toMessageUsage(mapUsage(reported), outputTokensDetails(reported));
  } else {
    opts.notes?.push({
      kind: 'added',
      field: 'usage.output_tokens',
      detail: 'estimated as characters / 4: the upstream reported no usage',
    });
    usage = toMessageUsage({
      input_tokens: opts.estimatedInputTokens ?? 0,
      output_tokens: estimateTokensFromChars(outputChars),
      cache_read_input_tokens: 0,
      cache_creation_input_tokens: 0,
    });
  }

  return {
    id,
    type: 'message',
    role: 'assistant',
    model: opts.requestedModel,
    content,
    stop_reason: stopReason,
    stop_sequence: stopSequence,
    stop_details: null,
    container: null,
    diagnostics: null,
    usage,
  };
}

function rawArguments(call: ChatCompletionMessageToolCall): string {
  switch (call.type) {
    case 'function':
      return call.function.arguments ?? '';
    case 'custom':
      return call.custom.input ?? '';
    default:
      return assertNever(call);
  }
}

function toolUseBlock(
  call: ChatCompletionMessageToolCall,
  messageId: string,
  blockIndex: number,
  usedIds: Set<string>,
  opts: TranslateResponseOptions,
): ToolUseBlock {
  const ordinal = usedIds.size;
  // Same rule as the stream translator: ids from the upstream id, synthesised when absent,
  // made unique within the message.
  let id = call.id ? toAnthropicToolUseId(call.id) : synthesizeToolUseId(messageId, ordinal);
  if (usedIds.has(id)) id += '_' + String(ordinal);
  usedIds.add(id);
  const name = call.type === 'function' ? call.function.name : call.custom.name;
  return buildToolUse(id, name, rawArguments(call), blockIndex, opts);
}

function buildToolUse(
  id: string,
  upstreamName: string,
  args: string,
  blockIndex: number,
  opts: TranslateResponseOptions,
): ToolUseBlock {
  const { input, outcome } = parseToolArguments(args);
  if (outcome === 'repaired' || outcome === 'invalid') {
    opts.notes?.push({
      kind: 'changed',
      field: `content[${blockIndex}].input`,
      detail:
        outcome === 'repaired'
          ? 'tool arguments were not valid JSON; repaired'
          : 'tool arguments were not a JSON object; replaced by {}',
    });
  }
  return {
    type: 'tool_use',
    id,
    name: originalToolName(opts.toolNames, upstreamName),
    input,
    caller: { type: 'direct' },
  };
}

function assertNever(value: never): never {
  throw new Error(`unexpected tool call: ${JSON.stringify(value)}`);
}
