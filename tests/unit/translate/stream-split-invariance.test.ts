/**
 * Property tests: random answers (reasoning, text, 0–4 tool calls) are cut into random
 * chunk sequences the way different providers stream them, then translated and replayed
 * through the official SDK. Whatever the split, interleaving and chunk grouping:
 * (a) the event sequence passes the strict order checker and the SDK accepts it;
 * (b) the SDK's final message equals the non-stream translation of the same answer, so it
 *     is the same for every split.
 * FC_NUM_RUNS raises the number of runs for a dedicated long run (e.g. 10000).
 */
import fc from 'fast-check';
import type { ChatCompletion, ChatCompletionChunk } from 'openai/resources/chat/completions';
import type { CompletionUsage } from 'openai/resources/completions';
import { describe, expect, it } from 'vitest';
import { translateResponse } from '../../../shared/translate/response-translator.ts';
import {
  chunk,
  CHUNK_ID,
  type ToolDeltaSpec,
  toolDeltas,
  usageOnly,
} from '../../support/stream-fixtures/chunk-builders.ts';
import { checkEventOrder } from '../../support/stream-fixtures/event-order-checker.ts';
import { plain, replayThroughSdk } from '../../support/stream-fixtures/sdk-replay.ts';
import {
  REQUESTED_MODEL,
  TEST_MESSAGE_ID,
  translateChunks,
} from '../../support/stream-fixtures/translate-chunks.ts';

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 200);
/** ~1 ms a run; a long FC_NUM_RUNS run gets the time it needs. */
const TIMEOUT = Math.max(30_000, NUM_RUNS * 5);
const ESTIMATED_INPUT = 5000;

type Style = 'openai' | 'openai-interleaved' | 'ollama' | 'gemini';
type UsagePlacement = 'none' | 'usage-only-chunk' | 'on-finish-chunk';

interface Call {
  name: string;
  input: Record<string, unknown>;
  emptyArgs: boolean;
  hasId: boolean;
}

interface Answer {
  reasoning: string;
  reasoningField: 'reasoning_content' | 'reasoning';
  text: string;
  calls: Call[];
  style: Style;
  finishReason: 'stop' | 'tool_calls' | 'length' | 'content_filter' | 'eos';
  usage: CompletionUsage;
  usagePlacement: UsagePlacement;
}

const anyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const key = fc.string({ maxLength: 6 }).filter((name) => name !== '__proto__');

const callArb: fc.Arbitrary<Call> = fc.record({
  name: fc.constantFrom('Read', 'Bash', 'Write', 'mcp__server__tool'),
  input: fc.dictionary(key, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }) as fc.Arbitrary<
    Record<string, unknown>
  >,
  emptyArgs: fc.boolean(),
  hasId: fc.boolean(),
});

const usageArb: fc.Arbitrary<CompletionUsage> = fc
  .record({
    prompt: fc.nat(100_000),
    cachedShare: fc.nat(100),
    writeShare: fc.nat(100),
    completion: fc.nat(5000),
  })
  .map(({ prompt, cachedShare, writeShare, completion }) => {
    const cached = Math.floor((prompt * cachedShare) / 200);
    const written = Math.floor((prompt * writeShare) / 200);
    return {
      prompt_tokens: prompt,
      completion_tokens: completion,
      total_tokens: prompt + completion,
      prompt_tokens_details: { cached_tokens: cached, cache_write_tokens: written },
    };
  });

const answerArb: fc.Arbitrary<Answer> = fc.record({
  reasoning: fc.oneof(fc.constant(''), anyText),
  reasoningField: fc.constantFrom('reasoning_content', 'reasoning'),
  text: fc.oneof(fc.constant(''), anyText),
  calls: fc.array(callArb, { maxLength: 4 }),
  style: fc.constantFrom('openai', 'openai-interleaved', 'ollama', 'gemini'),
  finishReason: fc.constantFrom('stop', 'tool_calls', 'length', 'content_filter', 'eos'),
  usage: usageArb,
  usagePlacement: fc.constantFrom('none', 'usage-only-chunk', 'on-finish-chunk'),
});

