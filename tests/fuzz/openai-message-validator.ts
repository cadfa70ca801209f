/**
 * The messages part of openai-request-validator.ts: roles, user content parts, assistant
 * tool calls (ids in the allowed alphabet and length, unique, arguments a JSON object), and
 * tool messages that answer the open calls of the assistant message right before them, in
 * order, before anything else is said.
 */
import type { ProviderQuirks } from '../../shared/providers/provider-quirks.ts';

export type Report = (path: string, message: string) => void;
type Json = Record<string, unknown>;

/** OpenAI's function name rule. */
export const OPENAI_TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const TOOL_CALL_ID = /^[a-zA-Z0-9_-]+$/;
const ROLES = new Set(['system', 'user', 'assistant', 'tool']);
const USER_PART_TYPES = new Set(['text', 'image_url', 'file']);

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function checkMessages(quirks: ProviderQuirks, messages: unknown, problem: Report) {
  if (!Array.isArray(messages)) {
    problem('messages', 'not an array');
    return;
  }
  /** Calls of the last assistant message not yet answered, in order. */
  let open: string[] = [];
  messages.forEach((message: unknown, index) => {
    const path = `messages[${index}]`;
    if (!isRecord(message) || typeof message.role !== 'string' || !ROLES.has(message.role)) {
      problem(path, 'unknown role');
      return;
    }
    if (message.role !== 'tool' && open.length > 0) {
      problem(
        path,
        `calls ${open.join(', ')} not answered before the next ${message.role} message`,
      );
      open = [];
    }
    switch (message.role) {
      case 'system':
        if (index !== 0) problem(path, 'system message after the start of the chat');
        if (typeof message.content !== 'string') problem(`${path}.content`, 'not a string');
        break;
      case 'user':
        checkUserContent(message.content, `${path}.content`, problem);
        break;
      case 'assistant':
        open = checkAssistant(quirks, message, path, problem);
        break;
      case 'tool': {
        const id = message.tool_call_id;
        if (typeof id !== 'string' || open[0] !== id)
          problem(
            `${path}.tool_call_id`,
            `${String(id)} does not answer the next open call (${open[0] ?? 'none'})`,
          );
        else open.shift();
        const content = message.content;
        const textParts =
          Array.isArray(content) &&
          content.every(
            (part: unknown) =>
              isRecord(part) && part.type === 'text' && typeof part.text === 'string',
          );
        if (!(typeof content === 'string' && content !== '') && !textParts)
          problem(`${path}.content`, 'tool content must be non-empty text');
        break;
      }
    }
  });
  if (open.length > 0) problem('messages', `calls ${open.join(', ')} never answered`);
}

function checkUserContent(content: unknown, path: string, problem: Report) {
  if (typeof content === 'string') return;
  if (!Array.isArray(content) || content.length === 0) {
    problem(path, 'must be a string or a non-empty part array');
    return;
  }
  content.forEach((part: unknown, index) => {
    const partPath = `${path}[${index}]`;
    if (!isRecord(part) || typeof part.type !== 'string' || !USER_PART_TYPES.has(part.type)) {
      problem(partPath, `unknown part ${JSON.stringify(isRecord(part) ? part.type : part)}`);
      return;
    }
    if (part.type === 'text' && typeof part.text !== 'string')
      problem(partPath, 'text not a string');
    if (
      part.type === 'image_url' &&
      (!isRecord(part.image_url) || typeof part.image_url.url !== 'string')
    )
      problem(partPath, 'image_url.url not a string');
    if (part.type === 'file' && (!isRecord(part.file) || typeof part.file.file_data !== 'string'))
      problem(partPath, 'file.file_data not a string');
  });
}

/** Checks one assistant message; returns the ids of its calls, which must be answered next. */
function checkAssistant(
  quirks: ProviderQuirks,
  message: Json,
  path: string,
  problem: Report,
): string[] {
  const calls = message.tool_calls;
  const content = message.content;
  if (content !== null && typeof content !== 'string')
    problem(`${path}.content`, 'not a string or null');
  if (calls === undefined) {
    if (content === null) problem(path, 'neither content nor tool calls');
    return [];
  }
  if (!Array.isArray(calls) || calls.length === 0) {
    problem(`${path}.tool_calls`, 'must be a non-empty array when present');
    return [];
  }
  const ids: string[] = [];
  calls.forEach((call: unknown, index) => {
    const callPath = `${path}.tool_calls[${index}]`;
    if (!isRecord(call) || call.type !== 'function' || !isRecord(call.function)) {
      problem(callPath, 'must be {id, type:"function", function}');
      return;
    }
    const { id } = call;
    if (typeof id !== 'string' || !TOOL_CALL_ID.test(id) || id.length > quirks.maxToolCallIdLength)
      problem(`${callPath}.id`, `invalid id ${JSON.stringify(id)}`);
    else if (quirks.maxToolCallIdLength < 16 && id.length !== quirks.maxToolCallIdLength)
      problem(`${callPath}.id`, `must be exactly ${quirks.maxToolCallIdLength} characters`);
    if (typeof id === 'string') {
      if (ids.includes(id)) problem(`${callPath}.id`, `repeated id ${id}`);
      ids.push(id);
    }
    const { name, arguments: args } = call.function;
    if (typeof name !== 'string' || !OPENAI_TOOL_NAME.test(name))
      problem(`${callPath}.function.name`, `invalid name ${JSON.stringify(name)}`);
    if (typeof args !== 'string') problem(`${callPath}.function.arguments`, 'not a string');
    else {
      try {
        if (!isRecord(JSON.parse(args)))
          problem(`${callPath}.function.arguments`, 'not a JSON object');
      } catch {
        problem(`${callPath}.function.arguments`, 'not JSON');
      }
    }
  });
  return ids;
}
