/**
 * The simulated upstream of demo mode, read with the official openai SDK (the proxy's own
 * client) and translated by the proxy's stream translator: each kind of answer (text,
 * reasoning, parallel tool calls, the turn after tool results, a cut answer, a JSON answer)
 * is a chunk sequence that translates into a valid Anthropic event stream, shaped like a real
 * upstream's (role chunk first, fragmented arguments, a usage-only last chunk).
 */
import OpenAI from 'openai';
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionCreateParamsStreaming,
  ChatCompletionFunctionTool,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';
import { describe, expect, it } from 'vitest';
import {
  createSimulatedUpstream,
  INSTANT_PACE,
  SIMULATED_BASE_URL,
} from '../../../../electron/server/demo/simulated-upstream.ts';
import { translateResponse } from '../../../../shared/translate/response-translator.ts';
import { checkEventOrder } from '../../../support/stream-fixtures/event-order-checker.ts';
import { translateChunks } from '../../../support/stream-fixtures/translate-chunks.ts';

function client() {
  const upstream = createSimulatedUpstream({ pace: INSTANT_PACE, failEvery: 0 });
  return new OpenAI({
    apiKey: 'none',
    baseURL: SIMULATED_BASE_URL,
    fetch: upstream.fetch,
    maxRetries: 0,
  });
}

function tool(
  name: string,
  properties: Record<string, unknown>,
  required: string[],
): ChatCompletionFunctionTool {
  return {
    type: 'function',
    function: { name, parameters: { type: 'object', properties, required } },
  };
}

const TOOLS = [
  tool('read_file', { path: { type: 'string' } }, ['path']),
  tool('search_code', { query: { type: 'string' }, max_results: { type: 'integer' } }, [
    'query',
    'max_results',
  ]),
  tool('get_weather', { city: { type: 'string' }, unit: { enum: ['celsius', 'fahrenheit'] } }, [
    'city',
    'unit',
  ]),
];

const USER: ChatCompletionMessageParam = {
  role: 'user',
  content: 'How does the stream translator work?',
};

