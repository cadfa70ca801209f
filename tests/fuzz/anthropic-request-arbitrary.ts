/**
 * Random Anthropic Messages requests of the kind Claude Code and the SDKs send, for the
 * request-translator fuzz: every content block kind (text, image base64/url, document in
 * each source, search results, tool_use, tool_result with string/array/image content and
 * is_error, thinking and redacted_thinking with signatures, server tool blocks), system as a
 * string or blocks, `role: "system"` messages, client and server tools with odd and long
 * names, every tool_choice, every thinking mode, cache_control sprinkled everywhere, and
 * unknown extra fields at every level. Conversations are built turn by turn so tool results
 * usually answer the calls before them (in any order), with orphans, repeats and missing
 * answers mixed in, as real histories have after edits and compaction.
 */
import type { MessageParam } from '@anthropic-ai/sdk/resources/messages';
import fc from 'fast-check';
import type { AnthropicMessagesRequest } from '../../shared/translate/anthropic-request-types.ts';

/** A random Anthropic block or tool as the wire carries it (typed loosely on purpose). */
type Loose = Record<string, unknown>;

const cacheControl = fc.constantFrom<Loose>(
  { type: 'ephemeral' },
  { type: 'ephemeral', ttl: '1h' },
  { type: 'ephemeral', ttl: '5m' },
);

/** Fields a newer client might add to any object; the translator must drop, not forward, them. */
const extraFields: fc.Arbitrary<Loose> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({}) },
  {
    weight: 1,
    arbitrary: fc.record(
      {
        cache_control: cacheControl,
        citations: fc.constant({ enabled: true }),
        brand_new_field: fc.jsonValue({ maxDepth: 2 }),
        context: fc.string({ maxLength: 8 }),
      },
      { requiredKeys: [] },
    ),
  },
);

function withExtras(block: fc.Arbitrary<Loose>): fc.Arbitrary<Loose> {
  return fc.tuple(block, extraFields).map(([core, extra]) => ({ ...extra, ...core }));
}

const anyText = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\n', '<system-reminder>x</system-reminder>') },
);

/** Names as clients write them: plain, MCP-style, too long for OpenAI, or with characters it refuses. */
export const toolNameArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('Read', 'Write', 'Bash', 'Glob', 'Grep', 'Task') },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.stringMatching(/^[a-z0-9-]{1,30}$/), fc.stringMatching(/^[a-zA-Z0-9_.-]{1,70}$/))
      .map(([server, tool]) => `mcp__${server}__${tool}`),
  },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-zA-Z0-9_-]{1,128}$/) },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 140 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '9lives',
      '-dash',
      'has space',
      'dot.name',
      'ünï',
      '__proto__',
      'constructor',
    ),
  },
);

/** Ids: Claude Code's, other upstreams' (call_…, 9-char Mistral), long ones, odd ones. */
const toolIdArb = fc.oneof(
  { weight: 3, arbitrary: fc.stringMatching(/^toolu_[A-Za-z0-9]{4,24}$/) },
  { weight: 1, arbitrary: fc.stringMatching(/^call_[A-Za-z0-9]{20,40}$/) },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9]{9}$/) },
  { weight: 1, arbitrary: fc.string({ maxLength: 80 }) },
);

const base64Data = fc.base64String({ maxLength: 48 });
const httpsUrl = fc.webUrl({ validSchemes: ['https', 'http'] });

const imageBlock: fc.Arbitrary<Loose> = withExtras(
  fc.oneof(
    fc.record({
      type: fc.constant('image'),
      source: fc.record({
        type: fc.constant('base64'),
        media_type: fc.constantFrom('image/png', 'image/jpeg', 'image/gif', 'image/webp'),
        data: base64Data,
      }),
    }),
    fc.record({
      type: fc.constant('image'),
      source: fc.record({ type: fc.constant('url'), url: httpsUrl }),
    }),
    fc.record({
      type: fc.constant('image'),
      source: fc.record({ type: fc.constant('file'), file_id: fc.string({ maxLength: 20 }) }),
    }),
  ),
);

const textBlock: fc.Arbitrary<Loose> = withExtras(
  fc.record({ type: fc.constant('text'), text: anyText }),
);

const documentBlock: fc.Arbitrary<Loose> = withExtras(
  fc.record(
    {
      type: fc.constant('document'),
      source: fc.oneof(
        fc.record({
          type: fc.constant('base64'),
          media_type: fc.constant('application/pdf'),
          data: base64Data,
        }),
        fc.record({
          type: fc.constant('text'),
          media_type: fc.constant('text/plain'),
          data: anyText,
        }),
        fc.record({
          type: fc.constant('content'),
          content: fc.oneof(anyText, fc.array(fc.oneof(textBlock, imageBlock), { maxLength: 3 })),
        }),
        fc.record({ type: fc.constant('url'), url: httpsUrl }),
        fc.record({ type: fc.constant('file'), file_id: fc.string({ maxLength: 20 }) }),
      ),
      title: fc.oneof(fc.constant(null), fc.string({ maxLength: 20 })),
    },
    { requiredKeys: ['type', 'source'] },
  ),
);

