/**
 * GET / answers a small JSON status (what Claude Code's and users' probes look at first):
 * the version, the big route's upstream URL without credentials or query, and the model
 * mapping, as the settings in effect have them. HEAD /
 * and HEAD /api/hello are the gateway probes Claude Code sends; both answer 200.
 */
import type { Request, Response } from 'express';
import type { Settings } from '../../shared/settings/settings-schema.ts';
import { publicUpstreamUrl } from './proxy-config.ts';
import { PROXY_VERSION } from './proxy-version.ts';
import { upstreamConfigured } from './settings/upstream-plan.ts';

export function createHealthRoute(settingsOf: () => Settings) {
  return function health(_req: Request, res: Response): void {
    const settings = settingsOf();
    const { big, small, rules } = settings.routes;
    const provider = settings.providers.find((candidate) => candidate.id === big.provider);
    const configured = upstreamConfigured(settings);
    res.json({
      status: configured ? 'ok' : 'unconfigured',
      version: PROXY_VERSION,
      upstream: {
        baseUrl: provider ? publicUpstreamUrl(provider.baseUrl) : null,
        provider: provider?.preset ?? null,
        configured,
      },
      models: {
        big: big.model,
        small: small.model,
        rules: `${rules.filter((rule) => rule.enabled).length} rule(s) first, then opus/sonnet → big, haiku → small, other ids pass through unchanged`,
      },
    });
  };
}

export function probeOk(_req: Request, res: Response): void {
  res.status(200).end();
}
