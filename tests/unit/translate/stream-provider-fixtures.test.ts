import type { ContentBlock, Message } from '@anthropic-ai/sdk/resources/messages';
import { describe, expect, it } from 'vitest';
import { decodeReasoningSignature } from '../../../shared/translate/reasoning-carrier.ts';
import { translateResponse } from '../../../shared/translate/response-translator.ts';
import { checkEventOrder } from '../../support/stream-fixtures/event-order-checker.ts';
import {
  loadStreamFixture,
  STREAM_FIXTURES,
  type StreamFixtureName,
} from '../../support/stream-fixtures/load-stream-fixture.ts';
import { plain, replayThroughSdk } from '../../support/stream-fixtures/sdk-replay.ts';
import {
  REQUESTED_MODEL,
  translateChunks,
} from '../../support/stream-fixtures/translate-chunks.ts';

const toolNames = new Map([['file_write', 'Write']]);
const estimatedInputTokens = 777;

async function streamAndComplete(
  name: StreamFixtureName,
): Promise<{ streamed: Message; complete: Message }> {
  const fixture = loadStreamFixture(name);
  const { events } = translateChunks(fixture.chunks, {
    toolNames,
    estimatedInputTokens,
    messageId: 'msg_' + fixture.completion.id,
  });
  expect(checkEventOrder(events)).toEqual([]);
  const streamed = await replayThroughSdk(events, 97);
  const complete = plain(
    translateResponse(fixture.completion, {
      requestedModel: REQUESTED_MODEL,
      toolNames,
      estimatedInputTokens,
    }),
  );
  return { streamed, complete };
}

/** Signatures compared by what they carry: JSON key order may differ between the paths. */
function decodedSignatures(content: ContentBlock[]): unknown[] {
  return content.map((block) =>
    block.type === 'thinking'
      ? { ...block, signature: decodeReasoningSignature(block.signature) }
      : block,
  );
}

