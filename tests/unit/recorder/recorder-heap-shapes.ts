/**
 * Exchanges of realistic shapes recorded the way the proxy records them, with fresh objects
 * and strings every time, so the heap they retain is the heap a recorded call retains in the
 * app: a stream's SSE body goes through the proxy's own ChunkDecoder in network-sized reads
 * (64 KB or 16 KB reads of a flat-out stream, or one chunk per read as a paced model sends
 * them) and each read's chunk texts are recorded as the pump records them; the events are
 * the real stream translator's, recorded as the JSON text the SSE writer makes of them, one
 * call per read; completions are parsed from JSON text and the Anthropic bodies made by the
 * real translators. Used by the memory-budget test and by the calibration of
 * size-estimate.ts (tests/unit/recorder/measure-recorder-heap.ts). Not a test file itself.
 */
import { readFileSync } from 'node:fs';
import type { ChatCompletion } from 'openai/resources/chat/completions';
import type { MessageCreateParamsBase } from '@anthropic-ai/sdk/resources/messages';
import type { TrafficRecorder } from '../../../electron/server/recorder/traffic-recorder.ts';
import type { AnthropicStreamEvent } from '../../../shared/translate/anthropic-stream-event.ts';
import { ChunkDecoder } from '../../../electron/server/upstream-sse-reader.ts';
import { quirksFor } from '../../../shared/providers/provider-presets.ts';
import { translateRequest } from '../../../shared/translate/request-translator.ts';
import { translateResponse } from '../../../shared/translate/response-translator.ts';
import {
  createStreamState,
  finishStream,
  startStream,
  stepStream,
  streamResult,
} from '../../../shared/translate/stream-translator.ts';

export type HeapShape = 'tiny' | 'text-200' | 'text-1000' | 'tool-calls' | 'claude-code';
export const HEAP_SHAPES: readonly HeapShape[] = [
  'tiny',
  'text-200',
  'text-1000',
  'tool-calls',
  'claude-code',
];

const CLIENT_HEADERS = {
  host: '127.0.0.1:8080',
  'content-type': 'application/json',
  'x-api-key': 'sk-ant-client-key-0000000000001234',
  'user-agent': 'claude-cli/2.1.332 (external, sdk-cli)',
  'anthropic-version': '2023-06-01',
};

const FIXTURE_TEXT = readFileSync(
  new URL('../../fixtures/claude-code/messages-first-turn.json', import.meta.url),
  'utf8',
);
/** The 57 KB Claude Code request body, as JSON text (parsed afresh per exchange). */
const CLAUDE_CODE_BODY = JSON.stringify((JSON.parse(FIXTURE_TEXT) as { body: unknown }).body);
const SMALL_BODY = JSON.stringify({
  model: 'claude-sonnet-4-5',
  max_tokens: 1024,
  messages: [{ role: 'user', content: 'Say hello in one short sentence.' }],
});
const WORDS = ['the ', 'keeper ', 'climbed ', 'stairs ', 'of ', 'lighthouse, ', 'and ', 'sea. '];

function chunkText(id: string, delta: object, finish: string | null = null): string {
  return JSON.stringify({
    id,
    object: 'chat.completion.chunk',
    created: 1_750_000_000,
    model: 'gpt-4o-2024-08-06',
    system_fingerprint: 'fp_50cad350e4',
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
  });
}

/** The SSE data lines of a streamed answer: `text` chunks of text, then tool calls. */
function streamLines(id: string, textChunks: number, toolCalls: number, argPieces: number) {
  const lines = [chunkText(id, { role: 'assistant', content: '', refusal: null })];
  for (let i = 0; i < textChunks; i++)
    lines.push(chunkText(id, { content: WORDS[i % WORDS.length] }));
  for (let call = 0; call < toolCalls; call++) {
    lines.push(
      chunkText(id, {
        tool_calls: [
          {
            index: call,
            id: `call_${id}_${call}`,
            type: 'function',
            function: { name: 'Read', arguments: '' },
          },
        ],
      }),
    );
    const args = JSON.stringify({ file_path: `/home/user/project/src/module-${call}.ts` });
    const pieces = [`{"file_path": "`, ...Array<string>(argPieces).fill('a/'), `${args.slice(14)}`];
    for (const piece of pieces)
      lines.push(chunkText(id, { tool_calls: [{ index: call, function: { arguments: piece } }] }));
  }
  lines.push(chunkText(id, {}, toolCalls > 0 ? 'tool_calls' : 'stop'));
  lines.push(
    JSON.stringify({
      id,
      object: 'chat.completion.chunk',
      created: 1_750_000_000,
      model: 'gpt-4o-2024-08-06',
      choices: [],
      usage: {
        prompt_tokens: 1200,
        completion_tokens: textChunks + toolCalls * argPieces,
        total_tokens: 1200 + textChunks,
        prompt_tokens_details: { cached_tokens: 0 },
      },
    }),
  );
  return lines;
}

