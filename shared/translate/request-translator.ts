/**
 * Anthropic Messages request → OpenAI Chat Completions request (protocol-checklist §1).
 * Orchestrates the per-part modules and sets the scalar fields. The body is built from an
 * allow-list: nothing of the incoming request is spread into it, so fields Claude Code adds
 * tomorrow are dropped (with a note) instead of reaching an upstream that 400s on them.
 * Pure and synchronous; it never throws on a request that passed anthropic-request-schema,
 * whatever block types it holds. Provider differences come only from `ctx.quirks`.
 */
import type { ProviderQuirks } from '../providers/provider-quirks.ts';
import type { AnthropicMessagesRequest } from './anthropic-request-types.ts';
import { buildSystemPrompt } from './system-prompt.ts';
import { translateMessages } from './message-translator.ts';
import { createRequestNotes, noteCacheControl, type RequestNotes } from './request-notes.ts';
import { sha256Hex } from './sha256.ts';
import { translateThinking } from './thinking-request.ts';
import type { ToolNameMap } from './tool-name-alias.ts';
import { createToolNameAliaser } from './tool-name-aliaser.ts';
import { translateToolChoice, translateTools } from './tool-translator.ts';
import type { TranslationNote } from './translation-note.ts';
import type { UpstreamChatRequest, UpstreamMessage } from './upstream-request-types.ts';

export interface RequestTranslationContext {
  upstreamModel: string;
  quirks: ProviderQuirks;
}

export interface RequestTranslation {
  /** Assignable to the openai SDK's ChatCompletionCreateParams. */
  body: UpstreamChatRequest;
  notes: TranslationNote[];
  /** Upstream tool name → the client's name, for the names that had to change. */
  toolNames: ToolNameMap;
}

const MAX_STOP_SEQUENCES = 4;

/** Top-level fields this module reads; every other field is dropped with a note. */
const TRANSLATED_FIELDS = new Set([
  'model',
  'max_tokens',
  'messages',
  'system',
  'tools',
  'tool_choice',
  'thinking',
  'output_config',
  'metadata',
  'stop_sequences',
  'temperature',
  'top_p',
  'top_k',
  'stream',
]);

const DROP_REASONS = new Map<string, string>(
  Object.entries({
    service_tier: 'service_tier dropped (Anthropic capacity tiers have no OpenAI equivalent)',
    context_management: 'context_management dropped (Anthropic server-side context editing)',
    container: 'container dropped (Anthropic code-execution container)',
    mcp_servers: 'mcp_servers dropped (Anthropic-hosted MCP connector)',
  }),
);

function noteDroppedFields(request: object, notes: RequestNotes): void {
  for (const [key, value] of Object.entries(request)) {
    if (TRANSLATED_FIELDS.has(key) || value === undefined || value === null) continue;
    if (key === 'cache_control') noteCacheControl(notes, key);
    else notes.add('dropped', key, DROP_REASONS.get(key) ?? `${key} dropped (not translated)`);
  }
}

function noteOutputConfig(request: AnthropicMessagesRequest, notes: RequestNotes): void {
  const config = request.output_config;
  if (!config) return;
  for (const [key, value] of Object.entries(config)) {
    if (value === undefined || value === null) continue;
    if (key === 'effort') {
      const type = request.thinking?.type;
      if (type !== 'adaptive' && type !== 'between_tools') {
        notes.add(
          'dropped',
          'output_config.effort',
          'output_config.effort dropped (used only with adaptive thinking)',
        );
      }
    } else {
      notes.add('dropped', `output_config.${key}`, `output_config.${key} dropped (not translated)`);
    }
  }
}

function maxTokensFields(maxTokens: number, quirks: ProviderQuirks, notes: RequestNotes) {
  let value = maxTokens;
  if (quirks.maxTokensCap !== undefined && maxTokens > quirks.maxTokensCap) {
    value = quirks.maxTokensCap;
    notes.add('changed', 'max_tokens', `max_tokens ${maxTokens} → ${value} (upstream limit)`);
  }
  return quirks.maxCompletionTokensField ? { max_completion_tokens: value } : { max_tokens: value };
}

function samplingFields(
  request: AnthropicMessagesRequest,
  quirks: ProviderQuirks,
  notes: RequestNotes,
) {
  const fields: { temperature?: number; top_p?: number; stop?: string[]; top_k?: number } = {};
  const stop = (request.stop_sequences ?? []).filter((sequence) => sequence.length > 0);
  if (quirks.dropSamplingParams) {
    for (const key of ['temperature', 'top_p', 'stop_sequences'] as const) {
      const value = request[key];
      if (value != null && !(Array.isArray(value) && value.length === 0)) {
        notes.add('dropped', key, `${key} dropped (this model accepts only the default)`);
      }
    }
  } else {
    if (request.temperature != null) fields.temperature = request.temperature;
    if (request.top_p != null) fields.top_p = request.top_p;
    if (stop.length > MAX_STOP_SEQUENCES) {
      notes.add(
        'dropped',
        'stop_sequences',
        `stop_sequences beyond the first ${MAX_STOP_SEQUENCES} dropped`,
      );
    }
    if (stop.length > 0) fields.stop = stop.slice(0, MAX_STOP_SEQUENCES);
  }
  if (request.top_k != null) {
    if (quirks.keepTopK) fields.top_k = request.top_k;
    else notes.add('dropped', 'top_k', 'top_k dropped');
  }
  return fields;
}

function userField(request: AnthropicMessagesRequest) {
  const userId = request.metadata?.user_id;
  // Claude Code sends ~150 chars of JSON; OpenAI rejects `user` over 64. A hash keeps it
  // stable per user without sending the ids themselves.
  return userId ? { user: sha256Hex(userId) } : {};
}

export function translateRequest(
  request: AnthropicMessagesRequest,
  ctx: RequestTranslationContext,
): RequestTranslation {
  const { quirks } = ctx;
  const notes = createRequestNotes();
  const aliaser = createToolNameAliaser();

  const system = buildSystemPrompt(request.system, request.messages, notes);
  const thinking = translateThinking(request, quirks, notes);
  const tools = translateTools(request.tools, { quirks, notes, aliaser });
  const toolChoice = translateToolChoice(request.tool_choice, {
    quirks,
    notes,
    aliaser,
    toolNames: new Set(tools.map((tool) => tool.function.name)),
    thinkingOn: thinking.thinkingOn,
  });
  const messages: UpstreamMessage[] = [
    ...(system !== undefined ? [{ role: 'system' as const, content: system }] : []),
    ...translateMessages(request.messages, { quirks, notes, aliaser }),
  ];
  noteDroppedFields(request, notes);
  noteOutputConfig(request, notes);

  const base = {
    model: ctx.upstreamModel,
    messages,
    ...maxTokensFields(request.max_tokens, quirks, notes),
    ...samplingFields(request, quirks, notes),
    ...(tools.length > 0 && { tools }),
    ...toolChoice,
    ...thinking.fields,
    ...userField(request),
  };
  const body: UpstreamChatRequest =
    request.stream === true
      ? { ...base, stream: true, stream_options: { include_usage: true } }
      : base;
  return { body, notes: notes.list(), toolNames: aliaser.names };
}
