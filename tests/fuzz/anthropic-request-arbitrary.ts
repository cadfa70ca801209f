/**
 * Random Anthropic Messages requests of the kind Claude Code and the SDKs send, for the
 * request-translator fuzz: messages of every block kind (anthropic-block-arbitrary.ts),
 * system as a string or blocks, `role: "system"` messages, client and server tools with odd
 * and long names, every tool_choice, every thinking mode, cache_control sprinkled everywhere, and
 * unknown extra fields at every level. Conversations are built turn by turn so tool results
 * usually answer the calls before them (in any order), with orphans, repeats and missing
 * answers mixed in, as real histories have after edits and compaction.
 */
import type { MessageParam } from '@anthropic-ai/sdk/resources/messages';
import fc from 'fast-check';
import type { AnthropicMessagesRequest } from '../../shared/translate/anthropic-request-types.ts';
import {
  anyText,
  assistantNoise,
  cacheControl,
  textBlock,
  toolIdArb,
  toolNameArb,
  toolResultBlock,
  toolUseBlock,
  userNoise,
  type Loose,
} from './anthropic-block-arbitrary.ts';

/** How the user turn after an assistant's calls answers them. */
type AnswerMode = 'in-order' | 'reversed' | 'some' | 'none' | 'twice';

interface TurnSpec {
  /** Assistant blocks: noise, then tool calls (ids from this list). */
  assistant: Loose[];
  calls: Loose[];
  callsFirst: boolean;
  answer: AnswerMode;
  results: Loose[];
  user: Loose[];
  userAsString: string | undefined;
  systemMessage: string | undefined;
}

const turnSpec: fc.Arbitrary<TurnSpec> = fc.record({
  assistant: fc.array(assistantNoise, { maxLength: 3 }),
  calls: fc.array(toolUseBlock(toolIdArb), { maxLength: 4 }),
  callsFirst: fc.boolean(),
  answer: fc.constantFrom<AnswerMode>('in-order', 'in-order', 'reversed', 'some', 'none', 'twice'),
  results: fc.array(toolResultBlock(fc.constant('')), { minLength: 4, maxLength: 4 }),
  user: fc.array(userNoise, { maxLength: 3 }),
  userAsString: fc.option(anyText, { nil: undefined }),
  systemMessage: fc.option(anyText, { nil: undefined, freq: 8 }),
});

function answersFor(turn: TurnSpec): Loose[] {
  const answered = turn.calls.map((call, index) => ({
    ...turn.results[index % turn.results.length],
    tool_use_id: call.id,
  }));
  switch (turn.answer) {
    case 'in-order':
      return answered;
    case 'reversed':
      return [...answered].reverse();
    case 'some':
      return answered.filter((_, index) => index % 2 === 0);
    case 'none':
      return [];
    case 'twice':
      return [...answered, ...answered];
  }
}

function messagesFrom(opening: TurnSpec, turns: TurnSpec[]): MessageParam[] {
  const messages: Loose[] = [];
  const firstUser = opening.userAsString ?? opening.user;
  messages.push({ role: 'user', content: firstUser });
  for (const turn of turns) {
    const assistant = turn.callsFirst
      ? [...turn.calls, ...turn.assistant]
      : [...turn.assistant, ...turn.calls];
    messages.push({ role: 'assistant', content: assistant });
    // Claude Code ≥2.1.154 sends reminders as role "system" messages between turns.
    if (turn.systemMessage !== undefined) {
      messages.push({ role: 'system', content: turn.systemMessage });
    }
    const results = answersFor(turn);
    const user =
      results.length === 0 && turn.userAsString !== undefined
        ? turn.userAsString
        : [...results, ...turn.user];
    messages.push({ role: 'user', content: user });
  }
  return messages as unknown as MessageParam[];
}

/** Loosely structured histories: roles in any order, ids from a small pool (so some match). */
const chaoticMessages: fc.Arbitrary<MessageParam[]> = fc
  .array(
    fc.record({
      role: fc.constantFrom('user', 'assistant', 'system'),
      content: fc.oneof(
        anyText,
        fc.array(
          fc.oneof(
            userNoise,
            assistantNoise,
            toolUseBlock(fc.constantFrom('t1', 't2', 'toolu_01')),
            toolResultBlock(fc.constantFrom('t1', 't2', 'toolu_01')),
          ),
          { maxLength: 5 },
        ),
      ),
    }),
    { minLength: 1, maxLength: 8 },
  )
  .map((messages) => messages as unknown as MessageParam[]);

const structuredMessages: fc.Arbitrary<MessageParam[]> = fc
  .tuple(turnSpec, fc.array(turnSpec, { maxLength: 5 }))
  .map(([opening, turns]) => messagesFrom(opening, turns));

const inputSchema: fc.Arbitrary<Loose> = fc.oneof(
  fc.constant({ type: 'object', properties: {} }),
  fc.constant({}),
  fc.record(
    {
      type: fc.constant('object'),
      properties: fc.dictionary(
        fc.string({ minLength: 1, maxLength: 8 }),
        fc.oneof(
          fc.constant({ type: 'string', description: 'path', format: 'uri' }),
          fc.constant({ type: 'integer', minimum: 0, exclusiveMaximum: 10, default: 1 }),
          fc.constant({ type: 'array', items: { $ref: '#/$defs/item' } }),
          fc.constant({ const: 'x', title: 'T', examples: ['x'] }),
          fc.constant({ anyOf: [{ type: 'string' }, { type: 'null' }] }),
          fc.constant({
            type: 'object',
            additionalProperties: false,
            propertyNames: { pattern: '^a' },
          }),
        ),
        { maxKeys: 4 },
      ),
      required: fc.array(fc.string({ maxLength: 8 }), { maxLength: 2 }),
      additionalProperties: fc.boolean(),
      $schema: fc.constant('https://json-schema.org/draft/2020-12/schema'),
      $defs: fc.constant({ item: { type: 'string', minLength: 1 } }),
    },
    { requiredKeys: ['type'] },
  ),
);