/** The arguments string a provider sends for a call (Gemini never sends "" for no arguments). */
function argumentsOf(call: Call, style: Style): string {
  return call.emptyArgs && style !== 'gemini' ? '' : JSON.stringify(call.input);
}

/** Ollama tells calls apart by id alone (every index is 0), so its calls always have one. */
function idOf(call: Call, position: number, style: Style): string | undefined {
  return call.hasId || style === 'ollama' ? `call_${position}_${call.name}` : undefined;
}

/** Random cuts of a string (empty pieces included: servers do send "" deltas). */
function splitArb(value: string): fc.Arbitrary<string[]> {
  return fc.array(fc.integer({ min: 0, max: value.length }), { maxLength: 6 }).map((cuts) => {
    const points = [...cuts].sort((a, b) => a - b);
    const pieces: string[] = [];
    let from = 0;
    for (const point of points) {
      pieces.push(value.slice(from, point));
      from = point;
    }
    pieces.push(value.slice(from));
    return pieces;
  });
}

function toolDeltaSpecs(answer: Answer, splits: string[][]): ToolDeltaSpec[][] {
  return answer.calls.map((call, position) => {
    const id = idOf(call, position, answer.style);
    const index = answer.style === 'gemini' ? undefined : answer.style === 'ollama' ? 0 : position;
    if (answer.style === 'gemini') {
      return [{ id, name: call.name, args: argumentsOf(call, answer.style) }];
    }
    const [first = '', ...rest] = splits[position]!;
    return [{ index, id, name: call.name, args: first }, ...rest.map((args) => ({ index, args }))];
  });
}

/** Interleaves the calls' deltas; each call's first delta still comes in call order. */
function merge(perCall: ToolDeltaSpec[][], interleave: boolean, picks: number[]): ToolDeltaSpec[] {
  if (!interleave) return perCall.flat();
  const queues = perCall.map((deltas) => [...deltas]);
  const merged: ToolDeltaSpec[] = [];
  let started = 0;
  let pick = 0;
  while (queues.some((queue) => queue.length > 0)) {
    const candidates = queues
      .map((queue, position) => ({ queue, position }))
      .filter(({ queue, position }) => queue.length > 0 && position <= started);
    const chosen =
      candidates[(picks[pick++ % Math.max(picks.length, 1)] ?? 0) % candidates.length]!;
    if (chosen.position === started) started++;
    merged.push(chosen.queue.shift()!);
  }
  return merged;
}

interface Plan {
  reasoningPieces: string[];
  textPieces: string[];
  argPieces: string[][];
  picks: number[];
  groupBreaks: boolean[];
  finishOnLast: boolean;
  leadingRoleChunk: boolean;
}

function planArb(answer: Answer): fc.Arbitrary<Plan> {
  return fc.record({
    reasoningPieces: splitArb(answer.reasoning),
    textPieces: splitArb(answer.text),
    argPieces: fc.tuple(...answer.calls.map((call) => splitArb(argumentsOf(call, answer.style)))),
    picks: fc.array(fc.nat(), { maxLength: 40 }),
    groupBreaks: fc.array(fc.boolean(), { maxLength: 40 }),
    finishOnLast: fc.boolean(),
    leadingRoleChunk: fc.boolean(),
  });
}

