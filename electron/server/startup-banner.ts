/**
 * What the headless command prints once the proxy listens: where it is, the exact lines
 * that point Claude Code at it, and what is missing when no upstream is configured yet.
 * Plain text on stdout (not the JSON log), because a person reads it.
 */
import type { ProxyConfig } from './proxy-config.ts';
import { publicUpstreamUrl } from './proxy-config.ts';

export function startupBanner(config: ProxyConfig, proxyUrl: string): string {
  const token = config.clientApiKey ? '<your CLIENT_API_KEY>' : 'any-value';
  const lines = [
    `Anthropic proxy listening on ${proxyUrl}`,
    `Upstream: ${publicUpstreamUrl(config.baseUrl)}  big → ${config.bigModel ?? '(pass-through)'}, small → ${config.smallModel ?? config.bigModel ?? '(pass-through)'}`,
    '',
    'Point Claude Code at it:',
    `  export ANTHROPIC_BASE_URL=${proxyUrl}`,
    `  export ANTHROPIC_AUTH_TOKEN=${token}`,
  ];
  if (!config.upstreamConfigured) {
    lines.push(
      '',
      'WARNING: no upstream configured. Calls will be answered with an error until you set',
      '  OPENAI_API_KEY=...            (your key for the upstream)',
      '  BASE_URL=https://...          (for providers other than OpenAI, e.g. https://openrouter.ai/api/v1)',
      'in the environment or in a .env file here, then restart.',
    );
  }
  if (config.host === '0.0.0.0' || config.host === '::') {
    lines.push(
      '',
      `NOTE: listening on all interfaces (${config.host}); set CLIENT_API_KEY so others cannot spend your credit.`,
    );
  }
  return lines.join('\n');
}
