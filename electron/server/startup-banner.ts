/**
 * What the headless command prints once the proxy listens: where it is, the exact lines
 * that point Claude Code at it, and what is missing when no upstream is configured yet.
 * Plain text on stdout (not the JSON log), because a person reads it. Reads the settings in
 * effect (stored settings under the environment's variables; in demo mode, the simulated
 * provider on every route, and a block that says so).
 */
import { claudeCodeEnv, shellLines } from '../../shared/claude-code/claude-code-env.ts';
import { isLoopbackListenHost } from '../../shared/settings/listen-exposure.ts';
import type { Settings } from '../../shared/settings/settings-schema.ts';
import { publicUpstreamUrl } from './proxy-config.ts';
import { upstreamConfigured } from './settings/upstream-plan.ts';

export function startupBanner(
  settings: Settings,
  proxyUrl: string,
  options: { demo?: boolean } = {},
): string {
  const { server, routes } = settings;
  const provider = settings.providers.find((candidate) => candidate.id === routes.big.provider);
  const upstream = provider
    ? `${provider.name} (${publicUpstreamUrl(provider.baseUrl)})`
    : routes.big.provider;
  const lines = [
    `Anthropic proxy listening on ${proxyUrl}`,
    `Upstream: ${upstream}  big → ${routes.big.model}, small → ${routes.small.model}${routes.rules.length ? `, ${routes.rules.length} rule(s)` : ''}`,
    '',
    'Point Claude Code at it:',
    // The key itself never goes to stdout: a placeholder stands in for it.
    ...shellLines(claudeCodeEnv(proxyUrl, server.clientKey ? true : undefined)).map(
      (line) => `  ${line}`,
    ),
  ];
  if (options.demo) {
    lines.push(
      '',
      'DEMO MODE: answers are SIMULATED. No model is called and nothing leaves this machine;',
      'every call goes to the built-in simulated upstream, and a few sample calls are on their',
      'way so the inspector fills at once. Your settings are untouched: start without --demo',
      '(and without DEMO=1) to use your real upstream.',
    );
  } else if (!upstreamConfigured(settings)) {
    lines.push(
      '',
      'WARNING: no upstream configured. Calls will be answered with an error until you add a',
      "provider and its key in the inspector's Settings, or set",
      '  OPENAI_API_KEY=...            (your key for the upstream)',
      '  BASE_URL=https://...          (for providers other than OpenAI, e.g. https://openrouter.ai/api/v1)',
      'in the environment or in a .env file here, then restart.',
    );
  }
  if (!isLoopbackListenHost(server.host)) {
    const where =
      server.host === '0.0.0.0' || server.host === '::'
        ? 'all interfaces'
        : 'a non-loopback address';
    lines.push(
      '',
      `WARNING: listening on ${where} (${server.host}): other machines can reach this proxy. Every /v1 call must carry the client key; the inspector still answers only on loopback.`,
    );
  }
  return lines.join('\n');
}
