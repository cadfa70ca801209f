/**
 * SSE framing of one Anthropic stream event. The SDK dispatches on the `event:` line and
 * ignores data without one, so both lines are always written. JSON.stringify escapes every
 * line break inside strings, so the data always fits on one line. Hot path: one stringify,
 * one concatenation, nothing else.
 */
import type { AnthropicStreamEvent } from './anthropic-stream-event.ts';

export function formatSseEvent(event: AnthropicStreamEvent): string {
  return 'event: ' + event.type + '\ndata: ' + JSON.stringify(event) + '\n\n';
}
