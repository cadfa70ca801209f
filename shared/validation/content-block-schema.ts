/**
 * Zod schemas for Anthropic content blocks. Every block needs a string `type`; block types
 * the translator reads are checked for exactly the fields it reads (a tool_use needs its id
 * and name, a tool_result its tool_use_id…), and nothing else. Unknown block types, and
 * unknown fields on known ones, pass through untouched: Claude Code adds new ones often and
 * the translator decides what to do with them (usually: drop with a note).
 */
import { z } from 'zod';
import { forwardIssues } from './issue-message.ts';

const optionalString = z.string().nullish();

const imageSource = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('base64'), media_type: z.string(), data: z.string() }),
  z.looseObject({ type: z.literal('url'), url: z.string() }),
  z.looseObject({ type: z.literal('file'), file_id: z.string() }),
]);

/** Checks only known source types; an unknown one is left to the translator's placeholder. */
function knownSource(schema: z.ZodType, known: ReadonlySet<string>) {
  return z.looseObject({ type: z.string() }).superRefine((source, ctx) => {
    if (!known.has(source.type)) return;
    const result = schema.safeParse(source);
    if (!result.success) forwardIssues(result.error.issues, ctx);
  });
}

const textBlock = z.looseObject({ type: z.literal('text'), text: z.string() });

/** A string or an array of content blocks (message content, tool_result content). */
export const blockContent = z.union([z.string(), z.array(z.lazy(() => contentBlock))]);

const documentSource = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('base64'), media_type: z.string(), data: z.string() }),
  z.looseObject({ type: z.literal('text'), data: z.string() }),
  z.looseObject({ type: z.literal('content'), content: blockContent }),
  z.looseObject({ type: z.literal('url'), url: z.string() }),
  z.looseObject({ type: z.literal('file'), file_id: z.string() }),
]);

// A Map, not an object: a block type such as "constructor" must not find Object's members.
const KNOWN_BLOCKS = new Map<string, z.ZodType>(
  Object.entries({
    text: textBlock,
    image: z.looseObject({ source: knownSource(imageSource, new Set(['base64', 'url', 'file'])) }),
    document: z.looseObject({
      source: knownSource(documentSource, new Set(['base64', 'text', 'content', 'url', 'file'])),
      title: optionalString,
    }),
    search_result: z.looseObject({
      title: z.string(),
      source: z.string(),
      content: z.array(textBlock),
    }),
    tool_use: z.looseObject({ id: z.string(), name: z.string() }),
    tool_result: z.looseObject({
      tool_use_id: z.string(),
      content: blockContent.nullish(),
      is_error: z.boolean().nullish(),
    }),
    tool_reference: z.looseObject({ tool_name: z.string() }),
    // Claude Code echoes thinking with an empty or missing signature when display is omitted.
    thinking: z.looseObject({ thinking: z.string(), signature: optionalString }),
    redacted_thinking: z.looseObject({ data: z.string() }),
  }),
);

/** Any content block: a string `type`, plus the fields of known types. */
export const contentBlock: z.ZodType = z
  .looseObject({ type: z.string() })
  .superRefine((block, ctx) => {
    const schema = KNOWN_BLOCKS.get(block.type);
    if (!schema) return;
    const result = schema.safeParse(block);
    if (!result.success) forwardIssues(result.error.issues, ctx);
  });
