/**
 * The inspector's own DNS-rebinding and CSRF fence, applied to everything under /inspector
 * whatever the app-wide guard does: the Host header must be a loopback name or address
 * (even when the proxy listens on a wildcard address: the inspector shows prompts and
 * answers, so reaching it from another machine takes an SSH tunnel), an Origin header must
 * be this very origin, and a browser's Sec-Fetch-Site must not be cross-site or same-site
 * (another local web app on a different port is same-site). Navigations typed or clicked
 * by the user carry no Origin and `Sec-Fetch-Site: none`, so they pass.
 */
import type { NextFunction, Request, Response } from 'express';

/** The host name of a Host header, lower-case, without port or IPv6 brackets. */
export function hostnameOf(hostHeader: string): string {
  const host = hostHeader.trim().toLowerCase();
  if (host.startsWith('[')) {
    const close = host.indexOf(']');
    return host.slice(1, close === -1 ? undefined : close);
  }
  const colon = host.lastIndexOf(':');
  return colon === -1 ? host : host.slice(0, colon);
}

export function isLoopbackHostname(hostname: string): boolean {
  return hostname === 'localhost' || /^127(?:\.\d{1,3}){3}$/.test(hostname) || hostname === '::1';
}

/** Why the request is refused, or undefined when it may pass. */
export function inspectorRefusal(headers: Request['headers']): string | undefined {
  const host = headers.host;
  if (host === undefined || !isLoopbackHostname(hostnameOf(host))) {
    return `The inspector answers only on a loopback host (127.0.0.1, localhost), not "${host ?? ''}".`;
  }
  const origin = headers.origin;
  if (origin !== undefined && !sameOrigin(origin, host))
    return `Cross-origin requests are refused (Origin ${origin}).`;
  const site = headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site')
    return 'Requests from other sites are refused.';
  return undefined;
}

export function inspectorGuard(req: Request, res: Response, next: NextFunction): void {
  const refusal = inspectorRefusal(req.headers);
  if (refusal === undefined) {
    next();
    return;
  }
  res.status(403).json({ type: 'error', error: { type: 'permission_error', message: refusal } });
}

function sameOrigin(origin: string, host: string): boolean {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' && url.host === host.trim().toLowerCase();
  } catch {
    return false; // includes the opaque origin "null"
  }
}
