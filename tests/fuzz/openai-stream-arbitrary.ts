/**
 * Random upstream streams for the stream fuzz, at two levels:
 * - chunk sequences with no promise of sense: any mix of role, text, refusal, reasoning
 *   (both field names, plus OpenRouter's reasoning_details), tool-call deltas with or
 *   without index, id and name (arguments in fragments that may or may not add up to JSON),
 *   legacy function_call, usage anywhere, finish reasons anywhere (also twice, also none),
 *   chunks after the finish, and now and then an OpenRouter error chunk or a broken line;
 * - the SSE text an upstream would send for them, in every framing servers use: LF, CRLF or
 *   CR line ends, `data:` with or without the space, JSON spread over several data lines,
 *   keep-alive comments, `id:` lines, with or without `data: [DONE]`, the last event with or
 *   without its blank line.
 * And the byte positions at which the network (or the client's reads) split a text.
 */
import fc from 'fast-check';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';

/** One upstream line: a chunk, or something that is not one (the reader must fail cleanly). */
export type UpstreamItem =
  | { kind: 'chunk'; chunk: ChatCompletionChunk }
  | { kind: 'error-chunk'; message: string }
  | { kind: 'broken'; data: string };

const text = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom('', '\n', '😀', 'é', '\u2028', '</think>') },
);

/** Fragments of tool arguments: pieces of a JSON object, or garbage. */
const argsFragment = fc.oneof(
  fc.constantFrom('', '{', '}', '{"', 'path', '":', '"/tmp/a"', ',', '"n":1', '{}', '[', ']'),
  fc.json({ maxDepth: 2 }),
  fc.string({ maxLength: 8 }),
);

const toolDelta = fc.record(
  {
    index: fc.constantFrom(0, 1, 2, 5),
    id: fc.constantFrom('call_a', 'call_b', 'call_c', ''),
    name: fc.constantFrom('Read', 'Bash', 'mcp__x__y', ''),
    arguments: argsFragment,
    extra_content: fc.constant({ google: { thought_signature: 'sig-abc' } }),
  },
  { requiredKeys: [] },
);

const usage = fc
  .record({
    prompt: fc.nat(50_000),
    completion: fc.nat(5_000),
    cached: fc.nat(1_000),
  })
  .map(({ prompt, completion, cached }) => ({
    prompt_tokens: prompt + cached,
    completion_tokens: completion,
    total_tokens: prompt + cached + completion,
    prompt_tokens_details: { cached_tokens: cached },
  }));

const delta: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ role: 'assistant', content: '' }) },
  { weight: 6, arbitrary: text.map((content) => ({ content })) },
  { weight: 1, arbitrary: text.map((refusal) => ({ refusal })) },
  { weight: 3, arbitrary: text.map((reasoning_content) => ({ reasoning_content })) },
  { weight: 2, arbitrary: text.map((reasoning) => ({ reasoning })) },
  {
    weight: 1,
    arbitrary: fc.constant({
      reasoning_details: [{ type: 'reasoning.encrypted', data: 'opaque', index: 0 }],
    }),
  },
  {
    weight: 6,
    arbitrary: fc.array(toolDelta, { minLength: 1, maxLength: 3 }).map((calls) => ({
      tool_calls: calls.map(({ name, arguments: args, ...call }) => ({
        ...call,
        type: 'function',
        function: {
          ...(name !== undefined && { name }),
          ...(args !== undefined && { arguments: args }),
        },
      })),
    })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ name: fc.constantFrom('Read', ''), arguments: argsFragment }, { requiredKeys: [] })
      .map((function_call) => ({ function_call })),
  },
  { weight: 1, arbitrary: fc.constant({}) },
);

const finishReason = fc.oneof(
  { weight: 12, arbitrary: fc.constant(null) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'stop',
      'length',
      'tool_calls',
      'content_filter',
      'function_call',
      'eos',
      'error',
    ),
  },
);

function chunkOf(
  fields: Record<string, unknown>,
  choices: readonly Record<string, unknown>[],
): ChatCompletionChunk {
  return {
    id: 'chatcmpl-fuzz',
    object: 'chat.completion.chunk',
    created: 1_760_000_000,
    model: 'upstream-model',
    choices,
    ...fields,
  } as unknown as ChatCompletionChunk;
}

