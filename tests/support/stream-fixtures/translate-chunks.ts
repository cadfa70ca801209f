/**
 * Runs chunks through the stream translator the way the server does: startStream when the
 * upstream answers, stepStream per chunk, finishStream at [DONE].
 */
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import type { AnthropicStreamEvent } from '../../../shared/translate/anthropic-stream-event.ts';
import {
  createStreamState,
  finishStream,
  startStream,
  stepStream,
  type StreamState,
  type StreamTranslatorOptions,
} from '../../../shared/translate/stream-translator.ts';

export const TEST_MESSAGE_ID = 'msg_chatcmpl-test';
export const REQUESTED_MODEL = 'claude-sonnet-4-6';

export function streamOptions(
  overrides: Partial<StreamTranslatorOptions> = {},
): StreamTranslatorOptions {
  return {
    requestedModel: REQUESTED_MODEL,
    toolNames: new Map(),
    estimatedInputTokens: 1234,
    messageId: TEST_MESSAGE_ID,
    ...overrides,
  };
}

export interface TranslatedStream {
  events: AnthropicStreamEvent[];
  state: StreamState;
}

export function translateChunks(
  chunks: readonly ChatCompletionChunk[],
  overrides: Partial<StreamTranslatorOptions> = {},
  { finished = true }: { finished?: boolean } = {},
): TranslatedStream {
  const state = createStreamState(streamOptions(overrides));
  const events = startStream(state);
  for (const chunk of chunks) events.push(...stepStream(state, chunk));
  if (finished) events.push(...finishStream(state));
  return { events, state };
}

/** Events without message_start/ping/message_delta/message_stop, for block-level asserts. */
export function blockEvents(events: readonly AnthropicStreamEvent[]): AnthropicStreamEvent[] {
  return events.filter((event) => event.type.startsWith('content_block'));
}
