/**
 * Writes an Anthropic-shaped error answer: status, `{"type":"error",...}` body with the
 * request id, and the retry hints clients act on (`retry-after` in whole seconds,
 * `x-should-retry`). Every error the proxy sends before a stream has started goes through
 * here, so no path can answer in another shape.
 */
import type { Response } from 'express';
import { anthropicErrorBody, type MappedError } from '../../shared/errors/anthropic-errors.ts';
import { requestIdOf } from './request-id.ts';

export function sendAnthropicError(res: Response, error: MappedError): void {
  if (res.headersSent) {
    // Too late for a status: cut the response so the client sees a failure, not a short body.
    res.destroy();
    return;
  }
  if (error.retryAfter !== undefined) res.setHeader('retry-after', String(error.retryAfter));
  if (error.shouldRetry !== undefined) res.setHeader('x-should-retry', String(error.shouldRetry));
  res.status(error.status).json(anthropicErrorBody(error.type, error.message, requestIdOf(res)));
}
