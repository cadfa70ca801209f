/**
 * A structural check of a Chat Completions request as OpenAI and the stricter
 * OpenAI-compatible servers validate it, written from their documented rules rather than
 * from the translator (so it can disagree with it): roles, content part shapes, tool calls
 * answered by tool messages right after their assistant message, tool names and ids in the
 * allowed alphabet and length, object parameter schemas, no Anthropic-only fields
 * (cache_control…), max tokens within the provider's cap, and the per-provider rules the
 * quirks promise (no sampling fields on reasoning models, no tool_choice with DeepSeek
 * thinking, Gemini-clean schemas). Returns every problem found, each naming its path.
 * The messages are checked by openai-message-validator.ts.
 */
import type { ProviderQuirks } from '../../shared/providers/provider-quirks.ts';
import type { UpstreamChatRequest } from '../../shared/translate/upstream-request-types.ts';
import {
  checkMessages,
  isRecord,
  OPENAI_TOOL_NAME,
  type Report,
} from './openai-message-validator.ts';

/** Fields that mean something only to Anthropic; an upstream may 400 on any of them. */
const ANTHROPIC_ONLY_KEYS = new Set([
  'cache_control',
  'defer_loading',
  'input_examples',
  'citations',
  'tool_use_id',
  'input_schema',
]);
/** What Gemini's OpenAI endpoint refuses inside a tool schema. */
const GEMINI_REFUSED_SCHEMA_KEYS = new Set([
  '$schema',
  '$id',
  '$ref',
  '$defs',
  'definitions',
  'additionalProperties',
  'propertyNames',
  'const',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'default',
  'examples',
  'title',
]);
/** Top-level fields this proxy may send. */
const KNOWN_TOP_LEVEL = new Set([
  'model',
  'messages',
  'max_tokens',
  'max_completion_tokens',
  'temperature',
  'top_p',
  'top_k',
  'stop',
  'stream',
  'stream_options',
  'tools',
  'tool_choice',
  'parallel_tool_calls',
  'reasoning_effort',
  'reasoning',
  'thinking',
  'user',
]);

type Json = Record<string, unknown>;

export interface ValidationInput {
  body: UpstreamChatRequest;
  quirks: ProviderQuirks;
  /** The client's max_tokens. */
  requestedMaxTokens: number;
  /** Whether the client asked for a stream. */
  stream: boolean;
  /** Whether the upstream will think (thinking on, or a model that always does). */
  thinkingOn: boolean;
}

export function openAIRequestProblems(input: ValidationInput): string[] {
  const { quirks } = input;
  const body = input.body as unknown as Json;
  const problems: string[] = [];
  const problem = (path: string, message: string) => problems.push(`${path}: ${message}`);

  // JSON round trip: no undefined that vanishes, no NaN that turns into null.
  if (JSON.stringify(body) !== JSON.stringify(JSON.parse(JSON.stringify(body)))) {
    problem('body', 'does not survive a JSON round trip');
  }
  findKeys(body, '', (path, key, value, parentIsProperties) => {
    // A schema's `properties` map holds the tool's own parameter names, which may be anything.
    if (ANTHROPIC_ONLY_KEYS.has(key) && !parentIsProperties)
      problem(path, `Anthropic-only field ${key}`);
    if (typeof value === 'number' && !Number.isFinite(value)) problem(path, 'non-finite number');
    if (value === undefined) problem(path, 'undefined value');
  });
  for (const key of Object.keys(body)) {
    if (!KNOWN_TOP_LEVEL.has(key)) problem(key, 'unknown top-level field');
  }

  if (typeof body.model !== 'string' || body.model === '') problem('model', 'missing');
  checkMaxTokens(input, body, problem);
  checkSampling(quirks, body, problem);
  checkStreamFields(input, body, problem);
  const toolNames = checkTools(quirks, body, problem);
  checkToolChoice(input, body, toolNames, problem);
  checkReasoningFields(input, body, problem);
  if (body.user !== undefined && (typeof body.user !== 'string' || body.user.length > 64)) {
    problem('user', 'must be a string of at most 64 characters');
  }
  checkMessages(quirks, body.messages, problem);
  return problems;
}

function checkMaxTokens(
  { quirks, requestedMaxTokens }: ValidationInput,
  body: Json,
  problem: Report,
) {
  const field = quirks.maxCompletionTokensField ? 'max_completion_tokens' : 'max_tokens';
  const other = quirks.maxCompletionTokensField ? 'max_tokens' : 'max_completion_tokens';
  const value = body[field];
  if (body[other] !== undefined) problem(other, `sent instead of ${field}`);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    problem(field, 'must be a positive integer');
    return;
  }
  const expected = Math.min(requestedMaxTokens, quirks.maxTokensCap ?? Infinity);
  if (value !== expected)
    problem(field, `is ${value}, expected ${expected} (requested or the cap)`);
}

function checkSampling(quirks: ProviderQuirks, body: Json, problem: Report) {
  if (quirks.dropSamplingParams) {
    for (const key of ['temperature', 'top_p', 'stop'])
      if (body[key] !== undefined) problem(key, 'sent to a model that accepts only the default');
  }
  if (!quirks.keepTopK && body.top_k !== undefined)
    problem('top_k', 'sent to an upstream without it');
  const stop = body.stop;
  if (stop !== undefined) {
    if (!Array.isArray(stop) || stop.length === 0 || stop.length > 4)
      problem('stop', 'must be 1 to 4 strings');
    else if (stop.some((item) => typeof item !== 'string' || item === ''))
      problem('stop', 'holds an empty or non-string entry');
  }
}

