/**
 * Random Anthropic content blocks for the request-translator fuzz: every block kind a
 * message or a tool result can hold (text, image base64/url/file, document in each source,
 * search results, tool_use with odd names and ids, tool_result with string/array/image
 * content and is_error, thinking and redacted_thinking with signatures, server tool blocks,
 * block types nobody knows yet), with cache_control and unknown fields sprinkled on them.
 */
import fc from 'fast-check';

/** A random Anthropic block or tool as the wire carries it (typed loosely on purpose). */
export type Loose = Record<string, unknown>;

export const cacheControl = fc.constantFrom<Loose>(
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

export const anyText = fc.oneof(
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
export const toolIdArb = fc.oneof(
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

export const textBlock: fc.Arbitrary<Loose> = withExtras(
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
export const unknownBlock: fc.Arbitrary<Loose> = fc.record({
  type: fc.constantFrom('container_upload', 'brand_new_block', 'constructor', 'toString'),
  payload: fc.jsonValue({ maxDepth: 2 }),
});

export const toolInput: fc.Arbitrary<Loose> = fc.dictionary(
  fc.string({ maxLength: 8 }),
  fc.jsonValue({ maxDepth: 3 }),
  { maxKeys: 4 },
);

export function toolUseBlock(id: fc.Arbitrary<string>): fc.Arbitrary<Loose> {
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

export function toolResultBlock(id: fc.Arbitrary<string>): fc.Arbitrary<Loose> {
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

export const userNoise: fc.Arbitrary<Loose> = fc.oneof(
  { weight: 6, arbitrary: textBlock },
  { weight: 2, arbitrary: imageBlock },
  { weight: 2, arbitrary: documentBlock },
  { weight: 1, arbitrary: searchResultBlock },
  { weight: 1, arbitrary: unknownBlock },
  // Results that answer no call (after a compaction or a hand-edited history).
  { weight: 1, arbitrary: toolResultBlock(toolIdArb) },
);

export const assistantNoise: fc.Arbitrary<Loose> = fc.oneof(
  { weight: 6, arbitrary: textBlock },
  { weight: 3, arbitrary: thinkingBlock },
  { weight: 1, arbitrary: serverToolBlocks },
  { weight: 1, arbitrary: unknownBlock },
);
