/**
 * Serves the inspector UI (dist/renderer, built by `vite build` with base './') under
 * /inspector. The page itself needs the token (?token=, as printed at start); its static
 * assets do not, since they are the same public code for everyone and the page loads them
 * by relative URL without the token. Every response carries a strict Content-Security-Policy
 * (no inline script, connections to this origin only) and Referrer-Policy no-referrer,
 * because the page URL holds the token.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import { tokenOf, type TokenCheck } from './inspector-token.ts';

/** Images may be data:/blob: URLs (base64 images shown in the conversation view). */
export const INSPECTOR_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

export function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.set({
    'Content-Security-Policy': INSPECTOR_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  });
  next();
}

export function createPageHandler(staticDir: string, check: TokenCheck) {
  const indexFile = join(staticDir, 'index.html');
  return async function inspectorPage(req: Request, res: Response): Promise<void> {
    res.set('Cache-Control', 'no-store');
    if (!check(tokenOf(req))) {
      res
        .status(401)
        .type('text/plain')
        .send(
          'Missing or wrong inspector token. Open the inspector URL printed when the proxy started (it ends with ?token=…).',
        );
      return;
    }
    let html: string;
    try {
      html = await readFile(indexFile, 'utf8');
    } catch {
      res
        .status(503)
        .type('text/plain')
        .send(
          `The inspector UI is not built (${indexFile} is missing). Run \`npm run build\` (vite build), then reload.`,
        );
      return;
    }
    res.status(200).type('html').send(html);
  };
}
