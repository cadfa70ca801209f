/**
 * The OpenAI request as this proxy sends it: the openai SDK's own types, extended with the
 * few fields OpenAI-compatible upstreams accept beyond OpenAI (OpenRouter's `reasoning`,
 * DeepSeek's `thinking` and `reasoning_content`, `top_k`, Gemini's `extra_content`). Every
 * type here is assignable to the SDK's ChatCompletionCreateParams, so callers that only know
 * the SDK type can take it unchanged.
 */
import type {
  ChatCompletionAssistantMessageParam,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionCreateParamsStreaming,
  ChatCompletionMessageFunctionToolCall,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';

/** OpenRouter's unified reasoning control (openrouter.ai/docs, "Reasoning Tokens"). */
export interface OpenRouterReasoningParam {
  effort?: 'low' | 'medium' | 'high';
  max_tokens?: number;
  enabled?: boolean;
}

/** One entry of OpenRouter's `reasoning_details` ("reasoning.text", "reasoning.encrypted", ...). */
export interface OpenRouterReasoningDetail {
  type: string;
  [field: string]: unknown;
}

export interface UpstreamRequestExtras {
  /** OpenRouter, vLLM, Ollama, LM Studio. */
  top_k?: number;
  /** OpenRouter. */
  reasoning?: OpenRouterReasoningParam;
  /** DeepSeek's thinking switch. */
  thinking?: { type: 'enabled' };
}

export type UpstreamToolCall = ChatCompletionMessageFunctionToolCall & {
  /** Gemini 3's OpenAI endpoint wants the thought signature back on tool calls. */
  extra_content?: { google: { thought_signature: string } };
};

export type UpstreamAssistantMessage = Omit<ChatCompletionAssistantMessageParam, 'tool_calls'> & {
  tool_calls?: UpstreamToolCall[];
  /** DeepSeek, and LiteLLM-style servers. */
  reasoning_content?: string;
  /** vLLM ≥ 0.16. */
  reasoning?: string;
  /** OpenRouter. */
  reasoning_details?: OpenRouterReasoningDetail[];
};

export type UpstreamMessage =
  | Exclude<ChatCompletionMessageParam, ChatCompletionAssistantMessageParam>
  | UpstreamAssistantMessage;

type WithUpstreamMessages<T> = Omit<T, 'messages'> &
  UpstreamRequestExtras & { messages: UpstreamMessage[] };

export type UpstreamChatRequest =
  | WithUpstreamMessages<ChatCompletionCreateParamsNonStreaming>
  | WithUpstreamMessages<ChatCompletionCreateParamsStreaming>;
