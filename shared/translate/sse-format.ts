/**
 * SSE framing of one Anthropic stream event. The SDK dispatches on the `event:` line and
 * ignores data without one, so both lines are always written. JSON.stringify escapes every
 * line break inside strings, so the data always fits on one line. Hot path: one stringify,
 * one concatenation, nothing else; the SSE writer stringifies itself (formatSseFrame) because
 * it also hands that very JSON text to the traffic recorder.
 */
import type { AnthropicStreamEvent } from './anthropic-stream-event.ts';

export function formatSseEvent(event: AnthropicStreamEvent): string {
  return formatSseFrame(event.type, JSON.stringify(event));
}

/** The frame of an event of type `type` whose JSON text is `json` (JSON.stringify of it). */
export function formatSseFrame(type: string, json: string): string {
  return 'event: ' + type + '\ndata: ' + json + '\n\n';
}
