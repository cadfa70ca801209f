/**
 * Writes Anthropic SSE events to a streaming response: one `res.write` per batch (the
 * events the chunks of one upstream read produced), no buffering, and a wait for `drain`
 * when the client reads slower than the upstream writes, which in turn stops pulling from
 * the upstream. Each event is stringified once; that JSON text goes on the wire and, for the
 * whole batch in one call, to the tap (pings are keep-alives, not part of the record).
 *
 * The status line and headers are not sent on their own: open() only sets them, and Node
 * sends them in the same socket write as the first event (message_start, which the pump
 * writes right after open), one packet instead of two before the client's first byte.
 */
import type { Response } from 'express';
import type { AnthropicStreamEvent } from '../../shared/translate/anthropic-stream-event.ts';
import { eventJson, formatSseFrame } from '../../shared/translate/sse-format.ts';
import type { ExchangeTap } from './exchange-tap.ts';

export const SSE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
  'x-accel-buffering': 'no',
  connection: 'keep-alive',
};

/** The headers set on a response so far, as a plain record (for the tap). */
export function headersOf(res: Response): Record<string, string> {
  const sent: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.getHeaders())) {
    if (value !== undefined) sent[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return sent;
}

export class SseWriter {
  readonly #res: Response;
  readonly #tap: ExchangeTap;
  readonly #id: string;

  constructor(res: Response, tap: ExchangeTap, id: string) {
    this.#res = res;
    this.#tap = tap;
    this.#id = id;
  }

  /**
   * Sets status 200 and the SSE headers, which go out with the first write (see the module
   * comment); returns every header the response will carry, for the tap.
   */
  open(): Record<string, string> {
    const res = this.#res;
    res.status(200);
    for (const [name, value] of Object.entries(SSE_HEADERS)) res.setHeader(name, value);
    return headersOf(res);
  }

  get closed(): boolean {
    return this.#res.destroyed || this.#res.writableEnded;
  }

  /** Resolves once the bytes are handed to the socket, or the client went away. */
  write(events: readonly AnthropicStreamEvent[]): Promise<void> | undefined {
    if (events.length === 0 || this.closed) return undefined;
    let text = '';
    const recorded: string[] = [];
    for (const event of events) {
      const json = eventJson(event);
      if (event.type !== 'ping') recorded.push(json);
      text += formatSseFrame(event.type, json);
    }
    if (recorded.length > 0) this.#tap.anthropicEvents(this.#id, recorded);
    if (this.#res.write(text)) return undefined;
    return new Promise((resolve) => {
      const done = (): void => {
        this.#res.off('drain', done);
        this.#res.off('close', done);
        resolve();
      };
      this.#res.on('drain', done);
      this.#res.on('close', done);
    });
  }

  end(): void {
    if (!this.closed) this.#res.end();
  }
}
