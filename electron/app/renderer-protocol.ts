/**
 * Serves the built inspector (dist/renderer) to the window under `app://inspector/`, a
 * privileged custom scheme, instead of file://: the page gets a real origin that IPC sender
 * checks can match exactly, file:// stays unused, and every response carries the strict
 * Content-Security-Policy header without touching the renderer's index.html.
 *
 * The handler is a plain `(Request) => Promise<Response>` (what `protocol.handle` takes), so
 * it is tested without Electron and can also back a loopback HTTP server in browser tests.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'inspector';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** True for URLs of the app's own pages (and nothing that merely starts the same way). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * Only the app's own files: no inline script, no eval, no remote anything. The renderer
 * talks to the proxy over IPC, so it needs no network at all (`connect-src 'none'`).
 * React sets style properties through the CSSOM, which `style-src 'self'` does not block.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

const securityHeaders = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

function textResponse(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/**
 * Maps `<any origin>/<path>` to a file under `rootDir` (index.html for `/`); refuses paths
 * that escape the root, anything but GET/HEAD, and hosts other than `expectedHost` when one
 * is given (the Electron handler passes APP_HOST).
 */
export function createRendererRequestHandler(
  rootDir: string,
  expectedHost?: string,
): (request: Request) => Promise<Response> {
  const root = resolve(rootDir);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return textResponse(405, 'Method not allowed');
    }
    const url = new URL(request.url);
    if (expectedHost !== undefined && url.host !== expectedHost) {
      return textResponse(404, 'Not found');
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return textResponse(400, 'Bad path');
    }
    if (pathname.includes('\0')) return textResponse(400, 'Bad path');
    const file = resolve(join(root, pathname === '/' ? 'index.html' : pathname));
    if (file !== root && !file.startsWith(root + sep)) return textResponse(404, 'Not found');
    try {
      if (!(await stat(file)).isFile()) return textResponse(404, 'Not found');
      const body = await readFile(file);
      const type = contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: { ...securityHeaders, 'Content-Type': type, 'Cache-Control': 'no-cache' },
      });
    } catch {
      return textResponse(404, 'Not found');
    }
  };
}
