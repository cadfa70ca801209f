/**
 * One call through the proxy from the route's point of view: its id and clock, what is
 * known so far (models, notes, first-token time, upstream request id), the abort signal
 * tied to the client connection, and the single place where a call ends: `finish` tells
 * the tap, and writes the one info line per call that the logs promise.
 */
import { performance } from 'node:perf_hooks';
import type { Request, Response } from 'express';
import type { MappedError } from '../../shared/errors/anthropic-errors.ts';
import type { TranslationNote } from '../../shared/translate/translation-note.ts';
import { sendAnthropicError } from './error-response.ts';
import type { ExchangeEnd, ExchangeTap } from './exchange-tap.ts';
import type { Logger } from './logger.ts';
import { requestIdOf } from './request-id.ts';

export class ProxyCall {
  readonly id: string;
  readonly receivedAt = Date.now();
  readonly startMark = performance.now();
  readonly signal: AbortSignal;
  requestedModel?: string;
  upstreamModel?: string;
  rule?: string;
  stream = false;
  notes: readonly TranslationNote[] = [];
  upstreamRequestId?: string;
  firstChunkMs?: number;
  readonly #tap: ExchangeTap;
  readonly #logger: Logger;
  readonly #req: Request;
  readonly #res: Response;
  #finished = false;

  constructor(req: Request, res: Response, tap: ExchangeTap, logger: Logger) {
    this.id = requestIdOf(res);
    this.#req = req;
    this.#res = res;
    this.#tap = tap;
    this.#logger = logger;
    this.signal = clientGoneSignal(res);
  }

  get clientGone(): boolean {
    return this.signal.aborted;
  }

  elapsedMs(): number {
    return performance.now() - this.startMark;
  }

  /** Time to the first content delta (streams) or to the whole answer (JSON). */
  markFirstChunk(): void {
    this.firstChunkMs ??= this.elapsedMs();
  }

  /** Answers with an Anthropic error (before any byte of a stream) and ends the call. */
  fail(error: MappedError): void {
    sendAnthropicError(this.#res, error);
    this.finish({ status: error.status, error: { type: error.type, message: error.message } });
  }

  finish(end: ExchangeEnd): void {
    if (this.#finished) return;
    this.#finished = true;
    this.#tap.completed(this.id, end);
    this.#logger.info(
      {
        reqId: this.id,
        model: this.requestedModel && `${this.requestedModel} → ${this.upstreamModel ?? '?'}`,
        rule: this.rule,
        stream: this.stream,
        status: end.status,
        durationMs: Math.round(this.elapsedMs()),
        ttftMs: this.firstChunkMs === undefined ? undefined : Math.round(this.firstChunkMs),
        tokensIn: end.usage?.input_tokens,
        tokensOut: end.usage?.output_tokens,
        cacheRead: end.usage?.cache_read_input_tokens ?? undefined,
        stopReason: end.stopReason ?? undefined,
        notes: this.notes.length
          ? this.notes.map((note) => `${note.kind} ${note.field}: ${note.detail}`)
          : undefined,
        upstreamRequestId: this.upstreamRequestId,
        aborted: end.aborted || undefined,
        error: end.error ? `${end.error.type}: ${end.error.message}` : undefined,
      },
      `${this.#req.method} ${this.#req.originalUrl} ${end.status}${end.aborted ? ' (client went away)' : ''}`,
    );
  }
}

/**
 * Aborts when the client's connection closes before the answer was fully written, so the
 * upstream call (and its cost) stops at once.
 */
export function clientGoneSignal(res: Response): AbortSignal {
  const controller = new AbortController();
  if (res.destroyed || res.socket?.destroyed) {
    controller.abort();
    return controller.signal;
  }
  res.once('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}