const deltaChunk: fc.Arbitrary<ChatCompletionChunk> = fc
  .record({
    delta,
    finish: finishReason,
    usage: fc.option(usage, { freq: 8 }),
    stopReason: fc.option(fc.constantFrom('END', 42), { freq: 10 }),
  })
  .map(({ delta: d, finish, usage: u, stopReason }) =>
    chunkOf(u === null ? {} : { usage: u }, [
      {
        index: 0,
        delta: d,
        finish_reason: finish,
        ...(stopReason !== null && { stop_reason: stopReason }),
      },
    ]),
  );

const item: fc.Arbitrary<UpstreamItem> = fc.oneof(
  { weight: 30, arbitrary: deltaChunk.map((chunk) => ({ kind: 'chunk' as const, chunk })) },
  {
    weight: 2,
    arbitrary: usage.map((u) => ({ kind: 'chunk' as const, chunk: chunkOf({ usage: u }, []) })),
  },
  {
    weight: 1,
    arbitrary: fc.constant({ kind: 'chunk' as const, chunk: chunkOf({}, []) }),
  },
  {
    weight: 1,
    arbitrary: fc.string({ maxLength: 20 }).map((message) => ({
      kind: 'error-chunk' as const,
      message,
    })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom('{"choices": [', 'not json', '42', 'null', '"text"').map((data) => ({
      kind: 'broken' as const,
      data,
    })),
  },
);

/** A sequence that usually ends as a real answer does: a finish chunk, then maybe usage. */
export const upstreamItemsArb: fc.Arbitrary<UpstreamItem[]> = fc
  .record({
    items: fc.array(item, { maxLength: 25 }),
    finish: fc.option(fc.constantFrom('stop', 'length', 'tool_calls'), { freq: 5 }),
    trailingUsage: fc.option(usage, { freq: 2 }),
  })
  .map(({ items, finish, trailingUsage }) => [
    ...items,
    ...(finish === null
      ? []
      : [
          {
            kind: 'chunk' as const,
            chunk: chunkOf({}, [{ index: 0, delta: {}, finish_reason: finish }]),
          },
        ]),
    ...(trailingUsage === null
      ? []
      : [{ kind: 'chunk' as const, chunk: chunkOf({ usage: trailingUsage }, []) }]),
  ]);

export interface SseFraming {
  lineEnd: '\n' | '\r\n' | '\r';
  space: boolean;
  /** Spread each chunk's JSON over several data lines (SSE joins them with \n). */
  multiLine: boolean;
  /** Before which items a keep-alive comment goes. */
  comments: boolean[];
  ids: boolean;
  done: boolean;
  /** Leave the last event without its blank line (the body just ends). */
  unterminated: boolean;
}

export const sseFramingArb: fc.Arbitrary<SseFraming> = fc.record({
  lineEnd: fc.constantFrom('\n', '\r\n', '\r'),
  space: fc.boolean(),
  multiLine: fc.boolean(),
  comments: fc.array(fc.boolean(), { maxLength: 30 }),
  ids: fc.boolean(),
  done: fc.boolean(),
  unterminated: fc.boolean(),
});

function dataOf(item: UpstreamItem): string {
  switch (item.kind) {
    case 'chunk':
      return JSON.stringify(item.chunk);
    case 'error-chunk':
      return JSON.stringify({ error: { code: 502, message: item.message } });
    case 'broken':
      return item.data;
  }
}

/** The SSE body an upstream would send for these items. */
export function toUpstreamSse(items: readonly UpstreamItem[], framing: SseFraming): string {
  const { lineEnd: eol } = framing;
  const prefix = framing.space ? 'data: ' : 'data:';
  const events: string[] = [];
  items.forEach((entry, position) => {
    let lines = '';
    if (framing.comments[position]) lines += `: OPENROUTER PROCESSING${eol}${eol}`;
    if (framing.ids) lines += `id: ${position}${eol}`;
    const data =
      framing.multiLine && entry.kind === 'chunk'
        ? JSON.stringify(entry.chunk, null, 1)
        : dataOf(entry);
    for (const line of data.split('\n')) lines += `${prefix}${line}${eol}`;
    events.push(lines);
  });
  if (framing.done) events.push(`${prefix}[DONE]${eol}`);
  let body = events.join(eol);
  if (!framing.unterminated && events.length > 0) body += eol;
  return body;
}

/** Random cut points of a byte sequence: the pieces as the reads would deliver them. */
export function cutsArb(maxCuts: number): fc.Arbitrary<number[]> {
  return fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: maxCuts });
}

export function splitBytes(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = cuts.map((cut) => Math.floor(cut * bytes.length)).sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let from = 0;
  for (const point of [...points, bytes.length]) {
    pieces.push(bytes.subarray(from, point));
    from = point;
  }
  return pieces;
}