function chunksFor(answer: Answer, plan: Plan): ChatCompletionChunk[] {
  const chunks: ChatCompletionChunk[] = [];
  if (plan.leadingRoleChunk) chunks.push(chunk({ role: 'assistant', content: '' }));
  for (const piece of plan.reasoningPieces) chunks.push(chunk({ [answer.reasoningField]: piece }));
  for (const piece of plan.textPieces) chunks.push(chunk({ content: piece }));
  const deltas = merge(
    toolDeltaSpecs(answer, plan.argPieces),
    answer.style === 'openai-interleaved',
    plan.picks,
  );
  let group: ToolDeltaSpec[] = [];
  deltas.forEach((delta, position) => {
    if (
      group.length > 0 &&
      (plan.groupBreaks[position % Math.max(plan.groupBreaks.length, 1)] ?? true)
    ) {
      chunks.push(toolDeltas(...group));
      group = [];
    }
    group.push(delta);
  });
  if (group.length > 0) chunks.push(toolDeltas(...group));

  const last = chunks.at(-1);
  let finishChunk: ChatCompletionChunk;
  if (plan.finishOnLast && last !== undefined) {
    last.choices[0]!.finish_reason =
      answer.finishReason as ChatCompletionChunk.Choice['finish_reason'];
    finishChunk = last;
  } else {
    finishChunk = chunk({}, answer.finishReason);
    chunks.push(finishChunk);
  }
  if (answer.usagePlacement === 'on-finish-chunk') finishChunk.usage = answer.usage;
  if (answer.usagePlacement === 'usage-only-chunk') chunks.push(usageOnly(answer.usage));
  return chunks;
}

function completionFor(answer: Answer): ChatCompletion {
  const toolCalls = answer.calls.map((call, position) => ({
    id: idOf(call, position, answer.style) ?? '',
    type: 'function',
    function: { name: call.name, arguments: argumentsOf(call, answer.style) },
  }));
  return {
    id: CHUNK_ID,
    object: 'chat.completion',
    created: 1_760_000_000,
    model: 'upstream-model',
    choices: [
      {
        index: 0,
        finish_reason: answer.finishReason,
        logprobs: null,
        message: {
          role: 'assistant',
          content: answer.text || null,
          refusal: null,
          ...(answer.reasoning && { [answer.reasoningField]: answer.reasoning }),
          ...(toolCalls.length > 0 && { tool_calls: toolCalls }),
        },
      },
    ],
    ...(answer.usagePlacement !== 'none' && { usage: answer.usage }),
  } as unknown as ChatCompletion;
}

const scenario = answerArb.chain((answer) => planArb(answer).map((plan) => ({ answer, plan })));

describe('stream translation is independent of how the upstream splits its answer', () => {
  it(
    'the SDK accepts every event sequence and its final message equals the non-stream translation',
    async () => {
      await fc.assert(
        fc.asyncProperty(scenario, async ({ answer, plan }) => {
          const { events } = translateChunks(chunksFor(answer, plan), {
            estimatedInputTokens: ESTIMATED_INPUT,
          });
          expect(checkEventOrder(events)).toEqual([]);
          const streamed = await replayThroughSdk(events, 61);
          const expected = plain(
            translateResponse(completionFor(answer), {
              requestedModel: REQUESTED_MODEL,
              toolNames: new Map(),
              estimatedInputTokens: ESTIMATED_INPUT,
            }),
          );
          expect(streamed.id).toBe(TEST_MESSAGE_ID);
          expect(streamed.content).toEqual(expected.content);
          expect(streamed.stop_reason).toBe(expected.stop_reason);
          expect(streamed.usage).toEqual(expected.usage);
        }),
        { numRuns: NUM_RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'a tool call cut off anywhere by the token limit still stops with a JSON object input and max_tokens',
    async () => {
      const cutCall = callArb.chain((call) => {
        const json = JSON.stringify(call.input);
        return fc.record({
          call: fc.constant(call),
          pieces: fc
            .integer({ min: 1, max: json.length })
            .chain((cut) => splitArb(json.slice(0, cut))),
        });
      });
      await fc.assert(
        fc.asyncProperty(cutCall, async ({ call, pieces }) => {
          const [first = '', ...rest] = pieces;
          const chunks = [
            toolDeltas({ index: 0, id: 'call_cut', name: call.name, args: first }),
            ...rest.map((args) => toolDeltas({ index: 0, args })),
            chunk({}, 'length'),
          ];
          const { events } = translateChunks(chunks);
          expect(checkEventOrder(events)).toEqual([]);
          const streamed = await replayThroughSdk(events);
          expect(streamed.stop_reason).toBe('max_tokens');
          expect(streamed.content[0]).toMatchObject({
            type: 'tool_use',
            input: expect.any(Object),
          });
        }),
        { numRuns: NUM_RUNS },
      );
    },
    TIMEOUT,
  );
});
