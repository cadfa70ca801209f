/**
 * A simulated answer in the wire shapes of OpenAI's Chat Completions API, as the openai SDK
 * types them: the JSON completion, the error body, and the stream as a list of chunks, each
 * tagged with the kind of pause a real model makes before it (the upstream turns the tags
 * into milliseconds). The stream is what real upstreams send, not a tidy version of it:
 * a role chunk first, `reasoning_content` deltas (DeepSeek's field) before the text, text in
 * token-sized pieces, each parallel tool call announced with its id and name and then its
 * arguments in small fragments, a finish chunk with an empty delta, and, when the request
 * asked for `stream_options.include_usage`, a last chunk with empty `choices` carrying
 * the usage (cached tokens included) while every earlier chunk says `usage: null`.
 */
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionMessage,
} from 'openai/resources/chat/completions';
import type { SimulatedCompletion, SimulatedFailure } from './simulated-answer.ts';

export interface WireMeta {
  id: string;
  created: number;
  model: string;
}

/** Before the first chunk, between tokens, at a change of block, or right after the previous one. */
export type Pause = 'first' | 'token' | 'boundary' | 'none';

export interface SimulatedFrame {
  pause: Pause;
  chunk: ChatCompletionChunk;
}

export const SYSTEM_FINGERPRINT = 'fp_simulated_demo';

interface SimulatedDelta extends ChatCompletionChunk.Choice.Delta {
  reasoning_content?: string;
}

interface SimulatedMessage extends ChatCompletionMessage {
  reasoning_content?: string;
}

/** Text in token-like pieces (a word with its leading space, one or two at a time). */
export function textPieces(text: string, random: () => number): string[] {
  const words = text.match(/\s*\S+|\s+$/g) ?? [];
  const pieces: string[] = [];
  for (let i = 0; i < words.length;) {
    const take = random() < 0.35 ? 2 : 1;
    pieces.push(words.slice(i, i + take).join(''));
    i += take;
  }
  return pieces;
}

/** JSON arguments in the 2–10 character fragments tool-call streams arrive in. */
export function argumentPieces(json: string, random: () => number): string[] {
  const pieces: string[] = [];
  for (let at = 0; at < json.length;) {
    const size = 2 + Math.floor(random() * 9);
    pieces.push(json.slice(at, at + size));
    at += size;
  }
  return pieces;
}

export function streamFrames(
  answer: SimulatedCompletion,
  meta: WireMeta,
  random: () => number,
  includeUsage: boolean,
): SimulatedFrame[] {
  const frames: SimulatedFrame[] = [];
  const chunk = (
    delta: SimulatedDelta,
    finishReason: ChatCompletionChunk.Choice['finish_reason'] = null,
  ): ChatCompletionChunk => ({
    id: meta.id,
    object: 'chat.completion.chunk',
    created: meta.created,
    model: meta.model,
    system_fingerprint: SYSTEM_FINGERPRINT,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
    ...(includeUsage ? { usage: null } : {}),
  });
  const push = (
    pause: Pause,
    delta: SimulatedDelta,
    finish?: ChatCompletionChunk.Choice['finish_reason'],
  ) => frames.push({ pause, chunk: chunk(delta, finish ?? null) });

  push('first', { role: 'assistant', content: '', refusal: null });
  textPieces(answer.reasoning, random).forEach((piece) =>
    push('token', { reasoning_content: piece }),
  );
  textPieces(answer.text, random).forEach((piece, i) =>
    push(i === 0 && answer.reasoning !== '' ? 'boundary' : 'token', { content: piece }),
  );
  answer.toolCalls.forEach((call, index) => {
    push('boundary', {
      tool_calls: [
        { index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } },
      ],
    });
    for (const piece of argumentPieces(call.arguments, random))
      push('token', { tool_calls: [{ index, function: { arguments: piece } }] });
  });
  push('token', {}, answer.finishReason);
  if (includeUsage) {
    frames.push({
      pause: 'none',
      chunk: {
        id: meta.id,
        object: 'chat.completion.chunk',
        created: meta.created,
        model: meta.model,
        system_fingerprint: SYSTEM_FINGERPRINT,
        choices: [],
        usage: answer.usage,
      },
    });
  }
  return frames;
}

export function completionBody(answer: SimulatedCompletion, meta: WireMeta): ChatCompletion {
  const message: SimulatedMessage = {
    role: 'assistant',
    content: answer.text === '' ? null : answer.text,
    refusal: null,
    ...(answer.reasoning === '' ? {} : { reasoning_content: answer.reasoning }),
    ...(answer.toolCalls.length === 0
      ? {}
      : {
          tool_calls: answer.toolCalls.map((call) => ({
            id: call.id,
            type: 'function' as const,
            function: { name: call.name, arguments: call.arguments },
          })),
        }),
  };
  return {
    id: meta.id,
    object: 'chat.completion',
    created: meta.created,
    model: meta.model,
    system_fingerprint: SYSTEM_FINGERPRINT,
    choices: [{ index: 0, message, logprobs: null, finish_reason: answer.finishReason }],
    usage: answer.usage,
  };
}

export function errorBody(failure: SimulatedFailure): {
  error: { message: string; type: string; param: null; code: string | null };
} {
  return {
    error: { message: failure.message, type: failure.type, param: null, code: failure.code },
  };
}
