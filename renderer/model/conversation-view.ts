/**
 * The conversation as a person reads it (claude-trace style): the system prompt, each message
 * as a list of typed blocks (text, thinking, tool calls with their inputs, tool results
 * linked back to the tool's name, images, documents), then the answer, rebuilt from the
 * stream while it grows. Built from the Anthropic request as received and the Anthropic
 * response; tolerant of any malformed body (unknown blocks show as raw JSON).
 */
import type { ToolResultBlockParam } from '@anthropic-ai/sdk/resources/messages';
import { reconstructAnthropicStream } from './anthropic-message-builder.ts';
import { asArray, asObject, asString, isTimedList, jsonText } from './json-shape.ts';

export interface ImageRef {
  /** A data: or http(s): URL; undefined when the source kind is unknown. */
  src?: string;
  mediaType?: string;
  /** Decoded size of base64 data, when known. */
  bytes?: number;
}

export type ConversationBlock =
  | { kind: 'text'; text: string; reminder: boolean }
  | { kind: 'thinking'; text: string; redacted: boolean }
  | { kind: 'tool-use'; id: string; name: string; input: unknown; partialJson?: string }
  | {
      kind: 'tool-result';
      toolUseId: string;
      toolName?: string;
      isError: boolean;
      text: string;
      images: ImageRef[];
    }
  | { kind: 'image'; image: ImageRef }
  | { kind: 'document'; title: string; mediaType?: string }
  | { kind: 'other'; type: string; value: unknown };

export interface ConversationMessage {
  index: number;
  role: string;
  blocks: ConversationBlock[];
}

export interface SystemBlockView {
  text: string;
  cached: boolean;
}

export interface ConversationView {
  system: SystemBlockView[];
  systemChars: number;
  tools: { name: string; description: string }[];
  messages: ConversationMessage[];
  response?: ConversationMessage;
  responseError?: { type: string; message: string };
  /** The response is still streaming. */
  responseLive: boolean;
}

const REMINDER = /^\s*<system-reminder>[\s\S]*<\/system-reminder>\s*$/;

export function systemBlocks(system: unknown): SystemBlockView[] {
  const text = asString(system);
  if (text !== undefined) return text === '' ? [] : [{ text, cached: false }];
  return (asArray(system) ?? []).flatMap((raw) => {
    const block = asObject(raw);
    const t = asString(block?.text);
    return t === undefined ? [] : [{ text: t, cached: block?.cache_control !== undefined }];
  });
}

function imageRef(source: unknown): ImageRef {
  const s = asObject(source);
  const type = asString(s?.type);
  const mediaType = asString(s?.media_type);
  if (type === 'base64') {
    const data = asString(s?.data) ?? '';
    return {
      src: `data:${mediaType ?? 'image/png'};base64,${data}`,
      mediaType,
      bytes: Math.floor((data.length * 3) / 4),
    };
  }
  if (type === 'url') return { src: asString(s?.url), mediaType };
  return { mediaType };
}

function toolResultContent(content: ToolResultBlockParam['content'] | unknown): {
  text: string;
  images: ImageRef[];
} {
  const text = asString(content);
  if (text !== undefined) return { text, images: [] };
  const parts: string[] = [];
  const images: ImageRef[] = [];
  for (const raw of asArray(content) ?? []) {
    const part = asObject(raw);
    if (part?.type === 'text') parts.push(asString(part.text) ?? '');
    else if (part?.type === 'image') images.push(imageRef(part.source));
    else parts.push(jsonText(raw));
  }
  return { text: parts.join('\n'), images };
}

