/**
 * Rebuilds the server-sent-event text of a recorded stream from its timed items, for HAR
 * export and downloads: the recorder keeps parsed chunks/events (what the UI needs), and
 * this gives back the wire form. Anthropic events carry `event: <type>` lines; OpenAI chunks
 * are bare `data:` lines ended by `data: [DONE]`.
 */
import { isTruncatedBody, type TimedItem } from '../traffic/exchange-record.ts';

export function anthropicSseText(items: readonly TimedItem[]): string {
  let out = '';
  for (const item of items) {
    if (isTruncatedBody(item.data)) {
      out += truncatedComment(item.data.omittedItems);
      continue;
    }
    const type = (item.data as { type?: unknown } | null)?.type;
    const eventLine = typeof type === 'string' ? `event: ${type}\n` : '';
    out += `${eventLine}data: ${JSON.stringify(item.data)}\n\n`;
  }
  return out;
}

export function openaiSseText(items: readonly TimedItem[], finished: boolean): string {
  let out = '';
  for (const item of items) {
    out += isTruncatedBody(item.data)
      ? truncatedComment(item.data.omittedItems)
      : `data: ${JSON.stringify(item.data)}\n\n`;
  }
  return finished ? `${out}data: [DONE]\n\n` : out;
}

function truncatedComment(omitted: number | undefined): string {
  return `: ${omitted ?? 'some'} more items were left out of the record (memory limit)\n\n`;
}