function checkStreamFields({ stream }: ValidationInput, body: Json, problem: Report) {
  if (stream) {
    if (body.stream !== true) problem('stream', 'missing on a streaming call');
    if (!isRecord(body.stream_options) || body.stream_options.include_usage !== true)
      problem('stream_options', 'include_usage missing on a streaming call');
  } else {
    if (body.stream === true) problem('stream', 'set on a non-streaming call');
    if (body.stream_options !== undefined) problem('stream_options', 'sent without stream');
  }
}

function checkTools(quirks: ProviderQuirks, body: Json, problem: Report): Set<string> {
  const names = new Set<string>();
  if (body.tools === undefined) return names;
  if (!Array.isArray(body.tools) || body.tools.length === 0) {
    problem('tools', 'must be a non-empty array when present');
    return names;
  }
  body.tools.forEach((tool: unknown, index) => {
    const path = `tools[${index}]`;
    if (!isRecord(tool) || tool.type !== 'function' || !isRecord(tool.function)) {
      problem(path, 'must be {type:"function", function:{…}}');
      return;
    }
    const { name, parameters, description } = tool.function;
    if (typeof name !== 'string' || !OPENAI_TOOL_NAME.test(name))
      problem(`${path}.name`, `invalid name ${JSON.stringify(name)}`);
    else {
      if (names.has(name)) problem(`${path}.name`, `duplicate name ${name}`);
      names.add(name);
      if (quirks.geminiSchemaCleaning && !/^[a-zA-Z_]/.test(name))
        problem(`${path}.name`, 'Gemini wants a leading letter or underscore');
    }
    if (description !== undefined && typeof description !== 'string')
      problem(`${path}.description`, 'not a string');
    if (!isRecord(parameters) || parameters.type !== 'object' || !isRecord(parameters.properties)) {
      problem(`${path}.parameters`, 'must be an object schema with properties');
    } else if (quirks.geminiSchemaCleaning) {
      findKeys(parameters, `${path}.parameters`, (keyPath, key, _value, parentIsProperties) => {
        if (!parentIsProperties && GEMINI_REFUSED_SCHEMA_KEYS.has(key))
          problem(keyPath, `Gemini refuses ${key}`);
      });
    }
  });
  return names;
}

function checkToolChoice(
  { quirks, thinkingOn }: ValidationInput,
  body: Json,
  toolNames: Set<string>,
  problem: Report,
) {
  const choice = body.tool_choice;
  if (body.parallel_tool_calls !== undefined) {
    if (body.tools === undefined) problem('parallel_tool_calls', 'sent without tools');
    if (typeof body.parallel_tool_calls !== 'boolean')
      problem('parallel_tool_calls', 'not a boolean');
  }
  if (choice === undefined) return;
  if (body.tools === undefined) problem('tool_choice', 'sent without tools');
  if (quirks.dropToolChoiceWithThinking && thinkingOn)
    problem('tool_choice', 'sent while the upstream thinks');
  if (typeof choice === 'string') {
    if (!['auto', 'required', 'none'].includes(choice)) problem('tool_choice', `unknown ${choice}`);
  } else if (
    !isRecord(choice) ||
    choice.type !== 'function' ||
    !isRecord(choice.function) ||
    typeof choice.function.name !== 'string' ||
    !toolNames.has(choice.function.name)
  ) {
    problem('tool_choice', 'must name a defined function');
  }
}

function checkReasoningFields(
  { quirks, thinkingOn }: ValidationInput,
  body: Json,
  problem: Report,
) {
  const sent = ['reasoning_effort', 'reasoning', 'thinking'].filter(
    (key) => body[key] !== undefined,
  );
  if (!thinkingOn || quirks.reasoningRequest === 'none') {
    // DeepSeek 400s on "disabled + effort"; plain chat models 400 on reasoning_effort.
    if (sent.length > 0 && !quirks.alwaysThinks)
      problem(sent.join(','), 'reasoning fields while thinking is off');
    return;
  }
  const allowed: Record<ProviderQuirks['reasoningRequest'], string[]> = {
    reasoning_effort: ['reasoning_effort'],
    openrouter: ['reasoning'],
    deepseek: ['thinking', 'reasoning_effort'],
    none: [],
  };
  for (const key of sent)
    if (!allowed[quirks.reasoningRequest].includes(key))
      problem(key, `not how ${quirks.reasoningRequest} asks for reasoning`);
  const effort = body.reasoning_effort;
  if (effort !== undefined && !['low', 'medium', 'high'].includes(effort as string))
    problem('reasoning_effort', `unknown effort ${String(effort)}`);
}

/** Visits every key of a JSON value (with whether its parent is a schema's `properties` map). */
function findKeys(
  value: unknown,
  path: string,
  visit: (path: string, key: string, value: unknown, parentIsProperties: boolean) => void,
  parentKey = '',
): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => findKeys(item, `${path}[${index}]`, visit));
    return;
  }
  if (!isRecord(value)) return;
  for (const [key, inner] of Object.entries(value)) {
    const innerPath = path ? `${path}.${key}` : key;
    visit(innerPath, key, inner, parentKey === 'properties');
    findKeys(inner, innerPath, visit, key);
  }
}
