/**
 * Which earlier thinking goes back upstream, and in what field. Anthropic thinking blocks
 * are dropped unless the provider wants them (ProviderQuirks.reasoningEcho):
 * - DeepSeek (`reasoning_content`, echoReasoningOnlyAroundToolCalls): the reasoning of every
 *   assistant turn in a span that made tool calls must come back in every later request,
 *   else 400 "must be passed back"; a span runs from one user message to the next, and a
 *   user message that answers tool calls continues the span. Outside such spans it is
 *   ignored, so it is not sent.
 * - vLLM (`reasoning`): the text, wherever there is some.
 * - OpenRouter (`reasoning_details`): the details carried in the block's signature when the
 *   response side put them there (reasoning-carrier.ts), else rebuilt from text + signature.
 * - Gemini 3: a thought_signature on the first tool call of each assistant turn.
 */
import type {
  MessageParam,
  RedactedThinkingBlockParam,
  ThinkingBlockParam,
} from '@anthropic-ai/sdk/resources/messages';
import type { ProviderQuirks, ReasoningEchoStyle } from '../providers/provider-quirks.ts';
import { decodeReasoningSignature } from './reasoning-carrier.ts';
import type {
  OpenRouterReasoningDetail,
  UpstreamAssistantMessage,
} from './upstream-request-types.ts';

export type ReasoningBlock = ThinkingBlockParam | RedactedThinkingBlockParam;

/** Google's documented value for a tool call whose real signature is unknown. */
export const GEMINI_PLACEHOLDER_THOUGHT_SIGNATURE = 'skip_thought_signature_validator';

function hasBlock(message: MessageParam, type: string): boolean {
  return (
    typeof message.content !== 'string' && message.content.some((block) => block.type === type)
  );
}

/** Indexes of the assistant messages whose reasoning is sent back. */
export function planReasoningEcho(
  messages: readonly MessageParam[],
  quirks: ProviderQuirks,
): Set<number> {
  const echoed = new Set<number>();
  if (quirks.reasoningEcho === 'none') return echoed;
  if (!quirks.echoReasoningOnlyAroundToolCalls) {
    messages.forEach((message, index) => {
      if (message.role === 'assistant') echoed.add(index);
    });
    return echoed;
  }
  let span: number[] = [];
  let spanHasToolCalls = false;
  const closeSpan = () => {
    if (spanHasToolCalls) span.forEach((index) => echoed.add(index));
    span = [];
    spanHasToolCalls = false;
  };
  messages.forEach((message, index) => {
    if (message.role === 'user' && !hasBlock(message, 'tool_result')) closeSpan();
    if (message.role !== 'assistant') return;
    span.push(index);
    if (hasBlock(message, 'tool_use')) spanHasToolCalls = true;
  });
  closeSpan();
  return echoed;
}

function reasoningDetails(blocks: readonly ReasoningBlock[]): OpenRouterReasoningDetail[] {
  return blocks.flatMap((block): OpenRouterReasoningDetail[] => {
    if (block.type === 'redacted_thinking')
      return [{ type: 'reasoning.encrypted', data: block.data }];
    const carried = decodeReasoningSignature(block.signature);
    if (carried?.reasoning_details) return carried.reasoning_details;
    // Our own signature is no upstream's; only a foreign one (Anthropic's) is passed on.
    const signature = carried ? undefined : block.signature || undefined;
    if (!block.thinking && !signature) return [];
    return [{ type: 'reasoning.text', text: block.thinking, ...(signature && { signature }) }];
  });
}

/** The reasoning fields for one echoed assistant message (may be empty). */
export function reasoningEchoFields(
  blocks: readonly ReasoningBlock[],
  style: ReasoningEchoStyle,
  alwaysSet: boolean,
): Partial<UpstreamAssistantMessage> {
  const text = () =>
    blocks
      .flatMap((block) => (block.type === 'thinking' && block.thinking ? [block.thinking] : []))
      .join('\n\n');
  switch (style) {
    case 'none':
      return {};
    case 'reasoning_content': {
      const reasoning = text();
      return reasoning || alwaysSet ? { reasoning_content: reasoning } : {};
    }
    case 'reasoning': {
      const reasoning = text();
      return reasoning || alwaysSet ? { reasoning } : {};
    }
    case 'reasoning_details': {
      const details = reasoningDetails(blocks);
      return details.length > 0 ? { reasoning_details: details } : {};
    }
  }
}

/** The thought_signature for the first tool call of an assistant turn (Gemini 3). */
export function geminiThoughtSignature(blocks: readonly ReasoningBlock[]): string {
  for (const block of blocks) {
    if (block.type !== 'thinking') continue;
    const carried = decodeReasoningSignature(block.signature)?.thought_signature;
    if (carried) return carried;
  }
  return GEMINI_PLACEHOLDER_THOUGHT_SIGNATURE;
}
