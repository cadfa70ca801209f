/**
 * Tool-call deltas → tool_use blocks, for the stream translator.
 *
 * Which call a delta belongs to is the hard part, because servers disagree:
 * - OpenAI: `index` on every delta, `id` and `name` on the first one only;
 * - Ollama: `index` 0 for every call, a new `id` for each (ollama#15457), sometimes no id;
 * - old Ollama and Gemini: no `index` at all, each call whole in one delta;
 * - some servers repeat the id on every fragment.
 * So: a known id is that call; a new id is a new call; else the call last seen at that
 * `index` (or the last call when there is no index) — unless the delta names a tool again
 * while that call's arguments are already a whole object, which means a second whole call.
 */
import type { AnthropicStreamEvent } from './anthropic-stream-event.ts';
import {
  canCloseOpenBlock,
  closeOpenBlock,
  openToolBlock,
  sendArguments,
} from './stream-blocks.ts';
import { JsonTextScanner } from './json-text-scanner.ts';
import type { StreamState, StreamToolCall } from './stream-state.ts';
import { setThoughtSignature } from './thinking-signature.ts';
import { isCompleteJsonObject } from './tool-arguments-repair.ts';
import { synthesizeToolUseId, toAnthropicToolUseId } from './tool-use-id.ts';

export interface ToolCallDelta {
  index: number | undefined;
  id: string | undefined;
  name: string | undefined;
  args: string | undefined;
  /** Gemini's thought_signature, when the delta has one. */
  thoughtSignature: string | null;
}

export function addToolCallDelta(
  state: StreamState,
  delta: ToolCallDelta,
  events: AnthropicStreamEvent[],
): void {
  if (delta.thoughtSignature !== null) setThoughtSignature(state.carry, delta.thoughtSignature);
  let call = findCall(state, delta);
  if (call === null) {
    call = beginCall(state, delta, events);
  } else if (call.name === '' && delta.name) {
    call.name = delta.name;
  }
  const args = delta.args;
  if (!args) return;
  state.outputChars += args.length;
  switch (call.phase) {
    case 'open':
      sendArguments(state, call, args, events);
      break;
    case 'pending':
      call.args += args;
      break;
    case 'closed':
      // Only a call whose arguments were already a whole object gets closed early, so
      // anything after that can only be whitespace or garbage; it cannot be sent any more.
      if (args.trim() !== '') {
        state.notes.push({
          kind: 'dropped',
          field: `content[${call.blockIndex}].input`,
          detail: 'argument fragment after the arguments were complete',
        });
      }
      break;
    default:
      assertNever(call.phase);
  }
}

function findCall(state: StreamState, delta: ToolCallDelta): StreamToolCall | null {
  let known: StreamToolCall | undefined;
  if (delta.id) known = state.callsById.get(delta.id);
  else if (delta.index !== undefined) known = state.callsByIndex.get(delta.index);
  else known = state.calls[state.calls.length - 1];
  if (known === undefined) return null;
  const namesAnotherWholeCall =
    !!delta.name && known.name !== '' && isCompleteJsonObject(known.args);
  return namesAnotherWholeCall ? null : known;
}

function beginCall(
  state: StreamState,
  delta: ToolCallDelta,
  events: AnthropicStreamEvent[],
): StreamToolCall {
  const ordinal = state.calls.length;
  let id = delta.id
    ? toAnthropicToolUseId(delta.id)
    : synthesizeToolUseId(state.messageId, ordinal);
  if (state.usedToolUseIds.has(id)) id += '_' + String(ordinal);
  state.usedToolUseIds.add(id);
  const call: StreamToolCall = {
    ordinal,
    upstreamId: delta.id || null,
    id,
    name: delta.name ?? '',
    args: '',
    json: new JsonTextScanner({ strict: true, objectOnly: true }),
    phase: 'pending',
    blockIndex: -1,
  };
  state.calls.push(call);
  if (delta.id) state.callsById.set(delta.id, call);
  if (delta.index !== undefined) state.callsByIndex.set(delta.index, call);
  // A block needs its name at content_block_start; a nameless call waits for finishStream.
  if (state.pending.length === 0 && call.name !== '' && canCloseOpenBlock(state)) {
    closeOpenBlock(state, events);
    openToolBlock(state, call, events);
  } else {
    state.pending.push({ kind: 'tool_use', call });
  }
  return call;
}

function assertNever(value: never): never {
  throw new Error(`unexpected tool call phase: ${String(value)}`);
}
