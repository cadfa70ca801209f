/**
 * Rebuilds the Anthropic message a client assembles from the SSE events, following the SDK's
 * MessageStream accumulation (content_block_start appends and ignores `index`; deltas apply
 * by index; message_delta copies usage fields only when non-null). Works on a prefix of the
 * stream too, which is how the detail pane shows an answer growing while it streams.
 */
import type {
  Message,
  ContentBlock,
  RawMessageStreamEvent,
} from '@anthropic-ai/sdk/resources/messages';
import { asObject, asString } from './json-shape.ts';

/** A content block as accumulated so far; tool input stays a string until it parses. */
export type AccumulatedBlock = ContentBlock & { partial_json?: string };

export type AccumulatedMessage = Omit<Partial<Message>, 'content'> & {
  content: AccumulatedBlock[];
};

export interface StreamReconstruction {
  message: AccumulatedMessage;
  /** The `error` event, when the stream failed after it started. */
  error?: { type: string; message: string };
  /** message_stop was seen. */
  complete: boolean;
  /** Events that broke the protocol (a delta for a missing block...), as text. */
  problems: string[];
}

type StreamEvent =
  | RawMessageStreamEvent
  | { type: 'error'; error: { type: string; message: string } }
  | { type: 'ping' };

export function reconstructAnthropicStream(events: readonly unknown[]): StreamReconstruction {
  const out: StreamReconstruction = { message: { content: [] }, complete: false, problems: [] };
  for (const raw of events) {
    const event = asObject(raw) as StreamEvent | undefined;
    if (!event) continue;
    applyEvent(out, event);
  }
  for (const block of out.message.content) {
    if (block.type === 'tool_use' && block.partial_json !== undefined) {
      try {
        block.input = block.partial_json === '' ? {} : JSON.parse(block.partial_json);
        delete block.partial_json;
      } catch {
        // Still streaming or truncated: keep the raw text for the viewer.
      }
    }
  }
  return out;
}

function applyEvent(out: StreamReconstruction, event: StreamEvent): void {
  const msg = out.message;
  switch (event.type) {
    case 'message_start': {
      const { content: _ignored, ...rest } = event.message;
      Object.assign(msg, rest, { content: [] });
      return;
    }
    case 'content_block_start': {
      const block = { ...event.content_block } as AccumulatedBlock;
      if (block.type === 'tool_use') block.partial_json = '';
      msg.content.push(block);
      return;
    }
    case 'content_block_delta': {
      const block = msg.content[event.index];
      if (!block) {
        out.problems.push(`delta for block ${event.index} before its content_block_start`);
        return;
      }
      const delta = event.delta;
      switch (delta.type) {
        case 'text_delta':
          if (block.type === 'text') block.text += delta.text;
          return;
        case 'thinking_delta':
          if (block.type === 'thinking') block.thinking += delta.thinking;
          return;
        case 'signature_delta':
          if (block.type === 'thinking')
            block.signature = (block.signature ?? '') + delta.signature;
          return;
        case 'input_json_delta':
          block.partial_json = (block.partial_json ?? '') + delta.partial_json;
          return;
        case 'citations_delta':
          return;
      }
      return;
    }
    case 'message_delta': {
      msg.stop_reason = event.delta.stop_reason;
      msg.stop_sequence = event.delta.stop_sequence;
      const usage = { ...(msg.usage ?? {}) } as Record<string, unknown>;
      for (const [k, v] of Object.entries(event.usage ?? {}))
        if (v !== null && v !== undefined) usage[k] = v;
      msg.usage = usage as unknown as Message['usage'];
      return;
    }
    case 'message_stop':
      out.complete = true;
      return;
    case 'error':
      out.error = {
        type: asString(asObject(event.error)?.type) ?? 'error',
        message: asString(asObject(event.error)?.message) ?? '',
      };
      return;
    case 'content_block_stop':
    case 'ping':
      return;
  }
}
