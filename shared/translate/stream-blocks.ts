/**
 * Opening, feeding and closing content blocks for the stream translator. Each function
 * appends the Anthropic events it implies to `events` and updates the state record, so the
 * order rules (one block open at a time, indexes 0, 1, 2…, every delta between its block's
 * start and stop, a signature before a thinking block closes) are kept in one place.
 */
import type { AnthropicStreamEvent } from './anthropic-stream-event.ts';
import type { StreamState, StreamToolCall, TextBlockKind } from './stream-state.ts';
import { takeThinkingSignature } from './thinking-signature.ts';
import { isCompleteJsonObject } from './tool-arguments-repair.ts';
import { originalToolName } from './tool-name-alias.ts';

/** True when a new block may open now: nothing open, or the open block can end for good. */
export function canCloseOpenBlock(state: StreamState): boolean {
  const open = state.open;
  // A tool call whose arguments are not yet a whole object may still get fragments, and
  // once its block is stopped they could not be sent any more; so it stays open.
  return open === null || open.kind !== 'tool_use' || isCompleteJsonObject(open.call.args);
}

export function openTextBlock(
  state: StreamState,
  kind: TextBlockKind,
  events: AnthropicStreamEvent[],
): number {
  const index = state.nextBlockIndex++;
  events.push({
    type: 'content_block_start',
    index,
    content_block:
      kind === 'text'
        ? { type: 'text', text: '', citations: null }
        : { type: 'thinking', thinking: '', signature: '' },
  });
  state.open = { kind, index };
  return index;
}

export function textDelta(kind: TextBlockKind, index: number, text: string): AnthropicStreamEvent {
  return kind === 'text'
    ? { type: 'content_block_delta', index, delta: { type: 'text_delta', text } }
    : { type: 'content_block_delta', index, delta: { type: 'thinking_delta', thinking: text } };
}

export function jsonDelta(index: number, partialJson: string): AnthropicStreamEvent {
  return {
    type: 'content_block_delta',
    index,
    delta: { type: 'input_json_delta', partial_json: partialJson },
  };
}

/** Opens the call's tool_use block and sends the arguments buffered so far, if any. */
export function openToolBlock(
  state: StreamState,
  call: StreamToolCall,
  events: AnthropicStreamEvent[],
): void {
  const index = state.nextBlockIndex++;
  call.phase = 'open';
  call.blockIndex = index;
  events.push({
    type: 'content_block_start',
    index,
    content_block: {
      type: 'tool_use',
      id: call.id,
      name: originalToolName(state.toolNames, call.name),
      input: {},
      caller: { type: 'direct' },
    },
  });
  state.open = { kind: 'tool_use', index, call };
  const buffered = call.args;
  call.args = '';
  sendArguments(state, call, buffered, events);
}

/**
 * Sends an open call's argument fragment, or as much of it as keeps what the client has a
 * prefix of one JSON object: a client cannot parse anything else (the official SDK throws
 * on the whole stream), and sent bytes cannot be taken back. The rest, and every fragment
 * after it, is dropped with a note; closing the block completes what was sent.
 */
export function sendArguments(
  state: StreamState,
  call: StreamToolCall,
  fragment: string,
  events: AnthropicStreamEvent[],
): void {
  const wasBroken = call.json.broken;
  let sent = fragment.slice(0, call.json.feed(fragment));
  // Whitespace alone is not JSON a client can parse; hold it back until the object starts.
  if (call.args === '') sent = sent.trimStart();
  if (sent !== '') {
    call.args += sent;
    events.push(jsonDelta(call.blockIndex, sent));
  }
  if (call.json.broken && !wasBroken) {
    state.notes.push({
      kind: 'dropped',
      field: `content[${call.blockIndex}].input`,
      detail: 'tool arguments stopped being a JSON object; the rest was not sent',
    });
  }
}

export function closeOpenBlock(state: StreamState, events: AnthropicStreamEvent[]): void {
  const open = state.open;
  if (open === null) return;
  switch (open.kind) {
    case 'text':
      break;
    case 'thinking':
      events.push({
        type: 'content_block_delta',
        index: open.index,
        delta: { type: 'signature_delta', signature: takeThinkingSignature(state.carry) },
      });
      break;
    case 'tool_use':
      completeToolArguments(state, open.call, events);
      open.call.phase = 'closed';
      break;
    default:
      assertNever(open);
  }
  events.push({ type: 'content_block_stop', index: open.index });
  state.open = null;
}

/** Emits every pending segment as its own block, in arrival order, and closes the last. */
export function flushPending(state: StreamState, events: AnthropicStreamEvent[]): void {
  for (const segment of state.pending) {
    closeOpenBlock(state, events);
    switch (segment.kind) {
      case 'text':
      case 'thinking': {
        const index = openTextBlock(state, segment.kind, events);
        events.push(textDelta(segment.kind, index, segment.text));
        break;
      }
      case 'tool_use':
        openToolBlock(state, segment.call, events);
        break;
      default:
        assertNever(segment);
    }
  }
  state.pending.length = 0;
  closeOpenBlock(state, events);
}

/**
 * Cut-off arguments (the usual cause: the token limit) are completed by appending what
 * closes their strings and brackets, the one repair possible after fragments were sent.
 */
function completeToolArguments(
  state: StreamState,
  call: StreamToolCall,
  events: AnthropicStreamEvent[],
): void {
  if (call.args.trim() === '' || isCompleteJsonObject(call.args)) return;
  // What was sent is a prefix of one JSON object (sendArguments), so appending completes it.
  const suffix = call.json.suffix();
  call.args += suffix;
  events.push(jsonDelta(call.blockIndex, suffix));
  state.notes.push({
    kind: 'changed',
    field: `content[${call.blockIndex}].input`,
    detail: `closed cut-off tool arguments with ${suffix}`,
  });
}

function assertNever(value: never): never {
  throw new Error(`unexpected stream block: ${JSON.stringify(value)}`);
}
