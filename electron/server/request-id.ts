/**
 * Ids for calls: `req_` plus 24 hex digits, sent as the `request-id` header on every
 * response (as Anthropic does; the SDK exposes it as `error.requestID`) and used as the
 * exchange id in the inspector, so a user can match a client-side error to its record.
 */
import { randomFillSync } from 'node:crypto';
import type { Response } from 'express';

const ID_BYTES = 12;
/**
 * Random bytes for 256 ids, refilled when used up: one call into OpenSSL per 256 requests
 * instead of one per request (randomBytes costs tens of microseconds on the request path;
 * crypto.randomUUID pools the same way).
 */
const pool = Buffer.alloc(ID_BYTES * 256);
let next = pool.length;

export function newRequestId(): string {
  if (next === pool.length) {
    randomFillSync(pool);
    next = 0;
  }
  const id = pool.toString('hex', next, next + ID_BYTES);
  next += ID_BYTES;
  return `req_${id}`;
}

/** The id the request-id middleware gave this response. */
export function requestIdOf(res: Response): string {
  const id: unknown = res.locals.requestId;
  return typeof id === 'string' ? id : '';
}
