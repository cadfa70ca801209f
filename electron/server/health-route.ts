/**
 * GET / answers a small JSON status (what Claude Code's and users' probes look at first):
 * the version, the upstream URL without credentials or query, and the model mapping. HEAD /
 * and HEAD /api/hello are the gateway probes Claude Code sends; both answer 200.
 */
import type { Request, Response } from 'express';
import type { ProxyConfig } from './proxy-config.ts';
import { publicUpstreamUrl } from './proxy-config.ts';
import { PROXY_VERSION } from './proxy-version.ts';

export function createHealthRoute(config: ProxyConfig, provider: string) {
  return function health(_req: Request, res: Response): void {
    res.json({
      status: config.upstreamConfigured ? 'ok' : 'unconfigured',
      version: PROXY_VERSION,
      upstream: {
        baseUrl: publicUpstreamUrl(config.baseUrl),
        provider,
        configured: config.upstreamConfigured,
      },
      models: {
        big: config.bigModel ?? null,
        small: config.smallModel ?? null,
        rules: 'opus/sonnet → big, haiku → small, other ids pass through unchanged',
      },
    });
  };
}

export function probeOk(_req: Request, res: Response): void {
  res.status(200).end();
}
