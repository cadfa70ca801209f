/**
 * The explicit state record of the stream translator (stream-translator.ts). Everything the
 * machine knows between two upstream chunks lives here, so a test or a log can look at it,
 * and nothing lives in closures.
 *
 * Invariants the translator keeps:
 * - at most one content block is open, and block indexes are handed out 0, 1, 2…;
 * - `pending` fills only when something had to wait: a tool_use block is open whose
 *   arguments are not yet a complete JSON object, or a call arrived without its name. From
 *   then on everything else waits there too, in arrival order, until finishStream (see
 *   stream-translator.ts for why).
 */
import type { StopReason } from '@anthropic-ai/sdk/resources/messages';
import type { CompletionUsage } from 'openai/resources/completions';
import type { AnthropicErrorDetail } from './anthropic-stream-event.ts';
import type { JsonTextScanner } from './json-text-scanner.ts';
import { createReasoningCarry, type ReasoningCarry } from './thinking-signature.ts';
import type { ToolNameMap } from './tool-name-alias.ts';
import type { TranslationNote } from './translation-note.ts';

export interface StreamTranslatorOptions {
  /** The model id the client asked for; echoed in message_start. */
  requestedModel: string;
  /** Upstream tool name → the client's original name (from the request translator). */
  toolNames: ToolNameMap;
  /** Input token estimate made before the call; message_start carries it. */
  estimatedInputTokens: number;
  /** Message id for message_start; generated when absent (no upstream id exists yet). */
  messageId?: string;
}

export type TextBlockKind = 'text' | 'thinking';

/** One upstream tool call, from its first delta to its content_block_stop. */
export interface StreamToolCall {
  /** Position among this message's tool calls, 0-based. */
  ordinal: number;
  upstreamId: string | null;
  /** The Anthropic tool_use id. */
  id: string;
  /** The upstream name ('' until a delta names it). */
  name: string;
  /**
   * The arguments: while pending, every fragment received; once the block is open, what was
   * sent, which `json` keeps a prefix of one JSON object (garbage after it is not sent).
   */
  args: string;
  json: JsonTextScanner;
  phase: 'pending' | 'open' | 'closed';
  /** Anthropic content block index once opened, else -1. */
  blockIndex: number;
}

export type OpenBlock =
  | { kind: TextBlockKind; index: number }
  | { kind: 'tool_use'; index: number; call: StreamToolCall };

export type PendingSegment =
  { kind: TextBlockKind; text: string } | { kind: 'tool_use'; call: StreamToolCall };

export type StreamPhase = 'idle' | 'streaming' | 'ended';

export interface StreamState {
  readonly requestedModel: string;
  readonly toolNames: ToolNameMap;
  readonly estimatedInputTokens: number;
  readonly messageId: string;
  /** idle: nothing sent; streaming: message_start sent; ended: message_stop or error sent. */
  phase: StreamPhase;
  nextBlockIndex: number;
  open: OpenBlock | null;
  pending: PendingSegment[];
  /** Tool calls in order of first appearance. */
  calls: StreamToolCall[];
  /** OpenAI tool-call `index` → the latest call that used it. */
  callsByIndex: Map<number, StreamToolCall>;
  /** Upstream tool-call id → call. */
  callsById: Map<string, StreamToolCall>;
  /** Anthropic ids handed out, to keep them unique within the message. */
  usedToolUseIds: Set<string>;
  /** Upstream reasoning state for the next thinking block's signature (thinking-signature.ts). */
  carry: ReasoningCarry;
  /** The last finish_reason seen; null means the upstream never said it was done. */
  finishReason: string | null;
  matchedStopSequence: string | null;
  /** Set by finishStream. */
  stopReason: StopReason | null;
  /** The latest usage the upstream reported. */
  upstreamUsage: CompletionUsage | null;
  /** Characters of text, thinking and arguments: the output estimate when usage is missing. */
  outputChars: number;
  upstreamId: string | null;
  upstreamModel: string | null;
  error: AnthropicErrorDetail | null;
  notes: TranslationNote[];
}

export function createStreamState(opts: StreamTranslatorOptions): StreamState {
  return {
    requestedModel: opts.requestedModel,
    toolNames: opts.toolNames,
    estimatedInputTokens: opts.estimatedInputTokens,
    messageId: opts.messageId ?? generateMessageId(),
    phase: 'idle',
    nextBlockIndex: 0,
    open: null,
    pending: [],
    calls: [],
    callsByIndex: new Map(),
    callsById: new Map(),
    usedToolUseIds: new Set(),
    carry: createReasoningCarry(),
    finishReason: null,
    matchedStopSequence: null,
    stopReason: null,
    upstreamUsage: null,
    outputChars: 0,
    upstreamId: null,
    upstreamModel: null,
    error: null,
    notes: [],
  };
}

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `msg_` + 24 base62 characters, the shape of Anthropic's ids. Not a secret: Math.random. */
function generateMessageId(): string {
  let id = 'msg_';
  for (let i = 0; i < 24; i++) id += BASE62[Math.floor(Math.random() * 62)];
  return id;
}
