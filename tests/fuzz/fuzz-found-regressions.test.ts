/**
 * What the fuzzers found, pinned as plain examples so they stay fixed whatever the seed:
 * - a request that forces a server tool (tool_choice web_search) while client tools are
 *   present named a function the upstream was never sent (a 400 there);
 * - tool arguments that are not a JSON object (garbage, a stray closing brace, an array,
 *   whitespace, a bad escape) were streamed as received, and the official SDK then threw on
 *   the whole answer ("Unexpected token"); now the client gets the object that was sent so
 *   far, completed, the same input the non-stream path gives where the text allows it.
 */
import { describe, expect, it } from 'vitest';
import { quirksFor } from '../../shared/providers/provider-presets.ts';
import { translateRequest } from '../../shared/translate/request-translator.ts';
import { parseToolArguments } from '../../shared/translate/tool-arguments-repair.ts';
import { pumpReads, sdkOutcome } from './stream-pipeline-harness.ts';

const encoder = new TextEncoder();

describe('request translator: forced server tool', () => {
  it('drops a tool_choice that names a server tool, which is not sent upstream', () => {
    const { body, notes } = translateRequest(
      {
        model: 'claude-sonnet-4-6',
        max_tokens: 1,
        messages: [{ role: 'user', content: 'search the web' }],
        tools: [
          { type: 'web_search_20250305', name: 'web_search', max_uses: 5 },
          { name: 'Read', input_schema: { type: 'object', properties: {} } },
        ],
        tool_choice: { type: 'tool', name: 'web_search' },
      },
      { upstreamModel: 'm', quirks: quirksFor('openrouter', 'anthropic/claude-sonnet-4.5') },
    );
    expect(body.tools?.map((tool) => tool.type === 'function' && tool.function.name)).toEqual([
      'Read',
    ]);
    expect(body.tool_choice).toBeUndefined();
    expect(notes.map((note) => note.detail)).toContain(
      'tool_choice dropped: web_search is not among the tools sent upstream',
    );
  });

  it('still forces a client tool, under its upstream alias', () => {
    const { body } = translateRequest(
      {
        model: 'claude-sonnet-4-6',
        max_tokens: 1,
        messages: [{ role: 'user', content: 'x' }],
        tools: [{ name: 'mcp__srv__read.file', input_schema: { type: 'object', properties: {} } }],
        tool_choice: { type: 'tool', name: 'mcp__srv__read.file' },
      },
      { upstreamModel: 'm', quirks: quirksFor('openai', 'gpt-4o') },
    );
    const [tool] = body.tools ?? [];
    expect(tool?.type === 'function' && body.tool_choice).toEqual({
      type: 'function',
      function: { name: tool?.type === 'function' ? tool.function.name : '' },
    });
  });
});

function upstreamBody(call: Record<string, unknown>, fragments: readonly string[]): string {
  const line = (delta: unknown, finish: string | null = null) =>
    `data: ${JSON.stringify({
      id: 'chatcmpl-x',
      object: 'chat.completion.chunk',
      created: 1,
      model: 'm',
      choices: [{ index: 0, delta, finish_reason: finish }],
    })}\n\n`;
  const [first = '', ...rest] = fragments;
  return [
    line({
      tool_calls: [{ ...call, function: { ...(call.function as object), arguments: first } }],
    }),
    // Later fragments carry the index when the first did (OpenAI), else nothing (Gemini style).
    ...rest.map((args) =>
      line({
        tool_calls: [{ ...('index' in call && { index: 0 }), function: { arguments: args } }],
      }),
    ),
    line({}, 'tool_calls'),
    'data: [DONE]\n\n',
  ].join('');
}

const NAMED = { index: 0, id: 'call_1', type: 'function', function: { name: 'Read' } };
const NAMELESS = { type: 'function', function: {} };

describe('stream: tool arguments that are not a JSON object', () => {
  it.each([
    ['garbage', ['nonsense'], {}],
    ['a closing bracket alone', [']'], {}],
    ['an array', ['[1,2]'], {}],
    ['a string', ['"str"'], {}],
    ['whitespace', [' ', '\n'], {}],
    ['a stray closing brace', ['{"a":', '1}}'], { a: 1 }],
    ['junk after a cut-off object', ['{"path":"/tm', 'p"', ' oops'], { path: '/tmp' }],
    ['an invalid escape', ['{"a":"x\\q"}'], { a: 'x\\' }],
    ['a raw newline in a string', ['{"a":"line\nbreak"}'], { a: 'line' }],
    ['a cut-off number', ['{"n":1.'], { n: 1.0 }],
  ])(
    'gives the client a parseable object input for %s, named or not',
    async (_label, fragments, input) => {
      for (const call of [NAMED, NAMELESS]) {
        const pumped = await pumpReads([encoder.encode(upstreamBody(call, fragments))]);
        const outcome = await sdkOutcome([encoder.encode(pumped.text)]);
        expect(outcome).toMatchObject({
          message: { stop_reason: 'tool_use', content: [{ type: 'tool_use', input }] },
        });
      }
    },
  );

  it('matches the non-stream input wherever the non-stream repair gives up', async () => {
    for (const raw of ['nonsense', '[1,2]', ']', '"str"', ' ']) {
      const pumped = await pumpReads([encoder.encode(upstreamBody(NAMED, [raw]))]);
      const outcome = await sdkOutcome([encoder.encode(pumped.text)]);
      const streamed = (outcome as { message: { content: { input: unknown }[] } }).message;
      expect(streamed.content[0]?.input).toEqual(parseToolArguments(raw).input);
    }
  });
});