type StreamShape = Exclude<HeapShape, 'tiny'>;

/**
 * The upstream's SSE body as the network delivers it: its bytes cut into reads of `readBytes`
 * (a flat-out stream fills the socket buffer), or one read per event (`'event'`, a paced
 * model). Pre-built, so building them is not measured as retained heap.
 */
function networkReads(lines: readonly string[], readBytes: number | 'event'): Uint8Array[] {
  const encoder = new TextEncoder();
  const events = [...lines.map((line) => `data: ${line}\n\n`), 'data: [DONE]\n\n'];
  if (readBytes === 'event') return events.map((event) => encoder.encode(event));
  const body = encoder.encode(events.join(''));
  const reads: Uint8Array[] = [];
  for (let at = 0; at < body.length; at += readBytes) reads.push(body.subarray(at, at + readBytes));
  return reads;
}

const ID = 'chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG';
const READS: Record<StreamShape, Uint8Array[]> = {
  'text-200': networkReads(streamLines(ID, 200, 0, 0), 16 * 1024),
  'text-1000': networkReads(streamLines(ID, 1000, 0, 0), 64 * 1024),
  'tool-calls': networkReads(streamLines(ID, 20, 4, 40), 'event'),
  'claude-code': networkReads(streamLines(ID, 30, 1, 5), 'event'),
};

const COMPLETION = JSON.stringify({
  id: 'chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG',
  object: 'chat.completion',
  created: 1_750_000_000,
  model: 'gpt-4o-2024-08-06',
  choices: [
    {
      index: 0,
      message: { role: 'assistant', content: 'Hello there!', refusal: null },
      logprobs: null,
      finish_reason: 'stop',
    },
  ],
  usage: { prompt_tokens: 14, completion_tokens: 3, total_tokens: 17 },
});

/** Records one complete exchange of `shape` under `id` (fresh objects, the proxy's order). */
export function recordShape(recorder: TrafficRecorder, id: string, shape: HeapShape): void {
  const stream = shape !== 'tiny';
  const request = JSON.parse(shape === 'claude-code' ? CLAUDE_CODE_BODY : SMALL_BODY) as {
    stream?: boolean;
  } & MessageCreateParamsBase;
  request.stream = stream;
  recorder.started({
    id,
    receivedAt: Date.now(),
    method: 'POST',
    path: '/v1/messages?beta=true',
    clientHeaders: { ...CLIENT_HEADERS },
    anthropicRequest: request,
  });
  recorder.routed(id, {
    requestedModel: request.model,
    provider: 'OpenAI',
    upstreamModel: 'gpt-4o',
    rule: 'big (opus/sonnet)',
    stream,
    estimatedInputTokens: 1200,
  });
  const translated = translateRequest(request, {
    upstreamModel: 'gpt-4o',
    quirks: quirksFor('openai', 'gpt-4o'),
  });
  recorder.upstreamRequest(
    id,
    translated.body,
    { authorization: 'Bearer …wxyz', 'content-type': 'application/json' },
    translated.notes,
    'https://api.openai.com/v1/chat/completions',
  );
  recorder.upstreamResponseHeaders(id, 200, {
    'content-type': stream ? 'text/event-stream' : 'application/json',
    'x-request-id': `req_${id}`,
  });
  if (!stream) {
    const completion = JSON.parse(COMPLETION) as ChatCompletion;
    recorder.openaiResponse(id, completion);
    const message = translateResponse(completion, {
      requestedModel: request.model,
      toolNames: translated.toolNames,
      estimatedInputTokens: 1200,
    });
    recorder.anthropicResponse(id, message, { 'content-type': 'application/json' });
    recorder.completed(id, { status: 200, stopReason: message.stop_reason, usage: message.usage });
    return;
  }
  const state = createStreamState({
    requestedModel: request.model,
    toolNames: translated.toolNames,
    estimatedInputTokens: 1200,
  });
  recorder.anthropicResponse(id, undefined, { 'content-type': 'text/event-stream' });
  const record = (events: AnthropicStreamEvent[]): void => {
    // As the SSE writer: one call per write, the JSON it writes, no pings.
    const texts: string[] = [];
    for (const event of events) if (event.type !== 'ping') texts.push(JSON.stringify(event));
    if (texts.length > 0) recorder.anthropicEvents(id, texts);
  };
  record(startStream(state));
  const decoder = new ChunkDecoder();
  for (const bytes of READS[shape]) {
    const read = decoder.decode(bytes);
    if (read.chunks.length === 0) continue;
    recorder.openaiChunks(id, read.texts);
    const events: AnthropicStreamEvent[] = [];
    for (const chunk of read.chunks) events.push(...stepStream(state, chunk));
    record(events);
  }
  record(finishStream(state));
  const result = streamResult(state);
  recorder.completed(id, { status: 200, stopReason: result.stopReason, usage: result.usage });
}
