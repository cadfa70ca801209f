/**
 * Every event the proxy writes on an Anthropic SSE stream: the SDK's raw message events plus
 * the two it does not type as events, `ping` (keep-alive) and `error` (failure after the 200
 * was sent). The stream translator produces these and the server frames them with
 * formatSseEvent; nothing else writes to a streaming response.
 */
import type { RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages';

/** The body of an Anthropic error: `type` is one of the API's error types, e.g. `api_error`. */
export interface AnthropicErrorDetail {
  type: string;
  message: string;
}

export type AnthropicStreamEvent =
  RawMessageStreamEvent | { type: 'ping' } | { type: 'error'; error: AnthropicErrorDetail };
