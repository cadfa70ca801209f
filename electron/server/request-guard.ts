/**
 * Keeps web pages out of a proxy that spends the user's upstream credit. A page the user
 * visits can make the browser send requests to 127.0.0.1 (cross-site "simple" requests
 * need no CORS preflight) or reach it through DNS rebinding (a foreign name resolving to
 * 127.0.0.1). So: the Host header must be a loopback name/IP or the configured host; a
 * request with a foreign Origin, or that the browser marks `Sec-Fetch-Site: cross-site`, is
 * refused; and so are bodies in the three content types a page may send without a
 * preflight. Claude Code and the SDKs send none of these, so they are never affected.
 *
 * Binding to a wildcard address (0.0.0.0, ::) is a deliberate choice to serve other
 * machines under names we cannot know, so the Host check is off then (set CLIENT_API_KEY).
 */
import type { NextFunction, Request, Response } from 'express';
import { sendAnthropicError } from './error-response.ts';

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]', '']);
const SIMPLE_BODY_TYPES = new Set([
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
]);

/** The host name of a Host header, lower-case, without port or IPv6 brackets. */
export function hostnameOf(hostHeader: string): string {
  const host = hostHeader.trim().toLowerCase();
  if (host.startsWith('['))
    return host.slice(1, host.indexOf(']') === -1 ? undefined : host.indexOf(']'));
  const colon = host.lastIndexOf(':');
  return colon === -1 ? host : host.slice(0, colon);
}

export function isLoopbackHostname(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    /^127(?:\.\d{1,3}){3}$/.test(hostname) ||
    hostname === '::1' ||
    hostname === '0:0:0:0:0:0:0:1' ||
    hostname === '::ffff:127.0.0.1'
  );
}

function refuse(res: Response, message: string): void {
  sendAnthropicError(res, { status: 403, type: 'permission_error', message });
}

/** `bindHost` is read per request (it follows a rebind) or fixed. */
export function createRequestGuard(bindHost: string | (() => string)) {
  const currentHost = typeof bindHost === 'function' ? bindHost : () => bindHost;
  return function requestGuard(req: Request, res: Response, next: NextFunction): void {
    const configuredHost = currentHost();
    const anyHost = WILDCARD_HOSTS.has(configuredHost.trim());
    const ownHost = hostnameOf(configuredHost);
    const host = req.headers.host;
    if (!anyHost && host !== undefined) {
      const hostname = hostnameOf(host);
      if (!isLoopbackHostname(hostname) && hostname !== ownHost) {
        refuse(
          res,
          `Host "${host}" is not allowed: this proxy answers only on loopback names and ${configuredHost}.`,
        );
        return;
      }
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !isSameOrigin(origin, host)) {
      refuse(res, `Cross-origin requests are refused (Origin ${origin}).`);
      return;
    }
    if (req.headers['sec-fetch-site'] === 'cross-site') {
      refuse(res, 'Cross-site browser requests are refused.');
      return;
    }
    const contentType = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
    if (
      req.method !== 'GET' &&
      req.method !== 'HEAD' &&
      contentType &&
      SIMPLE_BODY_TYPES.has(contentType)
    ) {
      refuse(res, `Request bodies of type ${contentType} are refused; send application/json.`);
      return;
    }
    next();
  };
}

function isSameOrigin(origin: string, host: string | undefined): boolean {
  if (host === undefined) return false;
  try {
    const url = new URL(origin);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') && url.host === host.toLowerCase()
    );
  } catch {
    return false; // includes the opaque origin "null"
  }
}
