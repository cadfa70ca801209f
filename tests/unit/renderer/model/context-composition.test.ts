import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composeContext } from '../../../../renderer/model/context-composition.ts';
import { contextWindowOf } from '../../../../renderer/model/context-windows.ts';
import { summary } from '../summary-factory.ts';

const request = {
  system: 'S'.repeat(400),
  tools: [
    { name: 'Big', description: 'x'.repeat(4000), input_schema: {} },
    { name: 'Small', input_schema: {} },
  ],
  messages: [
    { role: 'user', content: 'u'.repeat(40) },
    { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'Read', input: { p: 1 } }] },
    {
      role: 'user',
      content: [
        { type: 'tool_result', tool_use_id: 't1', content: 'r'.repeat(8000) },
        {
          type: 'image',
          source: { type: 'base64', media_type: 'image/png', data: 'A'.repeat(400_000) },
        },
      ],
    },
  ],
};

describe('composeContext', () => {
  it('splits the prompt into system, tools, history and the new turn after the last assistant message', () => {
    const ctx = composeContext(request, summary({ tokens: { estimatedInput: 0 } }));
    expect(ctx.basis).toBe('estimate');
    const byCat = Object.fromEntries(ctx.parts.map((p) => [p.category, p]));
    expect(byCat.system!.tokens).toBe(100);
    expect(byCat.tools!.items).toBe(2);
    expect(byCat.history!.items).toBe(2);
    expect(byCat['new-turn']!.items).toBe(1);
    // The tool result (2,000 tokens) and the image (a flat 1,600, not its base64 size) dominate the new turn.
    expect(byCat['new-turn']!.tokens).toBe(2000 + 1600 + 3);
    expect(ctx.parts.reduce((n, p) => n + p.fraction, 0)).toBeCloseTo(1);
  });

  it('ranks the largest single items, naming a tool result after its tool', () => {
    const ctx = composeContext(request, summary({ tokens: { estimatedInput: 0 } }));
    expect(ctx.largest[0]!.label).toBe('Tool result: Read (messages[2])');
    expect(ctx.largest[1]!.label).toMatch(/^Image/);
    expect(ctx.largest[2]!.label).toBe('Tool schema: Big');
  });

  it('scales the split to the prompt size the upstream reported', () => {
    const estimated = composeContext(request, summary({ tokens: { estimatedInput: 0 } }));
    const total = estimated.parts.reduce((n, p) => n + p.tokens, 0);
    const ctx = composeContext(
      request,
      summary({ tokens: { estimatedInput: 0, input: total, cacheRead: total } }),
    );
    expect(ctx.basis).toBe('reported');
    expect(ctx.totalTokens).toBe(total * 2);
    expect(ctx.parts.find((p) => p.category === 'system')!.tokens).toBe(200);
  });

  it('measures against the context window of a known upstream model only', () => {
    const ctx = composeContext(
      request,
      summary({ upstreamModel: 'deepseek/deepseek-chat', tokens: { estimatedInput: 0 } }),
    );
    expect(ctx.contextWindow).toBe(128_000);
    expect(ctx.windowFraction).toBeCloseTo(ctx.totalTokens / 128_000);
    expect(contextWindowOf('my-local-finetune')).toBeUndefined();
    expect(contextWindowOf('openai/gpt-5-mini')).toBe(400_000);
  });

  it('handles a real Claude Code request', () => {
    const fixture = JSON.parse(
      readFileSync(
        new URL(
          '../../../fixtures/claude-code/messages-after-parallel-tool-calls.json',
          import.meta.url,
        ),
        'utf8',
      ),
    ) as { body: unknown };
    const ctx = composeContext(fixture.body, summary({ tokens: { estimatedInput: 0 } }));
    expect(ctx.parts.every((p) => p.tokens > 0)).toBe(true);
    expect(ctx.largest.length).toBeGreaterThan(5);
  });
});
