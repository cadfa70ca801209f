/**
 * Plain text answers through the real server, driven by the official Anthropic SDK: JSON
 * and streamed, model routing, reasoning → thinking blocks, usage with cached tokens,
 * keep-alive comments, UTF-8 split across TCP writes, and the beta endpoint.
 */
import { describe, expect, it } from 'vitest';
import {
  defaultBehaviour,
  jsonAnswer,
  streamAnswer,
  usage,
  utf8SplitStream,
} from '../support/mock-openai-upstream.ts';
import { TEST_UPSTREAM_KEY, useProxyWithMockUpstream } from '../support/start-test-proxy.ts';

const rig = useProxyWithMockUpstream();

const hello = { role: 'user', content: 'Say hello' } as const;

describe('non-streaming text', () => {
  it('answers with the upstream text, the requested model and mapped usage', async () => {
    rig.upstream.enqueue(jsonAnswer({ text: 'Hello there', usage: usage(100, 7, 40) }));
    const message = await rig.proxy.client.messages.create({
      model: 'claude-sonnet-4-6',
      max_tokens: 256,
      messages: [hello],
    });
    expect(message.type).toBe('message');
    expect(message.role).toBe('assistant');
    expect(message.model).toBe('claude-sonnet-4-6');
    expect(message.content).toMatchObject([{ type: 'text', text: 'Hello there' }]);
    expect(message.stop_reason).toBe('end_turn');
    expect(message.usage).toMatchObject({
      input_tokens: 60,
      cache_read_input_tokens: 40,
      output_tokens: 7,
    });
  });

  it('sends the upstream an OpenAI body for the big model with the upstream key', async () => {
    rig.upstream.enqueue(jsonAnswer({ text: 'ok' }));
    await rig.proxy.client.messages.create({
      model: 'claude-opus-5-5[1m]',
      max_tokens: 64,
      messages: [hello],
    });
    const seen = rig.upstream.requests.at(-1)!;
    expect(seen.method).toBe('POST');
    expect(seen.path).toBe('/v1/chat/completions');
    expect(seen.headers.authorization).toBe(`Bearer ${TEST_UPSTREAM_KEY}`);
    expect(seen.body).toMatchObject({ model: 'big-model', max_tokens: 64 });
    expect(JSON.stringify((seen.body as { messages: unknown }).messages)).toContain('Say hello');
    expect(seen.body).not.toHaveProperty('stream_options');
  });

  it('routes haiku to the small model', async () => {
    rig.upstream.enqueue(jsonAnswer({ text: 'ok' }));
    await rig.proxy.client.messages.create({
      model: 'claude-haiku-4-5',
      max_tokens: 64,
      messages: [hello],
    });
    expect(rig.upstream.requests.at(-1)!.body).toMatchObject({ model: 'small-model' });
  });

  it('turns reasoning_content into a thinking block before the text', async () => {
    rig.upstream.enqueue(jsonAnswer({ reasoning: 'The user wants a greeting.', text: 'Hello!' }));
    const message = await rig.proxy.client.messages.create({
      model: 'claude-sonnet-4-6',
      max_tokens: 64,
      messages: [hello],
    });
    expect(message.content.map((block) => block.type)).toEqual(['thinking', 'text']);
    expect(message.content[0]).toMatchObject({
      type: 'thinking',
      thinking: 'The user wants a greeting.',
    });
  });
});

