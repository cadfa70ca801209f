/**
 * Optional client key (CLIENT_API_KEY). When set, every /v1 call must present it, as
 * Claude Code does with ANTHROPIC_AUTH_TOKEN (`Authorization: Bearer`) or
 * ANTHROPIC_API_KEY (`x-api-key`). Both sides are hashed first so the comparison takes the
 * same time whatever the length or content of the presented value.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { sendAnthropicError } from './error-response.ts';

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function presentedKey(req: Request): string | undefined {
  const apiKey = req.headers['x-api-key'];
  if (typeof apiKey === 'string' && apiKey) return apiKey;
  const match = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
  return match?.[1]?.trim();
}

/** `clientKey` is read per call (the settings' current client key) or fixed. */
export function createClientAuth(clientKey: string | undefined | (() => string | undefined)) {
  const current = typeof clientKey === 'function' ? clientKey : () => clientKey;
  return function clientAuth(req: Request, res: Response, next: NextFunction): void {
    const key = current();
    const expected = key === undefined ? undefined : digest(key);
    if (expected === undefined) {
      next();
      return;
    }
    const presented = presentedKey(req);
    if (presented !== undefined && timingSafeEqual(digest(presented), expected)) {
      next();
      return;
    }
    sendAnthropicError(res, {
      status: 401,
      type: 'authentication_error',
      message:
        presented === undefined
          ? 'This proxy requires an API key: send CLIENT_API_KEY as x-api-key or Authorization: Bearer (ANTHROPIC_AUTH_TOKEN in Claude Code).'
          : "Invalid API key for this proxy (it must equal the proxy's CLIENT_API_KEY).",
    });
  };
}
