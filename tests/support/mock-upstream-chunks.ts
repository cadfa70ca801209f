/**
 * Builders for OpenAI Chat Completions chunks and completions as real upstreams send them,
 * for the mock upstream's scripted streams: a role chunk first, text/reasoning/tool-call
 * deltas, `finish_reason` on its own chunk, then (with include_usage) a usage-only chunk
 * with `choices: []`. Typed with the openai SDK's own wire types.
 */
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionMessageToolCall,
} from 'openai/resources/chat/completions';
import type { CompletionUsage } from 'openai/resources/completions';

export const MOCK_COMPLETION_ID = 'chatcmpl-mock123';
export const MOCK_MODEL = 'mock-model';

type Delta = ChatCompletionChunk.Choice.Delta & { reasoning_content?: string; reasoning?: string };

export function chunk(
  delta: Delta,
  finishReason: ChatCompletionChunk.Choice['finish_reason'] = null,
  model = MOCK_MODEL,
): ChatCompletionChunk {
  return {
    id: MOCK_COMPLETION_ID,
    object: 'chat.completion.chunk',
    created: 1_700_000_000,
    model,
    choices: [{ index: 0, delta, finish_reason: finishReason, logprobs: null }],
  };
}

export function usage(prompt: number, completion: number, cached = 0): CompletionUsage {
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    prompt_tokens_details: { cached_tokens: cached },
  };
}

/** The usage-only chunk that follows the finish_reason chunk when include_usage is on. */
export function usageChunk(counts: CompletionUsage): ChatCompletionChunk {
  return {
    id: MOCK_COMPLETION_ID,
    object: 'chat.completion.chunk',
    created: 1_700_000_000,
    model: MOCK_MODEL,
    choices: [],
    usage: counts,
  };
}

/** Splits text into `pieces` parts of near-equal length (never splitting a UTF-16 pair). */
export function split(text: string, pieces: number): string[] {
  const chars = [...text];
  const size = Math.max(1, Math.ceil(chars.length / pieces));
  const parts: string[] = [];
  for (let i = 0; i < chars.length; i += size) parts.push(chars.slice(i, i + size).join(''));
  return parts;
}

export interface MockToolCall {
  id: string;
  name: string;
  /** The JSON arguments string, sent in fragments. */
  arguments: string;
}

/**
 * Tool-call deltas: id and name on each call's first delta only, arguments in `fragments`
 * pieces. `interleave` alternates the calls' fragments (call 0 piece 0, call 1 piece 0, ...),
 * as some providers stream parallel calls.
 */
export function toolCallDeltas(
  calls: readonly MockToolCall[],
  fragments = 3,
  interleave = false,
): ChatCompletionChunk[] {
  const perCall = calls.map((call, index) =>
    split(call.arguments, fragments).map((piece, n) =>
      chunk({
        tool_calls: [
          n === 0
            ? {
                index,
                id: call.id,
                type: 'function',
                function: { name: call.name, arguments: piece },
              }
            : { index, function: { arguments: piece } },
        ],
      }),
    ),
  );
  if (!interleave) return perCall.flat();
  const out: ChatCompletionChunk[] = [];
  const longest = Math.max(...perCall.map((list) => list.length));
  for (let n = 0; n < longest; n += 1) for (const list of perCall) if (list[n]) out.push(list[n]);
  return out;
}

export interface ScriptedAnswer {
  text?: string;
  reasoning?: string;
  toolCalls?: readonly MockToolCall[];
  finishReason?: ChatCompletionChunk.Choice['finish_reason'];
  usage?: CompletionUsage;
  /** Pieces each text/reasoning/arguments string is split into (default 3). */
  fragments?: number;
  interleaveToolCalls?: boolean;
}

function finishOf(
  answer: ScriptedAnswer,
): NonNullable<ChatCompletionChunk.Choice['finish_reason']> {
  return answer.finishReason ?? (answer.toolCalls?.length ? 'tool_calls' : 'stop');
}

/** The whole chunk sequence of an answer: role, reasoning, text, tool calls, finish, usage. */
export function answerChunks(answer: ScriptedAnswer): ChatCompletionChunk[] {
  const fragments = answer.fragments ?? 3;
  const chunks: ChatCompletionChunk[] = [chunk({ role: 'assistant', content: '' })];
  for (const piece of answer.reasoning ? split(answer.reasoning, fragments) : []) {
    chunks.push(chunk({ reasoning_content: piece }));
  }
  for (const piece of answer.text ? split(answer.text, fragments) : [])
    chunks.push(chunk({ content: piece }));
  if (answer.toolCalls?.length) {
    chunks.push(...toolCallDeltas(answer.toolCalls, fragments, answer.interleaveToolCalls));
  }
  chunks.push(chunk({}, finishOf(answer)));
  chunks.push(usageChunk(answer.usage ?? usage(20, 10)));
  return chunks;
}

/** The same answer as one non-streaming completion. */
export function answerCompletion(answer: ScriptedAnswer): ChatCompletion {
  const toolCalls: ChatCompletionMessageToolCall[] | undefined = answer.toolCalls?.map((call) => ({
    id: call.id,
    type: 'function',
    function: { name: call.name, arguments: call.arguments },
  }));
  const message: ChatCompletion.Choice['message'] & { reasoning_content?: string } = {
    role: 'assistant',
    content: answer.text ?? null,
    refusal: null,
    ...(toolCalls && { tool_calls: toolCalls }),
    ...(answer.reasoning && { reasoning_content: answer.reasoning }),
  };
  return {
    id: MOCK_COMPLETION_ID,
    object: 'chat.completion',
    created: 1_700_000_000,
    model: MOCK_MODEL,
    choices: [
      {
        index: 0,
        message,
        finish_reason: finishOf(answer) as ChatCompletion.Choice['finish_reason'],
        logprobs: null,
      },
    ],
    usage: answer.usage ?? usage(20, 10),
  };
}
