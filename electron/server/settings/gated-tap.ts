/**
 * Recording that can be switched off and on from the settings while the proxy runs. The
 * switch is read once per call, when it starts, and that call is recorded whole or not at
 * all, so the inspector never shows half an exchange.
 */
import type { ExchangeTap } from '../exchange-tap.ts';

export function gatedTap(tap: ExchangeTap, enabled: () => boolean): ExchangeTap {
  const recording = new Set<string>();
  return {
    started(start) {
      if (!enabled()) return;
      recording.add(start.id);
      tap.started(start);
    },
    routed: (id, route) => void (recording.has(id) && tap.routed(id, route)),
    upstreamRequest: (id, body, headers, notes, url) =>
      void (recording.has(id) && tap.upstreamRequest(id, body, headers, notes, url)),
    upstreamResponseHeaders: (id, status, headers) =>
      void (recording.has(id) && tap.upstreamResponseHeaders(id, status, headers)),
    openaiChunks: (id, chunks) => void (recording.has(id) && tap.openaiChunks(id, chunks)),
    anthropicEvents: (id, events) => void (recording.has(id) && tap.anthropicEvents(id, events)),
    openaiResponse: (id, body) => void (recording.has(id) && tap.openaiResponse(id, body)),
    anthropicResponse: (id, body, headers) =>
      void (recording.has(id) && tap.anthropicResponse(id, body, headers)),
    completed(id, end) {
      if (recording.delete(id)) tap.completed(id, end);
    },
  };
}
