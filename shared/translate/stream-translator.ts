/**
 * OpenAI Chat Completions chunks → Anthropic Messages stream events: a small pure state
 * machine (protocol checklist, section 3). The server calls startStream when the upstream
 * answers 200, stepStream for each chunk, finishStream at [DONE] or EOF, failStream when
 * the upstream fails, and frames every returned event with formatSseEvent. No I/O here.
 *
 * Ordering: the SDK appends a block at each content_block_start whatever its index, and
 * Claude Code rejects deltas for a block that is not open, so blocks open one at a time, in
 * index order, and a block is stopped only when nothing more can arrive for it. Text and
 * thinking blocks can always be stopped (more text simply opens a new block). A tool_use
 * block stays open until its arguments form a whole JSON object; what arrives meanwhile
 * (another call's fragments when calls interleave, or text after a call) waits in
 * `pending` and is sent at finishStream, in arrival order, one block per segment.
 *
 * Only the first choice is translated (the proxy never asks for n > 1).
 */
import type { Usage } from '@anthropic-ai/sdk/resources/messages';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import type { AnthropicErrorDetail, AnthropicStreamEvent } from './anthropic-stream-event.ts';
import {
  chunkErrorMessage,
  chunkUsage,
  matchedStopSequence,
  reasoningDetails,
  reasoningText,
  thoughtSignature,
} from './response-extensions.ts';
import {
  canCloseOpenBlock,
  closeOpenBlock,
  flushPending,
  openTextBlock,
  textDelta,
} from './stream-blocks.ts';
import type { StreamState, TextBlockKind } from './stream-state.ts';
import { addToolCallDelta } from './stream-tool-calls.ts';
import { mapStopReason } from './stop-reason.ts';
import { addReasoningFragments, hasCarriedReasoning } from './thinking-signature.ts';
import type { TranslationNote } from './translation-note.ts';
import {
  estimateTokensFromChars,
  mapUsage,
  outputTokensDetails,
  toMessageUsage,
  type UsageCounts,
} from './usage-mapper.ts';

export { createStreamState } from './stream-state.ts';
export type { StreamState, StreamTranslatorOptions } from './stream-state.ts';

/** Key for the legacy single `function_call` delta, which has no index of its own. */
const LEGACY_FUNCTION_CALL_INDEX = -1;

export const TRUNCATED_STREAM_MESSAGE = 'upstream stream ended before completion';

/** message_start and a ping; [] once the message has started (or the stream has ended). */
export function startStream(state: StreamState): AnthropicStreamEvent[] {
  if (state.phase !== 'idle') return [];
  state.phase = 'streaming';
  return [
    {
      type: 'message_start',
      message: {
        id: state.messageId,
        type: 'message',
        role: 'assistant',
        content: [],
        model: state.requestedModel,
        stop_reason: null,
        stop_sequence: null,
        stop_details: null,
        container: null,
        diagnostics: null,
        usage: toMessageUsage({
          input_tokens: state.estimatedInputTokens,
          output_tokens: 0,
          cache_read_input_tokens: 0,
          cache_creation_input_tokens: 0,
        }),
      },
    },
    { type: 'ping' },
  ];
}

export function stepStream(state: StreamState, chunk: ChatCompletionChunk): AnthropicStreamEvent[] {
  if (state.phase === 'ended') return [];
  const events = state.phase === 'idle' ? startStream(state) : [];
  if (state.upstreamId === null && chunk.id) {
    state.upstreamId = chunk.id;
    state.upstreamModel = chunk.model || null;
  }
  const errorMessage = chunkErrorMessage(chunk);
  if (errorMessage !== null) {
    events.push(...failStream(state, { type: 'api_error', message: errorMessage }));
    return events;
  }
  const usage = chunkUsage(chunk);
  if (usage) state.upstreamUsage = usage;

  // Usage-only chunks (choices: []) end here, as do servers that omit `choices`.
  const choice = chunk.choices?.[0];
  if (choice === undefined) return events;
  const delta = choice.delta;
  if (delta) {
    // Details first: a chunk that also starts the text closes the thinking block, whose
    // signature must already include them.
    const details = reasoningDetails(delta);
    if (details !== null) addReasoningFragments(state.carry, details);
    const reasoning = reasoningText(delta);
    if (reasoning) addText(state, 'thinking', reasoning, events);
    if (delta.content) addText(state, 'text', delta.content, events);
    if (delta.refusal) addText(state, 'text', delta.refusal, events);
    const toolCalls = delta.tool_calls;
    if (toolCalls) {
      for (const call of toolCalls) {
        addToolCallDelta(
          state,
          {
            index: typeof call.index === 'number' ? call.index : undefined,
            id: call.id ?? undefined,
            name: call.function?.name ?? undefined,
            args: call.function?.arguments ?? undefined,
            thoughtSignature: thoughtSignature(call),
          },
          events,
        );
      }
    }
    const legacy = delta.function_call;
    if (legacy) {
      addToolCallDelta(
        state,
        {
          index: LEGACY_FUNCTION_CALL_INDEX,
          id: undefined,
          name: legacy.name,
          args: legacy.arguments,
          thoughtSignature: null,
        },
        events,
      );
    }
  }
  const finishReason: string | null = choice.finish_reason;
  if (finishReason === 'error') {
    // OpenRouter's in-stream failure, when it comes without an `error` object.
    events.push(...failStream(state, { type: 'api_error', message: 'upstream reported an error' }));
  } else if (finishReason) {
    state.finishReason = finishReason;
    state.matchedStopSequence = matchedStopSequence(choice);
  }
  return events;
}

