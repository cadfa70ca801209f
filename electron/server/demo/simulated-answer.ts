/**
 * What the simulated upstream answers to one Chat Completions request, decided from the
 * request the way a model's behaviour would follow it:
 * - tools present and the last message is the user's → a short lead-in and parallel calls
 *   to up to three of the (read-only looking) tools, with arguments from their schemas;
 * - the last message is a tool result → a text answer about those results (so an agent
 *   loop such as Claude Code's ends after one round of tools);
 * - reasoning asked for (`reasoning_effort`, OpenRouter's `reasoning`) → reasoning first;
 * - a background-sized call (small model, small max_tokens, "title") → a short answer;
 * - an answer longer than max_tokens is cut and finishes with `length`.
 * A user text that says "simulate a rate limit" or "simulate a server error" gets that
 * failure. Usage is estimated from the request's size (about four characters a token), with
 * a cached part once the conversation has history, as prompt caches report it.
 *
 * Pure: the caller supplies the random source (seeded per request, so the same request
 * gets the same answer, like a model at temperature 0).
 */
import type {
  ChatCompletionCreateParams,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';
import type { CompletionUsage } from 'openai/resources/completions';
import { argumentsFor, callableTools } from './simulated-tool-calls.ts';
import {
  simulatedAnswerAfterTools,
  simulatedAnswerText,
  simulatedReasoning,
  simulatedShortAnswer,
  simulatedToolLeadIn,
} from './simulated-texts.ts';

export interface SimulatedToolCall {
  id: string;
  name: string;
  arguments: string;
}

export interface SimulatedCompletion {
  kind: 'completion';
  model: string;
  reasoning: string;
  text: string;
  toolCalls: SimulatedToolCall[];
  finishReason: 'stop' | 'tool_calls' | 'length';
  usage: CompletionUsage;
}

export interface SimulatedFailure {
  kind: 'error';
  status: 429 | 500;
  /** OpenAI's error body fields. */
  message: string;
  type: string;
  code: string | null;
}

export type SimulatedAnswer = SimulatedCompletion | SimulatedFailure;

const CHARS_PER_TOKEN = 4;

export function simulatedFailure(status: 429 | 500, model: string): SimulatedFailure {
  return status === 429
    ? {
        kind: 'error',
        status,
        message: `Rate limit reached for ${model} on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 1s. (simulated by the proxy's demo mode)`,
        type: 'requests',
        code: 'rate_limit_exceeded',
      }
    : {
        kind: 'error',
        status,
        message:
          "The server had an error while processing your request. Sorry about that! (simulated by the proxy's demo mode)",
        type: 'server_error',
        code: null,
      };
}

type Part = { type: string; text?: string };

function textOf(content: ChatCompletionMessageParam['content']): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return (content as Part[])
    .filter((part) => part.type === 'text' && typeof part.text === 'string')
    .map((part) => part.text)
    .join('\n');
}

/** The user's latest words, without the system reminders Claude Code adds around them. */
export function lastUserText(messages: readonly ChatCompletionMessageParam[]): string {
  const user = messages.findLast((message) => message.role === 'user');
  if (!user) return '';
  return textOf(user.content)
    .replace(/<system-reminder>[\s\S]*?<\/system-reminder>/g, '')
    .trim();
}

/** The failure the user's text asks for, if it asks for one. */
export function requestedFailure(body: ChatCompletionCreateParams): SimulatedFailure | undefined {
  const text = lastUserText(body.messages);
  if (/simulate (a )?rate[- ]limit/i.test(text)) return simulatedFailure(429, body.model);
  if (/simulate (an? )?(upstream |server )?error/i.test(text))
    return simulatedFailure(500, body.model);
  return undefined;
}

function wantsReasoning(body: ChatCompletionCreateParams): boolean {
  const extra = body as { reasoning?: unknown; thinking?: { type?: unknown } };
  return (
    body.reasoning_effort !== undefined ||
    extra.reasoning !== undefined ||
    extra.thinking?.type === 'enabled'
  );
}

function isBackgroundSized(body: ChatCompletionCreateParams, userText: string): boolean {
  const limit = body.max_completion_tokens ?? body.max_tokens;
  return (
    /small|mini|nano|haiku/i.test(body.model) ||
    (limit != null && limit <= 100) ||
    /\btitle\b/i.test(userText)
  );
}

function toolCallId(random: () => number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let id = 'call_';
  for (let i = 0; i < 24; i++) id += alphabet[Math.floor(random() * alphabet.length)];
  return id;
}

function tokens(chars: number): number {
  return Math.max(1, Math.ceil(chars / CHARS_PER_TOKEN));
}

function usageFor(
  body: ChatCompletionCreateParams,
  reasoning: string,
  output: number,
): CompletionUsage {
  const prompt = tokens(JSON.stringify([body.messages, body.tools ?? []]).length);
  // Providers cache in blocks once a conversation has history; 64 is a typical step.
  const cached = body.messages.length > 2 ? Math.floor((prompt * 0.8) / 64) * 64 : 0;
  const reasoningTokens = reasoning === '' ? 0 : tokens(reasoning.length);
  const completion = output + reasoningTokens;
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    prompt_tokens_details: { cached_tokens: cached },
    completion_tokens_details: { reasoning_tokens: reasoningTokens },
  };
}

export function planCompletion(
  body: ChatCompletionCreateParams,
  random: () => number,
): SimulatedCompletion {
  const userText = lastUserText(body.messages);
  const reasoning = wantsReasoning(body) ? simulatedReasoning(userText, random) : '';
  const last = body.messages.at(-1);
  const tools = callableTools(body.tools);
  let text: string;
  let toolCalls: SimulatedToolCall[] = [];
  let finishReason: SimulatedCompletion['finishReason'] = 'stop';

  if (last?.role === 'tool') {
    const called = body.messages.flatMap((message) =>
      message.role === 'assistant'
        ? (message.tool_calls ?? []).flatMap((call) =>
            call.type === 'function' ? [call.function.name] : [],
          )
        : [],
    );
    text = simulatedAnswerAfterTools([...new Set(called)], random);
  } else if (tools.length > 0 && last?.role === 'user' && body.tool_choice !== 'none') {
    // Two calls where two tools qualify (parallel calls are the interesting case), now and
    // then three.
    const count = Math.min(tools.length, random() < 0.3 ? 3 : 2);
    const start = Math.floor(random() * tools.length);
    toolCalls = Array.from({ length: count }, (_, i) => {
      const tool = tools[(start + i) % tools.length]!;
      return { id: toolCallId(random), name: tool.function.name, arguments: argumentsFor(tool) };
    });
    text = simulatedToolLeadIn(random);
    finishReason = 'tool_calls';
  } else if (isBackgroundSized(body, userText)) {
    text = simulatedShortAnswer(random);
  } else {
    text = simulatedAnswerText(random);
  }

  const limit = body.max_completion_tokens ?? body.max_tokens;
  const toolChars = toolCalls.reduce(
    (sum, call) => sum + call.name.length + call.arguments.length,
    0,
  );
  if (limit != null && toolCalls.length === 0 && tokens(text.length) > limit) {
    text = text.slice(0, limit * CHARS_PER_TOKEN);
    finishReason = 'length';
  }
  return {
    kind: 'completion',
    model: body.model,
    reasoning,
    text,
    toolCalls,
    finishReason,
    usage: usageFor(body, reasoning, tokens(text.length + toolChars)),
  };
}
