/**
 * One line per streamed item for the chunk and event timelines: its arrival offset, the gap
 * since the previous item, a type label and a short human summary ("text_delta "Hello""), so
 * users can read a stream's rhythm and content without opening each item.
 */
import type { TimedItem } from '../../shared/traffic/exchange-record.ts';
import { asArray, asObject, asString } from './json-shape.ts';

export interface TimelineItemView {
  index: number;
  offsetMs: number;
  gapMs: number;
  type: string;
  detail: string;
  isError: boolean;
  data: unknown;
}

const DETAIL_LIMIT = 120;

function clip(text: string): string {
  const flat = JSON.stringify(text).slice(1, -1);
  return flat.length > DETAIL_LIMIT ? `${flat.slice(0, DETAIL_LIMIT)}…` : flat;
}

export function describeAnthropicEvent(data: unknown): {
  type: string;
  detail: string;
  isError: boolean;
} {
  const e = asObject(data);
  const type = asString(e?.type) ?? '?';
  switch (type) {
    case 'message_start': {
      const m = asObject(e?.message);
      return {
        type,
        detail: `${asString(m?.id) ?? ''} ${asString(m?.model) ?? ''}`.trim(),
        isError: false,
      };
    }
    case 'content_block_start': {
      const b = asObject(e?.content_block);
      const kind = asString(b?.type) ?? '?';
      const name = asString(b?.name);
      return {
        type,
        detail: `[${String(e?.index)}] ${kind}${name ? ` ${name}` : ''}`,
        isError: false,
      };
    }
    case 'content_block_delta': {
      const d = asObject(e?.delta);
      const kind = asString(d?.type) ?? '?';
      const text = asString(d?.text) ?? asString(d?.thinking) ?? asString(d?.partial_json) ?? '';
      return { type: kind, detail: `[${String(e?.index)}] "${clip(text)}"`, isError: false };
    }
    case 'content_block_stop':
      return { type, detail: `[${String(e?.index)}]`, isError: false };
    case 'message_delta': {
      const d = asObject(e?.delta);
      const u = asObject(e?.usage);
      return {
        type,
        detail: `stop_reason=${String(d?.stop_reason)} output_tokens=${String(u?.output_tokens ?? '')}`,
        isError: false,
      };
    }
    case 'error': {
      const err = asObject(e?.error);
      return {
        type,
        detail: `${asString(err?.type) ?? ''}: ${asString(err?.message) ?? ''}`,
        isError: true,
      };
    }
    default:
      return { type, detail: '', isError: false };
  }
}

export function describeOpenAiChunk(data: unknown): {
  type: string;
  detail: string;
  isError: boolean;
} {
  const c = asObject(data);
  if (!c)
    return {
      type: typeof data === 'string' ? 'raw' : '?',
      detail: clip(String(data)),
      isError: false,
    };
  if (c.error !== undefined) {
    const err = asObject(c.error);
    return {
      type: 'error',
      detail: clip(asString(err?.message) ?? JSON.stringify(c.error)),
      isError: true,
    };
  }
  const choice = asObject(asArray(c.choices)?.[0]);
  const delta = asObject(choice?.delta);
  const parts: string[] = [];
  let type = 'chunk';
  const reasoning = asString(delta?.reasoning_content) ?? asString(delta?.reasoning);
  if (reasoning) {
    type = 'reasoning';
    parts.push(`"${clip(reasoning)}"`);
  }
  const content = asString(delta?.content);
  if (content) {
    type = 'content';
    parts.push(`"${clip(content)}"`);
  }
  for (const raw of asArray(delta?.tool_calls) ?? []) {
    const call = asObject(raw);
    const fn = asObject(call?.function);
    type = 'tool_calls';
    const name = asString(fn?.name);
    parts.push(
      `#${String(call?.index ?? '?')}${name ? ` ${name}` : ''} ${clip(asString(fn?.arguments) ?? '')}`.trim(),
    );
  }
  const finish = asString(choice?.finish_reason);
  if (finish) {
    if (type === 'chunk') type = 'finish';
    parts.push(`finish_reason=${finish}`);
  }
  const usage = asObject(c.usage);
  if (usage) {
    if (type === 'chunk') type = 'usage';
    parts.push(
      `prompt=${String(usage.prompt_tokens)} completion=${String(usage.completion_tokens)}`,
    );
  }
  if (delta?.role && parts.length === 0) {
    type = 'role';
    parts.push(String(delta.role));
  }
  return { type, detail: parts.join(' '), isError: false };
}

/** Offsets are sub-millisecond floats; one decimal is all a reader can use. */
function round1(ms: number): number {
  return Math.round(ms * 10) / 10;
}

export function buildTimelineItems(
  items: readonly TimedItem[],
  describe: (data: unknown) => { type: string; detail: string; isError: boolean },
): TimelineItemView[] {
  let previous = 0;
  return items.map((item, index) => {
    const view = {
      index,
      offsetMs: round1(item.offsetMs),
      gapMs: index === 0 ? 0 : round1(item.offsetMs - previous),
      ...describe(item.data),
      data: item.data,
    };
    previous = item.offsetMs;
    return view;
  });
}
