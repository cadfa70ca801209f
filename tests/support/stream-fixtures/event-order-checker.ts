/**
 * The stream order rules of the official SDK and of Claude Code's stricter reader, as a
 * checker that lists every violation in an event sequence (an empty list means valid):
 * - exactly one message_start, first;
 * - content blocks start in index order 0, 1, 2…, one at a time;
 * - every delta targets the open block and matches its type (text/thinking/tool_use);
 * - a thinking block ends with a non-empty signature_delta before its content_block_stop;
 * - a tool_use block's accumulated input is '' or a JSON object when it stops;
 * - message_delta after the last block is stopped, then message_stop, then nothing;
 * - or the stream ends with one `error` event and has no message_stop.
 */
import type { AnthropicStreamEvent } from '../../../shared/translate/anthropic-stream-event.ts';

type BlockType = 'text' | 'thinking' | 'tool_use';

export function checkEventOrder(events: readonly AnthropicStreamEvent[]): string[] {
  const problems: string[] = [];
  let started = false;
  let ended = false;
  let messageDeltaSeen = false;
  let nextIndex = 0;
  let open: { index: number; type: BlockType; json: string; signed: boolean } | null = null;

  events.forEach((event, at) => {
    const where = `#${at} ${event.type}`;
    if (ended) problems.push(`${where}: event after the end of the stream`);
    if (!started && event.type !== 'message_start' && event.type !== 'error') {
      problems.push(`${where}: before message_start`);
    }
    switch (event.type) {
      case 'message_start':
        if (started) problems.push(`${where}: second message_start`);
        started = true;
        break;
      case 'ping':
        break;
      case 'content_block_start': {
        if (open) problems.push(`${where}: block ${open.index} still open`);
        if (event.index !== nextIndex)
          problems.push(`${where}: index ${event.index}, expected ${nextIndex}`);
        if (messageDeltaSeen) problems.push(`${where}: after message_delta`);
        nextIndex = event.index + 1;
        const type = event.content_block.type;
        if (type !== 'text' && type !== 'thinking' && type !== 'tool_use') {
          problems.push(`${where}: unexpected block type ${type}`);
          break;
        }
        open = { index: event.index, type, json: '', signed: false };
        break;
      }
      case 'content_block_delta': {
        if (!open || open.index !== event.index) {
          problems.push(`${where}: delta for block ${event.index}, which is not open`);
          break;
        }
        const expected: Record<string, BlockType> = {
          text_delta: 'text',
          citations_delta: 'text',
          thinking_delta: 'thinking',
          signature_delta: 'thinking',
          input_json_delta: 'tool_use',
        };
        if (expected[event.delta.type] !== open.type) {
          problems.push(`${where}: ${event.delta.type} in a ${open.type} block`);
        }
        if (event.delta.type === 'input_json_delta') open.json += event.delta.partial_json;
        if (event.delta.type === 'thinking_delta' && open.signed) {
          problems.push(`${where}: thinking_delta after signature_delta`);
        }
        if (event.delta.type === 'signature_delta') open.signed = event.delta.signature.length > 0;
        break;
      }
      case 'content_block_stop':
        if (!open || open.index !== event.index) {
          problems.push(`${where}: stop for block ${event.index}, which is not open`);
          break;
        }
        if (open.type === 'thinking' && !open.signed)
          problems.push(`${where}: thinking block without signature`);
        if (open.type === 'tool_use' && open.json !== '' && !isJsonObject(open.json)) {
          problems.push(`${where}: tool input is not a JSON object: ${open.json}`);
        }
        open = null;
        break;
      case 'message_delta':
        if (open) problems.push(`${where}: block ${open.index} still open`);
        if (messageDeltaSeen) problems.push(`${where}: second message_delta`);
        messageDeltaSeen = true;
        break;
      case 'message_stop':
        if (!messageDeltaSeen) problems.push(`${where}: without message_delta`);
        ended = true;
        break;
      case 'error':
        ended = true;
        break;
      default:
        problems.push(`${where}: unknown event`);
    }
  });
  if (!ended) problems.push('stream ends without message_stop or error');
  return problems;
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
