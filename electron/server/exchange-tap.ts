/**
 * The proxy's hook into the traffic recorder. The route handler calls these as each stage of
 * a call happens, handing objects over by reference: an implementation must not serialise,
 * parse, redact or copy on these calls (that happens off the hot path), and must never throw
 * into the proxy. `completed` comes last for each id (with `started`, the only calls
 * guaranteed for a call that fails or is aborted). `noopExchangeTap` lets the proxy run with
 * recording off.
 *
 * A stream's chunks and events come as their JSON text, the strings the proxy has anyway (the
 * `data:` of each upstream chunk, the JSON it writes after `data: ` for each event), one call
 * per upstream read and per write to the client: keeping a few strings per item instead of
 * its parsed object tree spares the garbage collector thousands of small live objects per
 * stream. Whoever shows them parses them, off the hot path.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { MessageCreateParamsBase, Message } from '@anthropic-ai/sdk/resources/messages';
import type { ChatCompletion, ChatCompletionCreateParams } from 'openai/resources/chat/completions';
import type { TranslationNote } from '../../shared/translate/translation-note.ts';

export interface ExchangeStart {
  id: string;
  /** Date.now() when the request arrived; later marks are performance.now() offsets. */
  receivedAt: number;
  method: string;
  path: string;
  clientHeaders: IncomingHttpHeaders;
  /** The parsed body as received (before validation, so bad requests are recorded too). */
  anthropicRequest: unknown;
}

export interface ExchangeRoute {
  requestedModel: string;
  provider: string;
  upstreamModel: string;
  /** The rule that chose the model, e.g. "big (opus/sonnet)" or "pass-through". */
  rule: string;
  stream: boolean;
  /** js-tiktoken estimate of the input. */
  estimatedInputTokens: number;
}

export interface ExchangeEnd {
  /** HTTP status sent to the client (200 for a stream that later failed with an error event). */
  status: number;
  error?: { type: string; message: string };
  stopReason?: string | null;
  usage?: {
    input_tokens: number;
    output_tokens: number;
    cache_read_input_tokens?: number | null;
    cache_creation_input_tokens?: number | null;
  };
  /** The client went away before the answer was complete. */
  aborted?: boolean;
}

export interface ExchangeTap {
  started(start: ExchangeStart): void;
  routed(id: string, route: ExchangeRoute): void;
  /** `url` (optional, the full chat/completions URL) feeds HAR export and copy-as-cURL. */
  upstreamRequest(
    id: string,
    body: ChatCompletionCreateParams,
    headers: Record<string, string>,
    notes: readonly TranslationNote[],
    url?: string,
  ): void;
  upstreamResponseHeaders(id: string, status: number, headers: Record<string, string>): void;
  /**
   * The chunks one network read of the upstream's SSE body completed, in order: each the
   * `data:` text of a ChatCompletionChunk exactly as received (and as JSON.parse accepted it).
   * `[DONE]`, comments and an error or malformed event are not included. Never empty.
   */
  openaiChunks(id: string, chunks: readonly string[]): void;
  /**
   * The events of one write to the client, in order: each the JSON text of a
   * RawMessageStreamEvent (or the `error` event) exactly as it follows `data: ` on the wire.
   * Pings are not included. Never empty.
   */
  anthropicEvents(id: string, events: readonly string[]): void;
  openaiResponse(id: string, body: ChatCompletion | unknown): void;
  /**
   * The JSON answer sent to the client with its headers. For a stream, call it with body
   * `undefined` to record the response headers (the events come through anthropicEvents).
   */
  anthropicResponse(id: string, body: Message | unknown, headers: Record<string, string>): void;
  completed(id: string, end: ExchangeEnd): void;
}

export type ValidatedAnthropicRequest = MessageCreateParamsBase;

export const noopExchangeTap: ExchangeTap = {
  started() {},
  routed() {},
  upstreamRequest() {},
  upstreamResponseHeaders() {},
  openaiChunks() {},
  anthropicEvents() {},
  openaiResponse() {},
  anthropicResponse() {},
  completed() {},
};
