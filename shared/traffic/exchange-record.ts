/**
 * One recorded proxy call ("exchange") as the inspector sees it: a small summary for the
 * list, and the full record with the four forms of the call for the detail pane. Both
 * transports (HTTP/SSE in headless mode, IPC in Electron) carry exactly these shapes.
 */
import type { TranslationNote } from '../translate/translation-note.ts';

export type ExchangeState = 'pending' | 'streaming' | 'complete' | 'error' | 'aborted';

export interface ExchangeTimings {
  /** Epoch ms when the request arrived. */
  receivedAt: number;
  /** The rest are ms offsets from receivedAt; undefined until they happen. */
  upstreamSent?: number;
  upstreamHeaders?: number;
  firstToken?: number;
  done?: number;
}

export interface TokenCounts {
  /** js-tiktoken estimate of the input, made before the call. */
  estimatedInput: number;
  /** What the upstream reported, once known. */
  input?: number;
  output?: number;
  cacheRead?: number;
  cacheCreation?: number;
}

export interface ExchangeSummary {
  id: string;
  state: ExchangeState;
  method: string;
  path: string;
  /** e.g. "claude-cli/2.1.332"; from the user-agent header. */
  client?: string;
  /** Claude Code session id (x-claude-code-session-id, else from metadata.user_id). */
  sessionId?: string;
  requestedModel?: string;
  provider?: string;
  upstreamModel?: string;
  rule?: string;
  stream: boolean;
  status?: number;
  error?: { type: string; message: string };
  stopReason?: string | null;
  timings: ExchangeTimings;
  tokens: TokenCounts;
  /** Estimated cost in USD where prices are known. */
  costUsd?: number;
  notes: TranslationNote[];
  /** Number of chunks/events so far (grows while streaming). */
  openaiChunkCount: number;
  anthropicEventCount: number;
  /** Set when the record itself was truncated to fit the memory budget. */
  truncated?: boolean;
}

/** One streamed item with its arrival time, in ms from the exchange's receivedAt. */
export interface TimedItem<T = unknown> {
  offsetMs: number;
  data: T;
}

export interface ExchangeRecord extends ExchangeSummary {
  requestHeaders: Record<string, string>;
  /** Where the OpenAI request went, e.g. "https://openrouter.ai/api/v1/chat/completions". */
  upstreamUrl?: string;
  /** HTTP status the upstream answered with. */
  upstreamStatus?: number;
  upstreamRequestHeaders?: Record<string, string>;
  upstreamResponseHeaders?: Record<string, string>;
  responseHeaders?: Record<string, string>;
  /** The Anthropic request as received. */
  anthropicRequest: unknown;
  /** The OpenAI request as sent upstream. */
  openaiRequest?: unknown;
  /** The OpenAI response: a JSON body, or for streams the list of chunks with offsets. */
  openaiResponse?: unknown | TimedItem[];
  /** The Anthropic response: a JSON message, or for streams the SSE events with offsets. */
  anthropicResponse?: unknown | TimedItem[];
}

/**
 * What the recorder puts in place of a body larger than its per-body limit. Strings inside a
 * kept body may instead end with TRUNCATED_STRING_MARKER; a stream list cut short ends with
 * one TimedItem whose data is a TruncatedBody (omittedItems set).
 */
export interface TruncatedBody {
  __truncated: true;
  /** Approximate size of what was recorded, in bytes. */
  originalBytes: number;
  /** The first part of the JSON text (bodies), or absent (stream lists). */
  preview?: string;
  /** For stream lists: how many chunks/events were left out. */
  omittedItems?: number;
}

export const TRUNCATED_STRING_MARKER = '…[truncated by the recorder]';

export function isTruncatedBody(value: unknown): value is TruncatedBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { __truncated?: unknown }).__truncated === true
  );
}
