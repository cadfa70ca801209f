/**
 * The Anthropic request as this proxy accepts it: the SDK's MessageCreateParamsBase plus the
 * sampling fields that @anthropic-ai/sdk 1.14 no longer lists but older clients still send.
 * A plain MessageCreateParamsBase is assignable to it, and it to MessageCreateParamsBase.
 */
import type { MessageCreateParamsBase } from '@anthropic-ai/sdk/resources/messages';

export interface AnthropicSamplingParams {
  temperature?: number | null;
  top_p?: number | null;
  top_k?: number | null;
}

export type AnthropicMessagesRequest = MessageCreateParamsBase & AnthropicSamplingParams;
