/**
 * Wraps an ExchangeTap so a recorder bug can never break a call: each stage is forwarded as
 * is (by reference, no copies) and an exception is logged once per stage, then swallowed.
 */
import type { ExchangeTap } from './exchange-tap.ts';
import type { Logger } from './logger.ts';

export function safeTap(tap: ExchangeTap, logger: Logger): ExchangeTap {
  const reported = new Set<string>();
  const guard =
    <A extends unknown[]>(stage: string, forward: (...args: A) => void) =>
    (...args: A): void => {
      try {
        forward(...args);
      } catch (error) {
        if (reported.has(stage)) return;
        reported.add(stage);
        logger.warn({ err: error, stage }, 'exchange tap threw; recording may be incomplete');
      }
    };
  return {
    started: guard('started', (start) => tap.started(start)),
    routed: guard('routed', (id, route) => tap.routed(id, route)),
    upstreamRequest: guard('upstreamRequest', (id, body, headers, notes, url) =>
      tap.upstreamRequest(id, body, headers, notes, url),
    ),
    upstreamResponseHeaders: guard('upstreamResponseHeaders', (id, status, headers) =>
      tap.upstreamResponseHeaders(id, status, headers),
    ),
    openaiChunks: guard('openaiChunks', (id, chunks) => tap.openaiChunks(id, chunks)),
    anthropicEvents: guard('anthropicEvents', (id, events) => tap.anthropicEvents(id, events)),
    openaiResponse: guard('openaiResponse', (id, body) => tap.openaiResponse(id, body)),
    anthropicResponse: guard('anthropicResponse', (id, body, headers) =>
      tap.anthropicResponse(id, body, headers),
    ),
    completed: guard('completed', (id, end) => tap.completed(id, end)),
  };
}