describe('streaming text', () => {
  it('streams text deltas and ends with usage including cached tokens', async () => {
    rig.upstream.enqueue(
      streamAnswer(
        { text: 'Streaming works fine here', usage: usage(100, 5, 40), fragments: 4 },
        { keepAlive: true },
      ),
    );
    const stream = rig.proxy.client.messages.stream({
      model: 'claude-sonnet-4-6',
      max_tokens: 64,
      messages: [hello],
    });
    const deltas: string[] = [];
    stream.on('text', (text) => deltas.push(text));
    const message = await stream.finalMessage();
    expect(deltas.join('')).toBe('Streaming works fine here');
    expect(deltas.length).toBeGreaterThan(1);
    expect(message.stop_reason).toBe('end_turn');
    expect(message.usage).toMatchObject({
      input_tokens: 60,
      output_tokens: 5,
      cache_read_input_tokens: 40,
    });
    expect(rig.upstream.requests.at(-1)!.body).toMatchObject({
      model: 'big-model',
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it('streams reasoning_content deltas as a thinking block', async () => {
    rig.upstream.enqueue(
      streamAnswer({ reasoning: 'First I consider the question.', text: 'Done.' }),
    );
    const message = await rig.proxy.client.messages
      .stream({ model: 'claude-sonnet-4-6', max_tokens: 64, messages: [hello] })
      .finalMessage();
    expect(message.content).toMatchObject([
      { type: 'thinking', thinking: 'First I consider the question.' },
      { type: 'text', text: 'Done.' },
    ]);
  });

  it('keeps multi-byte characters whole when they arrive split across TCP writes', async () => {
    const text = 'héllo wörld — 你好 🎉 ok';
    rig.upstream.enqueue(utf8SplitStream(text, 3));
    const message = await rig.proxy.client.messages
      .stream({ model: 'claude-sonnet-4-6', max_tokens: 64, messages: [hello] })
      .finalMessage();
    expect(message.content).toMatchObject([{ type: 'text', text }]);
  });

  it('writes each event as its chunk arrives instead of buffering the answer', async () => {
    rig.upstream.enqueue(
      streamAnswer({ text: 'one two three four', fragments: 4 }, { paceMs: 80 }),
    );
    const started = performance.now();
    const stream = rig.proxy.client.messages.stream({
      model: 'claude-sonnet-4-6',
      max_tokens: 64,
      messages: [hello],
    });
    let firstTextAt = 0;
    stream.on('text', () => {
      firstTextAt ||= performance.now() - started;
    });
    await stream.finalMessage();
    const total = performance.now() - started;
    // 8 chunks 80 ms apart: the first text must arrive long before the last chunk was sent.
    expect(firstTextAt).toBeGreaterThan(0);
    expect(total - firstTextAt).toBeGreaterThan(300);
  });
});

describe('concurrency', () => {
  it('serves several streams at once, each with its own answer', async () => {
    rig.upstream.setHandler(async (ctx) => {
      const tag = /stream-\d+/.exec(JSON.stringify(ctx.request.body))?.[0] ?? 'unknown';
      await streamAnswer({ text: `answer for ${tag}`, fragments: 5 }, { paceMs: 5 })(ctx);
    });
    try {
      const tags = Array.from({ length: 8 }, (_, n) => `stream-${n}`);
      const messages = await Promise.all(
        tags.map((tag) =>
          rig.proxy.client.messages
            .stream({
              model: 'claude-sonnet-4-6',
              max_tokens: 64,
              messages: [{ role: 'user', content: tag }],
            })
            .finalMessage(),
        ),
      );
      expect(messages.map((message) => (message.content[0] as { text: string }).text)).toEqual(
        tags.map((tag) => `answer for ${tag}`),
      );
    } finally {
      rig.upstream.setHandler(defaultBehaviour);
    }
  });
});

describe('beta endpoint', () => {
  it('accepts ?beta=true with anthropic-beta headers as Claude Code sends them', async () => {
    rig.upstream.enqueue(jsonAnswer({ text: 'beta ok' }));
    const message = await rig.proxy.client.beta.messages.create({
      model: 'claude-sonnet-4-6',
      max_tokens: 64,
      messages: [hello],
      betas: ['interleaved-thinking-2025-05-14', 'claude-code-20250219'],
    });
    expect(message.content).toMatchObject([{ type: 'text', text: 'beta ok' }]);
  });
});
