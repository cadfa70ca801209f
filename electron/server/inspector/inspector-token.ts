/**
 * The per-launch inspector token: generated with crypto.randomBytes unless INSPECTOR_TOKEN
 * fixes it, carried as ?token= (page, EventSource) or the X-Inspector-Token header (API
 * calls), and compared in constant time (both sides hashed first, so the comparison does
 * not even leak the token's length).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

export const INSPECTOR_TOKEN_HEADER = 'x-inspector-token';

export function newInspectorToken(): string {
  return randomBytes(24).toString('base64url');
}

export type TokenCheck = (given: string | undefined) => boolean;

export function createTokenCheck(token: string): TokenCheck {
  if (token.length === 0) throw new Error('The inspector token must not be empty.');
  const expected = digest(token);
  return (given) => given !== undefined && timingSafeEqual(digest(given), expected);
}

/** ?token= first (EventSource cannot set headers), else the header. */
export function tokenOf(req: Request): string | undefined {
  const query = (req.query as Record<string, unknown>).token;
  if (typeof query === 'string') return query;
  const header = req.headers[INSPECTOR_TOKEN_HEADER];
  return typeof header === 'string' ? header : undefined;
}

export function requireToken(check: TokenCheck) {
  return function inspectorTokenGate(req: Request, res: Response, next: NextFunction): void {
    if (check(tokenOf(req))) {
      next();
      return;
    }
    res
      .status(401)
      .set('Cache-Control', 'no-store')
      .json({
        type: 'error',
        error: {
          type: 'authentication_error',
          message:
            'Missing or wrong inspector token: open the inspector URL printed at start (it carries ?token=).',
        },
      });
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
