/**
 * Anthropic tool definitions and tool_choice → OpenAI `tools` and `tool_choice`. Built from
 * an allow-list (name, description, input_schema), so Anthropic-only fields such as
 * cache_control, defer_loading, strict or input_examples never reach the upstream; each such
 * field gets one note however many tools carry it. Server tools (web_search, bash, text
 * editor, code execution…) have no input_schema, run on Anthropic's side, and are dropped.
 */
import type { ToolChoice, ToolUnion } from '@anthropic-ai/sdk/resources/messages';
import type {
  ChatCompletionFunctionTool,
  ChatCompletionToolChoiceOption,
} from 'openai/resources/chat/completions';
import type { ProviderQuirks } from '../providers/provider-quirks.ts';
import { cleanSchemaForGemini } from './json-schema-cleaner.ts';
import { checkCacheControl, type RequestNotes } from './request-notes.ts';
import type { ToolNameAliaser } from './tool-name-aliaser.ts';

export interface ToolTranslationContext {
  quirks: ProviderQuirks;
  notes: RequestNotes;
  aliaser: ToolNameAliaser;
}

const TRANSLATED_TOOL_FIELDS = new Set(['name', 'description', 'input_schema', 'type']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** OpenAI wants an object schema with `properties`; some servers 400 without them. */
function toParameters(inputSchema: Record<string, unknown>, quirks: ProviderQuirks) {
  const schema = quirks.geminiSchemaCleaning
    ? cleanSchemaForGemini(inputSchema)
    : { ...inputSchema };
  if (schema.type === undefined) schema.type = 'object';
  if (schema.type === 'object' && !isRecord(schema.properties)) schema.properties = {};
  return schema;
}

export function translateTools(
  tools: readonly ToolUnion[] | null | undefined,
  ctx: ToolTranslationContext,
): ChatCompletionFunctionTool[] {
  const out: ChatCompletionFunctionTool[] = [];
  (tools ?? []).forEach((tool, index) => {
    const fields = tool as unknown as Record<string, unknown>;
    const path = `tools[${index}]`;
    const originalName = typeof fields.name === 'string' ? fields.name : undefined;
    if (!isRecord(fields.input_schema) || originalName === undefined) {
      const label = [fields.type ?? 'tool', originalName]
        .filter((part) => part !== undefined)
        .join(' ');
      const why = isRecord(fields.input_schema) ? 'no name' : 'no input_schema (server tool)';
      ctx.notes.add('dropped', path, `${label} dropped: ${why}`);
      return;
    }
    for (const key of Object.keys(fields)) {
      if (key === 'cache_control') checkCacheControl(ctx.notes, fields, path);
      else if (!TRANSLATED_TOOL_FIELDS.has(key) && fields[key] != null) {
        ctx.notes.add('dropped', `${path}.${key}`, `tools[].${key} dropped`, `tool-field:${key}`);
      }
    }
    const name = ctx.aliaser.upstreamName(originalName);
    if (name !== originalName) {
      ctx.notes.add('changed', `${path}.name`, `tool name "${originalName}" sent as "${name}"`);
    }
    const description = typeof fields.description === 'string' ? fields.description : undefined;
    out.push({
      type: 'function',
      function: {
        name,
        ...(description !== undefined && { description }),
        parameters: toParameters(fields.input_schema, ctx.quirks),
      },
    });
  });
  return out;
}

export interface ToolChoiceFields {
  tool_choice?: ChatCompletionToolChoiceOption;
  parallel_tool_calls?: false;
}

export function translateToolChoice(
  choice: ToolChoice | null | undefined,
  opts: ToolTranslationContext & {
    /** Upstream names of the tools sent (server tools are not among them). */
    toolNames: ReadonlySet<string>;
    thinkingOn: boolean;
  },
): ToolChoiceFields {
  if (!choice) return {};
  if (opts.toolNames.size === 0) {
    opts.notes.add('dropped', 'tool_choice', 'tool_choice dropped: no tools to choose from');
    return {};
  }
  const fields: ToolChoiceFields = {};
  if ('disable_parallel_tool_use' in choice && choice.disable_parallel_tool_use === true) {
    fields.parallel_tool_calls = false;
  }
  if (opts.quirks.dropToolChoiceWithThinking && opts.thinkingOn) {
    opts.notes.add(
      'dropped',
      'tool_choice',
      'tool_choice dropped: the upstream rejects it while thinking',
    );
    return fields;
  }
  switch (choice.type) {
    case 'auto':
      fields.tool_choice = 'auto';
      break;
    case 'any':
      fields.tool_choice = 'required';
      opts.notes.add('changed', 'tool_choice', 'tool_choice any → required');
      break;
    case 'tool': {
      const name = opts.aliaser.upstreamName(choice.name);
      if (!opts.toolNames.has(name)) {
        // A forced server tool (web_search…) is not sent; naming it would be a 400 upstream.
        opts.notes.add(
          'dropped',
          'tool_choice',
          `tool_choice dropped: ${choice.name} is not among the tools sent upstream`,
        );
        break;
      }
      fields.tool_choice = { type: 'function', function: { name } };
      break;
    }
    case 'none':
      fields.tool_choice = 'none';
      break;
    default: {
      const unknownType = (choice as { type: unknown }).type;
      opts.notes.add(
        'dropped',
        'tool_choice',
        `tool_choice type ${String(unknownType)} not understood`,
      );
    }
  }
  return fields;
}
