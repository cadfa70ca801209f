/**
 * Loads a recorded-style upstream stream: `<name>.sse` is the raw body an OpenAI-compatible
 * server sends (comments, `data:` lines, `[DONE]`), `<name>.completion.json` the equivalent
 * non-streaming ChatCompletion. The .sse files can be served as-is by a mock upstream.
 */
import { readFileSync } from 'node:fs';
import { createParser } from 'eventsource-parser';
import type { ChatCompletion, ChatCompletionChunk } from 'openai/resources/chat/completions';

const HERE = new URL('./', import.meta.url);

export const STREAM_FIXTURES = [
  'openai-parallel-tool-calls',
  'openrouter-reasoning-cached-usage',
  'deepseek-reasoning-content',
  'ollama-index-zero-calls',
  'gemini-whole-calls',
  'vllm-stop-sequence',
] as const;

export type StreamFixtureName = (typeof STREAM_FIXTURES)[number];

export interface StreamFixture {
  sse: string;
  chunks: ChatCompletionChunk[];
  /** Whether the body ends with `data: [DONE]`. */
  done: boolean;
  completion: ChatCompletion;
}

export function loadStreamFixture(name: StreamFixtureName): StreamFixture {
  const sse = readFileSync(new URL(`${name}.sse`, HERE), 'utf8');
  const chunks: ChatCompletionChunk[] = [];
  let done = false;
  const parser = createParser({
    onEvent(message) {
      if (message.data === '[DONE]') done = true;
      else chunks.push(JSON.parse(message.data) as ChatCompletionChunk);
    },
  });
  parser.feed(sse);
  const completion = JSON.parse(
    readFileSync(new URL(`${name}.completion.json`, HERE), 'utf8'),
  ) as ChatCompletion;
  return { sse, chunks, done, completion };
}
