import type { ToolUnion } from '@anthropic-ai/sdk/resources/messages';
import type { ChatCompletionFunctionTool } from 'openai/resources/chat/completions';
import { describe, expect, it } from 'vitest';
import { originalToolName } from '../../../shared/translate/tool-name-alias.ts';
import { aliasToolName } from '../../../shared/translate/tool-name-aliaser.ts';
import { assistantMessages, noteDetails, translate } from './request-test-kit.ts';

const schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object' as const,
  properties: { path: { type: 'string', title: 'Path' } },
  required: ['path'],
  additionalProperties: false,
};

function functions(tools: unknown[]): ChatCompletionFunctionTool['function'][] {
  return (tools as ChatCompletionFunctionTool[]).map((tool) => tool.function);
}

const readTool: ToolUnion = { name: 'Read', description: 'Reads a file', input_schema: schema };

describe('tool definitions', () => {
  it('builds {type:"function", function:{name, description, parameters}} from input_schema', () => {
    const { body } = translate({ tools: [readTool] });
    expect(body.tools).toEqual([
      {
        type: 'function',
        function: { name: 'Read', description: 'Reads a file', parameters: schema },
      },
    ]);
  });

  it('strips Anthropic-only tool fields with one note per field, however many tools carry it', () => {
    const extras = {
      cache_control: { type: 'ephemeral' as const },
      defer_loading: true,
      strict: true,
      input_examples: [{ path: '/a' }],
    };
    const translation = translate({
      tools: [
        { ...readTool, ...extras },
        { ...readTool, name: 'Read2', ...extras },
      ],
    });
    const [first, second] = functions(translation.body.tools ?? []);
    for (const fn of [first, second]) {
      expect(Object.keys(fn!).sort()).toEqual(['description', 'name', 'parameters']);
    }
    const details = noteDetails(translation);
    expect(details).toContain('cache_control dropped (×2)');
    expect(details).toContain('tools[].defer_loading dropped (×2)');
    expect(details).toContain('tools[].strict dropped (×2)');
    expect(details).toContain('tools[].input_examples dropped (×2)');
  });

  it('keeps $schema and additionalProperties for plain OpenAI-compatible upstreams', () => {
    const { body } = translate({ tools: [readTool] });
    expect(functions(body.tools ?? [])[0]!.parameters).toHaveProperty('$schema');
  });

  it('cleans the schema for Gemini but keeps a property that is named "title"', () => {
    const { body } = translate({ tools: [readTool] }, { geminiSchemaCleaning: true });
    expect(functions(body.tools ?? [])[0]!.parameters).toEqual({
      type: 'object',
      properties: { path: { type: 'string' } },
      required: ['path'],
    });
  });

  it('always sends an object schema with properties, even for an empty input_schema', () => {
    const { body } = translate({
      tools: [
        { name: 'Ping', input_schema: {} as never },
        { name: 'Pong', input_schema: { type: 'object' } },
      ],
    });
    for (const fn of functions(body.tools ?? [])) {
      expect(fn.parameters).toMatchObject({ type: 'object', properties: {} });
    }
  });

  it('drops server tools, which have no input_schema, with a note', () => {
    const translation = translate({
      tools: [
        readTool,
        { type: 'web_search_20250305', name: 'web_search' },
        { type: 'bash_20250124', name: 'bash' },
      ],
    });
    expect(functions(translation.body.tools ?? []).map((fn) => fn.name)).toEqual(['Read']);
    expect(noteDetails(translation)).toContain(
      'web_search_20250305 web_search dropped: no input_schema (server tool)',
    );
  });

  it('omits tools and tool_choice when no tool survives', () => {
    const { body, notes } = translate({
      tools: [{ type: 'web_search_20250305', name: 'web_search' }],
      tool_choice: { type: 'auto' },
    });
    expect(body).not.toHaveProperty('tools');
    expect(body).not.toHaveProperty('tool_choice');
    expect(notes.map((note) => note.field)).toContain('tool_choice');
  });
});

