/**
 * Which of the request's tools the simulated upstream "calls", and with what arguments.
 *
 * The calls are real to the client: Claude Code runs whatever tool a model asks for (after
 * its permission prompt for some). So the simulator only ever picks tools whose names say
 * they read (Read, Glob, Grep, read_file, search_code, get_weather, ...) and none that
 * writes, edits, runs commands, schedules or starts agents; an unknown name does not
 * qualify. When no tool qualifies it answers with text instead. Arguments are built from each tool's JSON
 * schema (required properties, typed, with plausible values chosen by property name), so
 * the calls are well-formed without knowing the tool.
 */
import type { ChatCompletionFunctionTool } from 'openai/resources/chat/completions';

/** Names that say the tool only reads. */
const READING_NAME = /^(read|glob|grep|ls|list|search|find|get|lookup|view|show|describe)/i;
/** Names that suggest side effects, even after a reading prefix ("read_and_delete"). */
const UNSAFE_NAME =
  /write|edit|delete|remove|bash|shell|exec|run|command|kill|notebook|create|update|patch|move|rename|install|commit|push|deploy|send|post|todo|task|agent|exit|plan|schedule|mcp__/i;

export function isSafeToSimulate(name: string): boolean {
  return READING_NAME.test(name) && !UNSAFE_NAME.test(name);
}

/** The function tools the simulator may call, in the request's order. */
export function callableTools(
  tools: readonly { type: string }[] | undefined,
): ChatCompletionFunctionTool[] {
  return (tools ?? []).filter(
    (tool): tool is ChatCompletionFunctionTool =>
      tool.type === 'function' &&
      isSafeToSimulate((tool as ChatCompletionFunctionTool).function.name),
  );
}

interface SchemaNode {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  enum?: unknown[];
  minimum?: number;
  default?: unknown;
}

function asSchema(value: unknown): SchemaNode {
  return typeof value === 'object' && value !== null ? (value as SchemaNode) : {};
}

function typeOf(node: SchemaNode): string | undefined {
  if (Array.isArray(node.type)) return node.type.find((t) => t !== 'null');
  if (node.type) return node.type;
  return node.properties ? 'object' : undefined;
}

function stringFor(name: string): string {
  if (/url|uri|link/i.test(name)) return 'https://example.com/docs';
  if (/path|file|dir/i.test(name)) return 'README.md';
  if (/pattern|glob/i.test(name)) return '**/*.ts';
  if (/query|search|term|keyword|^q$/i.test(name)) return 'stream translator';
  if (/city|location|place/i.test(name)) return 'Lisbon';
  if (/unit/i.test(name)) return 'celsius';
  if (/lang/i.test(name)) return 'typescript';
  if (/id$/i.test(name)) return 'demo-1';
  return 'example';
}

function valueFor(name: string, node: SchemaNode, depth: number): unknown {
  if (node.enum && node.enum.length > 0) return node.enum[0];
  if (node.default !== undefined) return node.default;
  switch (typeOf(node)) {
    case 'string':
      return stringFor(name);
    case 'integer':
    case 'number':
      return node.minimum !== undefined && node.minimum > 3 ? node.minimum : 3;
    case 'boolean':
      return false;
    case 'array':
      return depth > 2 ? [] : [valueFor(name, asSchema(node.items), depth + 1)];
    case 'object':
      return depth > 2 ? {} : objectFor(node, depth + 1);
    default:
      return stringFor(name);
  }
}

function objectFor(node: SchemaNode, depth: number): Record<string, unknown> {
  const properties = node.properties ?? {};
  const names = Object.keys(properties);
  // The required ones, or the first property when nothing is required (an empty call
  // looks broken in the inspector).
  const wanted = node.required?.filter((name) => name in properties) ?? [];
  const chosen = wanted.length > 0 ? wanted : names.slice(0, 1);
  const out: Record<string, unknown> = {};
  for (const name of chosen) out[name] = valueFor(name, asSchema(properties[name]), depth);
  return out;
}

/** The arguments JSON of a call to `tool`, built from its parameters schema. */
export function argumentsFor(tool: ChatCompletionFunctionTool): string {
  return JSON.stringify(objectFor(asSchema(tool.function.parameters), 0));
}