describe('recorded-style provider streams through the translator and the official SDK', () => {
  it.each(STREAM_FIXTURES.filter((name) => name !== 'gemini-whole-calls'))(
    '%s: the SDK accepts the stream and its final message equals the non-stream translation',
    async (name) => {
      const { streamed, complete } = await streamAndComplete(name);
      expect(decodedSignatures(streamed.content)).toEqual(decodedSignatures(complete.content));
      expect(streamed.stop_reason).toBe(complete.stop_reason);
      expect(streamed.stop_sequence).toBe(complete.stop_sequence);
      expect(streamed.usage).toEqual(complete.usage);
      expect(streamed.id).toBe(complete.id);
      expect(streamed.model).toBe(REQUESTED_MODEL);
    },
  );

  it('gemini-whole-calls: same text and calls; the thought signature travels in a thinking block on both paths', async () => {
    const { streamed, complete } = await streamAndComplete('gemini-whole-calls');
    const withoutThinking = (content: ContentBlock[]) =>
      content.filter((block) => block.type !== 'thinking');
    expect(withoutThinking(streamed.content)).toEqual(withoutThinking(complete.content));
    const carried = (content: ContentBlock[]) =>
      content.flatMap((block) =>
        block.type === 'thinking'
          ? [decodeReasoningSignature(block.signature)?.thought_signature]
          : [],
      );
    expect(carried(streamed.content)).toEqual(['CiQBcsjafDq1Zr3hK9mVtdw==']);
    expect(carried(complete.content)).toEqual(['CiQBcsjafDq1Zr3hK9mVtdw==']);
    expect(streamed.stop_reason).toBe('tool_use');
    expect(streamed.usage).toEqual(complete.usage);
  });

  it('openai-parallel-tool-calls: two tool_use blocks with toolu_ ids and parsed inputs; cached tokens split out', async () => {
    const { streamed } = await streamAndComplete('openai-parallel-tool-calls');
    expect(streamed.content).toEqual([
      expect.objectContaining({
        type: 'tool_use',
        id: 'toolu_call_Qm3VfZ8pLx2NcR7tYw1KdJ4s',
        name: 'Read',
        input: { file_path: 'src/index.ts' },
      }),
      expect.objectContaining({
        type: 'tool_use',
        id: 'toolu_call_Hx9BnT2eWq6UoP0sLk5MzC8v',
        name: 'Bash',
        input: { command: 'npm test', description: 'Run the tests' },
      }),
    ]);
    expect(streamed.stop_reason).toBe('tool_use');
    expect(streamed.usage).toMatchObject({
      input_tokens: 310,
      cache_read_input_tokens: 17920,
      cache_creation_input_tokens: 0,
      output_tokens: 61,
    });
  });

  it('openrouter-reasoning-cached-usage: thinking then text; usage from the last chunk with cache writes; details carried in the signature', async () => {
    const { streamed } = await streamAndComplete('openrouter-reasoning-cached-usage');
    expect(streamed.content.map((block) => block.type)).toEqual(['thinking', 'text']);
    const thinking = streamed.content[0];
    if (thinking?.type !== 'thinking') throw new Error('expected a thinking block');
    expect(thinking.thinking).toBe('The user wants a haiku about rain. Five-seven-five.');
    expect(decodeReasoningSignature(thinking.signature)?.reasoning_details).toEqual([
      {
        type: 'reasoning.text',
        text: 'The user wants a haiku about rain. Five-seven-five.',
        format: 'anthropic-claude-v1',
        index: 0,
        signature: 'EqQBCkgIBxABGAIqQPd1sig==',
      },
    ]);
    expect(streamed.usage).toMatchObject({
      input_tokens: 200,
      cache_read_input_tokens: 1800,
      cache_creation_input_tokens: 400,
      output_tokens: 52,
      output_tokens_details: { thinking_tokens: 21 },
    });
  });

  it('deepseek-reasoning-content: thinking, text, then the Glob call; cache hits from prompt_tokens_details', async () => {
    const { streamed } = await streamAndComplete('deepseek-reasoning-content');
    expect(streamed.content.map((block) => block.type)).toEqual(['thinking', 'text', 'tool_use']);
    expect(streamed.content[2]).toMatchObject({ name: 'Glob', input: { pattern: '**/*.ts' } });
    expect(streamed.usage).toMatchObject({ input_tokens: 160, cache_read_input_tokens: 8960 });
  });

  it('ollama-index-zero-calls: two calls sharing index 0 become two blocks; "stop" after calls is tool_use; usage estimated', async () => {
    const { streamed } = await streamAndComplete('ollama-index-zero-calls');
    expect(streamed.content).toEqual([
      expect.objectContaining({
        id: 'toolu_call_l3o8xq2v',
        name: 'Write',
        input: { filePath: 'hello.py', content: 'print("hello")' },
      }),
      expect.objectContaining({
        id: 'toolu_call_9mw4tz7k',
        name: 'Write',
        input: { filePath: 'world.py', content: 'print("world")' },
      }),
    ]);
    expect(streamed.stop_reason).toBe('tool_use');
    expect(streamed.usage.input_tokens).toBe(estimatedInputTokens);
    expect(streamed.usage.output_tokens).toBeGreaterThan(0);
  });

  it('vllm-stop-sequence: the matched stop string becomes stop_sequence', async () => {
    const { streamed } = await streamAndComplete('vllm-stop-sequence');
    expect(streamed.stop_reason).toBe('stop_sequence');
    expect(streamed.stop_sequence).toBe('</answer>');
    expect(streamed.content).toEqual([
      { type: 'text', text: '<answer>42 is the answer', citations: null },
    ]);
  });

  it.each(STREAM_FIXTURES)('%s: every fixture body ends with [DONE]', (name) => {
    expect(loadStreamFixture(name).done).toBe(true);
  });
});