const searchResultBlock: fc.Arbitrary<Loose> = fc.record({
  type: fc.constant('search_result'),
  title: fc.string({ maxLength: 20 }),
  source: httpsUrl,
  content: fc.array(fc.record({ type: fc.constant('text'), text: anyText }), { maxLength: 2 }),
});

/** Block types this proxy does not know: dropped with a note, never a throw. */
const unknownBlock: fc.Arbitrary<Loose> = fc.record({
  type: fc.constantFrom('container_upload', 'brand_new_block', 'constructor', 'toString'),
  payload: fc.jsonValue({ maxDepth: 2 }),
});

const toolInput: fc.Arbitrary<Loose> = fc.dictionary(
  fc.string({ maxLength: 8 }),
  fc.jsonValue({ maxDepth: 3 }),
  { maxKeys: 4 },
);

function toolUseBlock(id: fc.Arbitrary<string>): fc.Arbitrary<Loose> {
  return withExtras(
    fc.record(
      { type: fc.constant('tool_use'), id, name: toolNameArb, input: toolInput },
      // A missing input passes the proxy's loose schema; the translator must still cope.
      { requiredKeys: ['type', 'id', 'name'] },
    ),
  );
}

const thinkingBlock: fc.Arbitrary<Loose> = fc.oneof(
  fc.record(
    {
      type: fc.constant('thinking'),
      thinking: anyText,
      signature: fc.oneof(
        fc.constant(''),
        fc.constant(null),
        fc.base64String({ maxLength: 60 }),
        // Signatures this proxy minted earlier carry the upstream's reasoning state.
        fc.string({ maxLength: 60 }).map((raw) => `ap1.${raw}`),
      ),
    },
    { requiredKeys: ['type', 'thinking'] },
  ),
  fc.record({ type: fc.constant('redacted_thinking'), data: fc.base64String({ maxLength: 60 }) }),
);

const serverToolBlocks: fc.Arbitrary<Loose> = fc.oneof(
  fc.record({
    type: fc.constant('server_tool_use'),
    id: fc.stringMatching(/^srvtoolu_[A-Za-z0-9]{6}$/),
    name: fc.constantFrom('web_search', 'web_fetch', 'code_execution'),
    input: toolInput,
  }),
  fc.record({
    type: fc.constant('web_search_tool_result'),
    tool_use_id: fc.stringMatching(/^srvtoolu_[A-Za-z0-9]{6}$/),
    content: fc.constant([
      { type: 'web_search_result', url: 'https://example.com', title: 'x', encrypted_content: 'e' },
    ]),
  }),
);

const toolResultContent: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: anyText },
  {
    weight: 3,
    arbitrary: fc.array(
      fc.oneof(
        { weight: 4, arbitrary: textBlock },
        { weight: 2, arbitrary: imageBlock },
        { weight: 1, arbitrary: documentBlock },
        { weight: 1, arbitrary: searchResultBlock },
        { weight: 1, arbitrary: unknownBlock },
      ),
      { maxLength: 4 },
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom(undefined, null, [], '') },
);

function toolResultBlock(id: fc.Arbitrary<string>): fc.Arbitrary<Loose> {
  return withExtras(
    fc
      .record(
        {
          type: fc.constant('tool_result'),
          tool_use_id: id,
          content: toolResultContent,
          is_error: fc.oneof(fc.boolean(), fc.constant(null)),
        },
        { requiredKeys: ['type', 'tool_use_id'] },
      )
      .map((block) => {
        // fc.record keeps a key whose value is undefined; a client would leave it out.
        if (block.content === undefined) delete block.content;
        return block;
      }),
  );
}

const userNoise: fc.Arbitrary<Loose> = fc.oneof(
  { weight: 6, arbitrary: textBlock },
  { weight: 2, arbitrary: imageBlock },
  { weight: 2, arbitrary: documentBlock },
  { weight: 1, arbitrary: searchResultBlock },
  { weight: 1, arbitrary: unknownBlock },
  // Results that answer no call (after a compaction or a hand-edited history).
  { weight: 1, arbitrary: toolResultBlock(toolIdArb) },
);

const assistantNoise: fc.Arbitrary<Loose> = fc.oneof(
  { weight: 6, arbitrary: textBlock },
  { weight: 3, arbitrary: thinkingBlock },
  { weight: 1, arbitrary: serverToolBlocks },
  { weight: 1, arbitrary: unknownBlock },
);

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