const clientTool: fc.Arbitrary<Loose> = fc.record(
  {
    name: toolNameArb,
    description: fc.string({ maxLength: 30 }),
    input_schema: inputSchema,
    type: fc.constant('custom'),
    cache_control: cacheControl,
    defer_loading: fc.boolean(),
    strict: fc.boolean(),
    input_examples: fc.constant([{ file_path: '/tmp/x' }]),
  },
  { requiredKeys: ['name', 'input_schema'] },
);

const serverTool: fc.Arbitrary<Loose> = fc.constantFrom<Loose>(
  { type: 'web_search_20250305', name: 'web_search', max_uses: 5 },
  { type: 'web_fetch_20250910', name: 'web_fetch' },
  { type: 'text_editor_20250728', name: 'str_replace_based_edit_tool' },
  { type: 'bash_20250124', name: 'bash' },
  { type: 'code_execution_20250825', name: 'code_execution' },
  { type: 'computer_20250124', name: 'computer', display_width_px: 1024, display_height_px: 768 },
  { type: 'tool_search_tool_regex_20251119', name: 'tool_search_tool_regex' },
);

const toolChoiceArb = (names: readonly string[]): fc.Arbitrary<Loose> =>
  fc
    .tuple(
      fc.oneof(
        fc.constant<Loose>({ type: 'auto' }),
        fc.constant<Loose>({ type: 'any' }),
        fc.constant<Loose>({ type: 'none' }),
        // Anthropic refuses a choice that names no tool of the request.
        ...(names.length > 0
          ? [fc.constantFrom(...names).map((name): Loose => ({ type: 'tool', name }))]
          : []),
      ),
      fc.option(fc.boolean(), { nil: undefined }),
    )
    .map(([choice, disable]) =>
      disable === undefined ? choice : { ...choice, disable_parallel_tool_use: disable },
    );

const thinkingArb: fc.Arbitrary<Loose> = fc.oneof(
  fc.integer({ min: 1024, max: 64_000 }).map((budget): Loose => ({
    type: 'enabled',
    budget_tokens: budget,
  })),
  fc.constant<Loose>({ type: 'adaptive' }),
  fc.constant<Loose>({ type: 'disabled' }),
  fc.constant<Loose>({ type: 'between_tools' }),
  fc.constant<Loose>({ type: 'brand_new_mode' }),
);

const systemArb: fc.Arbitrary<unknown> = fc.oneof(
  anyText,
  fc.array(textBlock, { maxLength: 4 }),
  fc.constant(null),
);

/** The request, before the tool_choice that depends on its tool names. */
const requestCore = fc.record(
  {
    model: fc.constantFrom(
      'claude-sonnet-4-6',
      'claude-opus-4-7[1m]',
      'claude-haiku-4-5-20251001',
      'gpt-5',
      'some/unknown-model',
    ),
    max_tokens: fc.oneof(
      fc.integer({ min: 1, max: 200_000 }),
      fc.constantFrom(1, 8192, 32_000, 64_000),
    ),
    messages: fc.oneof(
      { weight: 3, arbitrary: structuredMessages },
      { weight: 1, arbitrary: chaoticMessages },
    ),
    system: systemArb,
    // Anthropic refuses two tools of one name.
    tools: fc.uniqueArray(
      fc.oneof({ weight: 4, arbitrary: clientTool }, { weight: 1, arbitrary: serverTool }),
      { maxLength: 5, selector: (tool) => tool.name },
    ),
    thinking: thinkingArb,
    output_config: fc.record(
      {
        effort: fc.constantFrom('low', 'medium', 'high', 'xhigh', 'max', 'odd'),
        format: fc.constant({ type: 'json_schema', schema: {} }),
      },
      { requiredKeys: [] },
    ),
    metadata: fc.record({ user_id: fc.string({ maxLength: 200 }) }),
    stop_sequences: fc.array(fc.string({ maxLength: 6 }), { maxLength: 6 }),
    temperature: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constant(null)),
    top_p: fc.double({ min: 0, max: 1, noNaN: true }),
    top_k: fc.integer({ min: 1, max: 500 }),
    stream: fc.boolean(),
    service_tier: fc.constantFrom('auto', 'standard_only'),
    context_management: fc.constant({ edits: [{ type: 'clear_tool_uses_20250919' }] }),
    container: fc.string({ maxLength: 10 }),
    mcp_servers: fc.constant([{ type: 'url', url: 'https://mcp.example', name: 'x' }]),
    cache_control: cacheControl,
    brand_new_top_level_field: fc.jsonValue({ maxDepth: 2 }),
  },
  { requiredKeys: ['model', 'max_tokens', 'messages'] },
);

export const anthropicRequestArb: fc.Arbitrary<AnthropicMessagesRequest> = requestCore.chain(
  (core) => {
    const tools = (core.tools ?? []) as Loose[];
    const names = tools.map((tool) => tool.name).filter((name) => typeof name === 'string');
    return fc.option(toolChoiceArb(names), { nil: undefined }).map((toolChoice) => {
      const request: Loose = { ...core };
      if (toolChoice !== undefined) request.tool_choice = toolChoice;
      return request as unknown as AnthropicMessagesRequest;
    });
  },
);