export function contentBlocks(
  content: unknown,
  toolNames: ReadonlyMap<string, string>,
): ConversationBlock[] {
  const text = asString(content);
  if (text !== undefined) return [{ kind: 'text', text, reminder: REMINDER.test(text) }];
  return (asArray(content) ?? []).map((raw): ConversationBlock => {
    const block = asObject(raw);
    const type = asString(block?.type) ?? '?';
    switch (type) {
      case 'text': {
        const t = asString(block?.text) ?? '';
        return { kind: 'text', text: t, reminder: REMINDER.test(t) };
      }
      case 'thinking':
        return { kind: 'thinking', text: asString(block?.thinking) ?? '', redacted: false };
      case 'redacted_thinking':
        return { kind: 'thinking', text: '', redacted: true };
      case 'tool_use':
      case 'server_tool_use':
        return {
          kind: 'tool-use',
          id: asString(block?.id) ?? '',
          name: asString(block?.name) ?? '?',
          input: block?.input,
          partialJson: asString(block?.partial_json),
        };
      case 'tool_result': {
        const id = asString(block?.tool_use_id) ?? '';
        return {
          kind: 'tool-result',
          toolUseId: id,
          toolName: toolNames.get(id),
          isError: block?.is_error === true,
          ...toolResultContent(block?.content),
        };
      }
      case 'image':
        return { kind: 'image', image: imageRef(block?.source) };
      case 'document': {
        const source = asObject(block?.source);
        return {
          kind: 'document',
          title: asString(block?.title) ?? asString(source?.media_type) ?? 'document',
          mediaType: asString(source?.media_type),
        };
      }
      default:
        return { kind: 'other', type, value: raw };
    }
  });
}

/** tool_use id → tool name, across every message (results name the tool they answer). */
export function toolNamesById(messages: readonly unknown[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const raw of messages) {
    for (const b of asArray(asObject(raw)?.content) ?? []) {
      const block = asObject(b);
      const id = asString(block?.id);
      const name = asString(block?.name);
      if (block?.type === 'tool_use' && id && name) names.set(id, name);
    }
  }
  return names;
}

/** The answer as a message: a JSON body, or the message rebuilt from the recorded events. */
export function responseMessage(anthropicResponse: unknown): {
  content?: unknown;
  error?: { type: string; message: string };
  live: boolean;
} {
  if (anthropicResponse === undefined) return { live: true };
  if (isTimedList(anthropicResponse)) {
    const r = reconstructAnthropicStream(anthropicResponse.map((i) => i.data));
    return { content: r.message.content, error: r.error, live: !r.complete && !r.error };
  }
  const body = asObject(anthropicResponse);
  if (body?.type === 'error') {
    const err = asObject(body.error);
    return {
      error: { type: asString(err?.type) ?? 'error', message: asString(err?.message) ?? '' },
      live: false,
    };
  }
  return { content: body?.content, live: false };
}

/** The request half: stable while the answer streams, so it is built once per record. */
export interface RequestConversation {
  system: SystemBlockView[];
  systemChars: number;
  tools: { name: string; description: string }[];
  messages: ConversationMessage[];
}

/** The answer half, rebuilt as events arrive. */
export interface ResponseConversation {
  response?: ConversationMessage;
  responseError?: { type: string; message: string };
  responseLive: boolean;
}

export function buildRequestConversation(anthropicRequest: unknown): RequestConversation {
  const req = asObject(anthropicRequest);
  const rawMessages = asArray(req?.messages) ?? [];
  const system = systemBlocks(req?.system);
  const names = toolNamesById(rawMessages);
  return {
    system,
    systemChars: system.reduce((n, b) => n + b.text.length, 0),
    tools: (asArray(req?.tools) ?? []).map((raw) => {
      const t = asObject(raw);
      return {
        name: asString(t?.name) ?? asString(t?.type) ?? '?',
        description: asString(t?.description) ?? '',
      };
    }),
    messages: rawMessages.map((raw, index) => {
      const m = asObject(raw);
      return { index, role: asString(m?.role) ?? '?', blocks: contentBlocks(m?.content, names) };
    }),
  };
}

/**
 * @param index position of the answer after the request's messages.
 * @param finished the call ended (an answer cut short is then no longer "live").
 */
export function buildResponseConversation(
  anthropicResponse: unknown,
  index: number,
  finished: boolean,
): ResponseConversation {
  const answer = responseMessage(anthropicResponse);
  const names = toolNamesById(answer.content !== undefined ? [{ content: answer.content }] : []);
  return {
    response:
      answer.content !== undefined
        ? { index, role: 'assistant', blocks: contentBlocks(answer.content, names) }
        : undefined,
    responseError: answer.error,
    responseLive: answer.live && !finished,
  };
}

export function buildConversation(
  anthropicRequest: unknown,
  anthropicResponse: unknown,
  finished: boolean,
): ConversationView {
  const request = buildRequestConversation(anthropicRequest);
  return {
    ...request,
    ...buildResponseConversation(anthropicResponse, request.messages.length, finished),
  };
}