/**
 * The upstream ended ([DONE] or EOF). Without a finish_reason the answer is truncated, and an
 * `error` event says so rather than a fake end_turn; there is then no message_stop.
 */
export function finishStream(state: StreamState): AnthropicStreamEvent[] {
  if (state.phase === 'ended') return [];
  const events = startStream(state);
  if (state.finishReason === null) {
    events.push(...failStream(state, { type: 'api_error', message: TRUNCATED_STREAM_MESSAGE }));
    return events;
  }
  closeOpenBlock(state, events);
  flushPending(state, events);
  if (hasCarriedReasoning(state.carry)) {
    // Reasoning state that arrived after its thinking block closed (Gemini signs tool
    // calls, which come after the reasoning): an empty thinking block carries it back.
    openTextBlock(state, 'thinking', events);
    closeOpenBlock(state, events);
  }
  const { stopReason, stopSequence } = mapStopReason({
    finishReason: state.finishReason,
    matchedStopSequence: state.matchedStopSequence,
    toolUseEmitted: state.calls.length > 0,
  });
  state.stopReason = stopReason;
  events.push({
    type: 'message_delta',
    delta: {
      stop_reason: stopReason,
      stop_sequence: stopSequence,
      stop_details: null,
      container: null,
    },
    usage: messageDeltaUsage(state),
  });
  events.push({ type: 'message_stop' });
  state.phase = 'ended';
  return events;
}

/** An `error` event, and the end of the stream: no message_stop follows an error. */
export function failStream(
  state: StreamState,
  error: AnthropicErrorDetail,
): AnthropicStreamEvent[] {
  if (state.phase === 'ended') return [];
  state.phase = 'ended';
  state.error = { type: error.type, message: error.message };
  return [{ type: 'error', error: state.error }];
}

export interface StreamResult {
  stopReason: string | null;
  usage: UsageCounts;
  /** False when the upstream reported no usage and the counts are estimates. */
  usageReported: boolean;
  messageId: string;
  upstreamId: string | null;
  upstreamModel: string | null;
  error: AnthropicErrorDetail | null;
  notes: readonly TranslationNote[];
}

/** What the logs and the traffic recorder want to know about the stream so far. */
export function streamResult(state: StreamState): StreamResult {
  return {
    stopReason: state.stopReason,
    usage: usageCounts(state),
    usageReported: state.upstreamUsage !== null,
    messageId: state.messageId,
    upstreamId: state.upstreamId,
    upstreamModel: state.upstreamModel,
    error: state.error,
    notes: state.notes,
  };
}

function addText(
  state: StreamState,
  kind: TextBlockKind,
  text: string,
  events: AnthropicStreamEvent[],
): void {
  state.outputChars += text.length;
  const pending = state.pending;
  if (pending.length === 0) {
    const open = state.open;
    if (open !== null && open.kind === kind) {
      events.push(textDelta(kind, open.index, text));
      return;
    }
    if (canCloseOpenBlock(state)) {
      closeOpenBlock(state, events);
      const index = openTextBlock(state, kind, events);
      events.push(textDelta(kind, index, text));
      return;
    }
  }
  const last = pending[pending.length - 1];
  if (last !== undefined && last.kind === kind) last.text += text;
  else pending.push({ kind, text });
}

function usageCounts(state: StreamState): UsageCounts {
  if (state.upstreamUsage !== null) return mapUsage(state.upstreamUsage);
  return {
    input_tokens: state.estimatedInputTokens,
    output_tokens: estimateTokensFromChars(state.outputChars),
    cache_read_input_tokens: 0,
    cache_creation_input_tokens: 0,
  };
}

type DeltaUsage = Extract<AnthropicStreamEvent, { type: 'message_delta' }>['usage'];

/**
 * Reported usage corrects message_start's estimate (the SDK overwrites the input fields
 * when they are non-null). Without it the input fields stay null, keeping the estimate, and
 * output is estimated from characters.
 */
function messageDeltaUsage(state: StreamState): DeltaUsage {
  const reported = state.upstreamUsage;
  if (reported === null) {
    state.notes.push({
      kind: 'added',
      field: 'usage.output_tokens',
      detail: 'estimated as characters / 4: the upstream reported no usage',
    });
    return {
      input_tokens: null,
      output_tokens: estimateTokensFromChars(state.outputChars),
      cache_read_input_tokens: null,
      cache_creation_input_tokens: null,
      output_tokens_details: null,
      server_tool_use: null,
    };
  }
  const counts: Usage = toMessageUsage(mapUsage(reported), outputTokensDetails(reported));
  return {
    input_tokens: counts.input_tokens,
    output_tokens: counts.output_tokens,
    cache_read_input_tokens: counts.cache_read_input_tokens,
    cache_creation_input_tokens: counts.cache_creation_input_tokens,
    output_tokens_details: counts.output_tokens_details,
    server_tool_use: null,
  };
}