describe('tool name aliases', () => {
  const longName = `mcp__my_server__${'very_long_tool_name_'.repeat(4)}`;

  it.each([
    ['longer than 64', longName],
    ['with a dot', 'files.read'],
    ['starting with a digit', '3d_render'],
  ])('aliases a name %s to a valid upstream name', (_case, name) => {
    const alias = aliasToolName(name);
    expect(alias).toMatch(/^[a-zA-Z_][a-zA-Z0-9_-]{0,63}$/);
    expect(alias).not.toBe(name);
  });

  it('leaves valid names alone and out of the map', () => {
    const { toolNames } = translate({ tools: [readTool] });
    expect(toolNames.size).toBe(0);
  });

  it('uses the same alias in the definition, in history tool_use and in tool_choice, and maps it back', () => {
    const translation = translate({
      tools: [{ name: longName, input_schema: { type: 'object' } }],
      tool_choice: { type: 'tool', name: longName },
      messages: [
        { role: 'user', content: 'go' },
        { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: longName, input: {} }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: 'done' }] },
      ],
    });
    const alias = functions(translation.body.tools ?? [])[0]!.name;
    expect(alias.length).toBeLessThanOrEqual(64);
    expect(translation.body.tool_choice).toEqual({ type: 'function', function: { name: alias } });
    const call = assistantMessages(translation)[0]!.tool_calls![0]!;
    expect(call.function.name).toBe(alias);
    expect(originalToolName(translation.toolNames, alias)).toBe(longName);
    expect(noteDetails(translation)).toContain(`tool name "${longName}" sent as "${alias}"`);
  });
});

describe('tool_choice', () => {
  it.each([
    [{ type: 'auto' as const }, 'auto'],
    [{ type: 'any' as const }, 'required'],
    [{ type: 'none' as const }, 'none'],
    [
      { type: 'tool' as const, name: 'Read' },
      { type: 'function', function: { name: 'Read' } },
    ],
  ])('maps %j to %j', (choice, expected) => {
    expect(translate({ tools: [readTool], tool_choice: choice }).body.tool_choice).toEqual(
      expected,
    );
  });

  it('notes "tool_choice any → required"', () => {
    expect(noteDetails(translate({ tools: [readTool], tool_choice: { type: 'any' } }))).toContain(
      'tool_choice any → required',
    );
  });

  it('sends parallel_tool_calls:false for disable_parallel_tool_use, only when tools are present', () => {
    const choice = { type: 'auto' as const, disable_parallel_tool_use: true };
    expect(translate({ tools: [readTool], tool_choice: choice }).body.parallel_tool_calls).toBe(
      false,
    );
    expect(translate({ tool_choice: choice }).body).not.toHaveProperty('parallel_tool_calls');
    expect(translate({ tools: [readTool], tool_choice: { type: 'auto' } }).body).not.toHaveProperty(
      'parallel_tool_calls',
    );
  });

  it('drops tool_choice while thinking when the upstream rejects the pair (DeepSeek)', () => {
    const fields = {
      tools: [readTool],
      tool_choice: { type: 'tool' as const, name: 'Read' },
      thinking: { type: 'enabled' as const, budget_tokens: 2048 },
    };
    const translation = translate(fields, { dropToolChoiceWithThinking: true });
    expect(translation.body).not.toHaveProperty('tool_choice');
    expect(noteDetails(translation)).toContain(
      'tool_choice dropped: the upstream rejects it while thinking',
    );
    const noThinking = translate(
      { ...fields, thinking: { type: 'disabled' } },
      { dropToolChoiceWithThinking: true },
    );
    expect(noThinking.body.tool_choice).toBeDefined();
  });

  it('treats a model that always thinks as thinking, whatever the request says', () => {
    const translation = translate(
      { tools: [readTool], tool_choice: { type: 'any' } },
      { dropToolChoiceWithThinking: true, alwaysThinks: true },
    );
    expect(translation.body).not.toHaveProperty('tool_choice');
  });
});
