/**
 * Ids for calls: `req_` plus 24 hex digits, sent as the `request-id` header on every
 * response (as Anthropic does; the SDK exposes it as `error.requestID`) and used as the
 * exchange id in the inspector, so a user can match a client-side error to its record.
 */
import { randomBytes } from 'node:crypto';
import type { Response } from 'express';

export function newRequestId(): string {
  return `req_${randomBytes(12).toString('hex')}`;
}

/** The id the request-id middleware gave this response. */
export function requestIdOf(res: Response): string {
  const id: unknown = res.locals.requestId;
  return typeof id === 'string' ? id : '';
}