async function streamOf(
  params: Omit<ChatCompletionCreateParamsStreaming, 'stream' | 'model'> & { model?: string },
): Promise<ChatCompletionChunk[]> {
  const stream = await client().chat.completions.create({
    model: 'simulated-large',
    stream: true,
    stream_options: { include_usage: true },
    ...params,
  });
  const chunks: ChatCompletionChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

function deltas(chunks: readonly ChatCompletionChunk[]) {
  return chunks.flatMap((chunk) => chunk.choices.map((choice) => choice.delta));
}

function reasoningOf(chunks: readonly ChatCompletionChunk[]): string {
  return deltas(chunks)
    .map((delta) => (delta as { reasoning_content?: string }).reasoning_content ?? '')
    .join('');
}

describe('simulated upstream streams', () => {
  it('streams a text answer the translator turns into a valid event stream, role chunk first, usage last', async () => {
    const chunks = await streamOf({ messages: [USER] });
    expect(chunks[0]!.choices[0]!.delta.role).toBe('assistant');
    const textPieces = deltas(chunks).filter((delta) => delta.content);
    expect(textPieces.length).toBeGreaterThan(20);
    expect(textPieces.map((delta) => delta.content).join('')).toContain('Simulated answer');
    const last = chunks.at(-1)!;
    expect(last.choices).toEqual([]);
    expect(last.usage).toMatchObject({
      prompt_tokens: expect.any(Number),
      completion_tokens: expect.any(Number),
    });
    expect(chunks.at(-2)!.choices[0]!.finish_reason).toBe('stop');

    const { events } = translateChunks(chunks);
    expect(checkEventOrder(events)).toEqual([]);
    expect(events.find((event) => event.type === 'message_delta')).toMatchObject({
      delta: { stop_reason: 'end_turn' },
    });
  });

  it('streams reasoning_content before the text when reasoning is asked for', async () => {
    const chunks = await streamOf({ messages: [USER], reasoning_effort: 'medium' });
    expect(reasoningOf(chunks)).toContain('How does the stream translator work?');
    const firstText = deltas(chunks).findIndex((delta) => delta.content);
    const lastReasoning = deltas(chunks).findLastIndex(
      (delta) => (delta as { reasoning_content?: string }).reasoning_content,
    );
    expect(lastReasoning).toBeLessThan(firstText);
    expect(chunks.at(-1)!.usage!.completion_tokens_details!.reasoning_tokens).toBeGreaterThan(0);

    const { events } = translateChunks(chunks);
    expect(checkEventOrder(events)).toEqual([]);
    const blocks = events.flatMap((event) =>
      event.type === 'content_block_start' ? [event.content_block.type] : [],
    );
    expect(blocks).toEqual(['thinking', 'text']);
  });

  it('answers a user turn with tools by parallel calls whose arguments arrive in fragments', async () => {
    const chunks = await streamOf({ messages: [USER], tools: TOOLS });
    const calls = new Map<number, { id?: string; name?: string; args: string[] }>();
    for (const delta of deltas(chunks)) {
      for (const call of delta.tool_calls ?? []) {
        const entry = calls.get(call.index) ?? { args: [] };
        if (call.id) entry.id = call.id;
        if (call.function?.name) entry.name = call.function.name;
        if (call.function?.arguments) entry.args.push(call.function.arguments);
        calls.set(call.index, entry);
      }
    }
    expect(calls.size).toBeGreaterThanOrEqual(2);
    for (const call of calls.values()) {
      expect(call.id).toMatch(/^call_[A-Za-z0-9]{24}$/);
      expect(TOOLS.map((t) => t.function.name)).toContain(call.name);
      expect(call.args.length).toBeGreaterThan(1);
      expect(JSON.parse(call.args.join(''))).toBeTypeOf('object');
    }
    expect(chunks.at(-2)!.choices[0]!.finish_reason).toBe('tool_calls');

    const { events } = translateChunks(chunks, {
      toolNames: new Map(TOOLS.map((t) => [t.function.name, t.function.name])),
    });
    expect(checkEventOrder(events)).toEqual([]);
    const toolUses = events.filter(
      (event) => event.type === 'content_block_start' && event.content_block.type === 'tool_use',
    );
    expect(toolUses.length).toBe(calls.size);
  });

  it('answers the turn after tool results with text and reports cached tokens for the history', async () => {
    const first = await streamOf({ messages: [USER], tools: TOOLS });
    const callDeltas = deltas(first).flatMap((delta) => delta.tool_calls ?? []);
    const ids = callDeltas.flatMap((call) =>
      call.id ? [{ id: call.id, name: call.function!.name! }] : [],
    );
    const messages: ChatCompletionMessageParam[] = [
      { role: 'system', content: 'You are a coding assistant.' },
      USER,
      {
        role: 'assistant',
        content: null,
        tool_calls: ids.map(({ id, name }) => ({
          id,
          type: 'function',
          function: { name, arguments: '{}' },
        })),
      },
      ...ids.map(({ id }) => ({
        role: 'tool' as const,
        tool_call_id: id,
        content: 'file contents',
      })),
    ];
    const chunks = await streamOf({ messages, tools: TOOLS });
    expect(deltas(chunks).some((delta) => delta.tool_calls)).toBe(false);
    expect(
      deltas(chunks)
        .map((delta) => delta.content ?? '')
        .join(''),
    ).toContain(`\`${ids[0]!.name}\``);
    const usage = chunks.at(-1)!.usage!;
    expect(usage.prompt_tokens_details!.cached_tokens).toBeGreaterThan(0);
    expect(usage.prompt_tokens_details!.cached_tokens).toBeLessThan(usage.prompt_tokens);
    expect(checkEventOrder(translateChunks(chunks).events)).toEqual([]);
  });

  it('cuts an answer longer than max_tokens and finishes with length', async () => {
    const chunks = await streamOf({ messages: [USER], max_tokens: 600 });
    expect(chunks.at(-2)!.choices[0]!.finish_reason).toBe('stop');
    const cut = await streamOf({
      messages: [{ role: 'user', content: 'Explain the usage numbers.' }],
      model: 'simulated-large',
      max_completion_tokens: 120,
    });
    expect(cut.at(-2)!.choices[0]!.finish_reason).toBe('length');
    const { events } = translateChunks(cut);
    expect(checkEventOrder(events)).toEqual([]);
    expect(events.find((event) => event.type === 'message_delta')).toMatchObject({
      delta: { stop_reason: 'max_tokens' },
    });
  });

  it('calls only tools whose names say they read, never one that may change something', async () => {
    const risky = [
      tool('Bash', { command: { type: 'string' } }, ['command']),
      tool('Write', { file_path: { type: 'string' }, content: { type: 'string' } }, [
        'file_path',
        'content',
      ]),
      tool('Edit', { file_path: { type: 'string' } }, ['file_path']),
      tool('ScheduleWakeup', { delay: { type: 'integer' } }, ['delay']),
      tool('ReportFindings', { text: { type: 'string' } }, ['text']),
      tool('read_and_delete', { path: { type: 'string' } }, ['path']),
    ];
    const none = await streamOf({ messages: [USER], tools: risky });
    expect(deltas(none).some((delta) => delta.tool_calls)).toBe(false);
    const one = await streamOf({
      messages: [USER],
      tools: [...risky, tool('Read', { file_path: { type: 'string' } }, ['file_path'])],
    });
    const names = deltas(one)
      .flatMap((delta) => delta.tool_calls ?? [])
      .flatMap((call) => call.function?.name ?? []);
    expect(names).toEqual(['Read']);
  });

  it('gives the same request the same answer', async () => {
    const text = (chunks: ChatCompletionChunk[]) =>
      deltas(chunks)
        .map((delta) => delta.content ?? '')
        .join('');
    expect(text(await streamOf({ messages: [USER] }))).toBe(
      text(await streamOf({ messages: [USER] })),
    );
  });
});

describe('simulated upstream JSON answers', () => {
  it('answers without streaming with a completion the response translator accepts', async () => {
    const completion: ChatCompletion = await client().chat.completions.create({
      model: 'simulated-large',
      messages: [USER],
      tools: TOOLS,
      reasoning_effort: 'low',
    });
    const message = completion.choices[0]!.message;
    expect(message.tool_calls!.length).toBeGreaterThanOrEqual(2);
    expect((message as { reasoning_content?: string }).reasoning_content).toBeTruthy();
    const anthropic = translateResponse(completion, {
      requestedModel: 'claude-sonnet-4-6',
      toolNames: new Map(TOOLS.map((t) => [t.function.name, t.function.name])),
      estimatedInputTokens: 10,
      notes: [],
    });
    expect(anthropic.content.map((block) => block.type)).toEqual([
      'thinking',
      'text',
      ...message.tool_calls!.map(() => 'tool_use'),
    ]);
    expect(anthropic.stop_reason).toBe('tool_use');
  });

  it('lists its models', async () => {
    const models = await client().models.list();
    expect(models.data.map((model) => model.id)).toEqual(['simulated-large', 'simulated-small']);
  });
});
