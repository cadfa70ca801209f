import { readFileSync } from 'node:fs';
import type { MessageCreateParamsBase } from '@anthropic-ai/sdk/resources/messages';
import { getEncoding } from 'js-tiktoken';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  countRequestTokens,
  imageTokens,
  warmUpTokenCounter,
} from '../../../shared/tokens/token-counter.ts';
import { countTextTokens } from '../../../shared/tokens/text-tokens.ts';

type Counted = Pick<MessageCreateParamsBase, 'system' | 'messages' | 'tools'>;

function fixture(name: string): Counted {
  const url = new URL(`../../fixtures/claude-code/${name}`, import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { body: Counted }).body;
}

function pngBase64(width: number, height: number): string {
  const bytes = Buffer.alloc(40);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes, 0);
  bytes.write('IHDR', 12, 'ascii');
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  return bytes.toString('base64');
}

beforeAll(() => {
  warmUpTokenCounter();
});

describe('countTextTokens', () => {
  it('matches tiktoken o200k_base, for short and long (memoised) strings alike', () => {
    const reference = getEncoding('o200k_base');
    for (const text of ['hello world', 'x'.repeat(500), 'Ünïcödé 😀 '.repeat(40)]) {
      expect(countTextTokens(text)).toBe(reference.encode(text).length);
      expect(countTextTokens(text)).toBe(reference.encode(text).length);
    }
  });

  it('counts special-token text as plain text instead of throwing', () => {
    expect(countTextTokens('<|endoftext|>')).toBeGreaterThan(1);
  });
});

describe('countRequestTokens', () => {
  it('adds ~3 per message and ~10 per tool to the text tokens', () => {
    const count = countRequestTokens({
      system: 'You are helpful.',
      messages: [
        { role: 'user', content: 'hello world' },
        { role: 'assistant', content: [{ type: 'text', text: 'hello world' }] },
      ],
      tools: [{ name: 'Read', description: 'Reads', input_schema: { type: 'object' } }],
    });
    const hello = countTextTokens('hello world');
    expect(count.perMessage).toEqual([3 + hello, 3 + hello]);
    expect(count.system).toBe(countTextTokens('You are helpful.'));
    const schema = countTextTokens(JSON.stringify({ type: 'object' }));
    expect(count.perTool).toEqual([
      { name: 'Read', tokens: 10 + countTextTokens('Read') + countTextTokens('Reads') + schema },
    ]);
    expect(count.total).toBe(count.system + count.tools + count.messages);
    expect(count.messages).toBe(2 * (3 + hello));
  });

  it('counts tool_use name and input, tool results, thinking and system blocks', () => {
    const count = countRequestTokens({
      system: [
        { type: 'text', text: 'alpha' },
        { type: 'text', text: 'beta' },
      ],
      messages: [
        {
          role: 'assistant',
          content: [
            { type: 'thinking', thinking: 'pondering', signature: '' },
            { type: 'tool_use', id: 't', name: 'Bash', input: { command: 'ls -la' } },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 't', content: [{ type: 'text', text: 'a.txt' }] },
          ],
        },
      ],
    });
    expect(count.system).toBe(countTextTokens('alpha') + countTextTokens('beta'));
    expect(count.perMessage).toEqual([
      3 +
        countTextTokens('pondering') +
        countTextTokens('Bash') +
        countTextTokens('{"command":"ls -la"}'),
      3 + countTextTokens('a.txt'),
    ]);
  });

  it.each([
    ['a small PNG by its pixels', pngBase64(300, 250), 100],
    ['a big PNG, capped at 1,600', pngBase64(4000, 3000), 1600],
  ])('estimates %s', (_case, data, tokens) => {
    expect(imageTokens({ type: 'base64', media_type: 'image/png', data })).toBe(tokens);
  });

  it('estimates an image of unknown size from its byte size, and a URL image at the cap', () => {
    const unknown = 'A'.repeat(400_000);
    expect(imageTokens({ type: 'base64', media_type: 'image/webp', data: unknown })).toBe(400);
    expect(imageTokens({ type: 'url', url: 'https://x/y.png' })).toBe(1600);
  });

  it('counts server tools by name and never throws on unknown blocks', () => {
    const count = countRequestTokens({
      messages: [{ role: 'user', content: [{ type: 'hologram', beams: 3 } as never] }],
      tools: [{ type: 'web_search_20250305', name: 'web_search' }],
    });
    expect(count.perTool[0]).toEqual({
      name: 'web_search',
      tokens: 10 + countTextTokens('web_search'),
    });
    expect(count.perMessage[0]).toBeGreaterThan(3);
  });

  it('counts the Claude Code bodies, tools being the largest part', () => {
    for (const name of ['messages-first-turn.json', 'messages-after-parallel-tool-calls.json']) {
      const count = countRequestTokens(fixture(name));
      expect(count.total).toBeGreaterThan(8000);
      expect(count.total).toBeLessThan(15000);
      expect(count.perTool).toHaveLength(12);
      expect(count.tools).toBeGreaterThan(count.system);
    }
  });

  it('counts a repeated 60 KB Claude Code body in well under 15 ms once warm', () => {
    const body = fixture('messages-after-parallel-tool-calls.json');
    countRequestTokens(body);
    const runs = 20;
    const started = performance.now();
    for (let i = 0; i < runs; i++) countRequestTokens(structuredClone(body));
    expect((performance.now() - started) / runs).toBeLessThan(15);
  });
});
