/**
 * The shell lines that point Claude Code at this proxy, for the copy button. Built from the
 * settings in effect (not the unsaved form), since that is where the proxy listens now.
 * The client key itself is never known to the UI, so a placeholder stands in for it.
 */
import type { PublicServerSettings } from '../../shared/settings/public-settings.ts';

/** Any token will do when no client key is set; Claude Code just needs one to skip login. */
export const OPEN_PROXY_TOKEN = 'anthropic-proxy';
export const CLIENT_KEY_PLACEHOLDER = '<your client key>';
/** Claude Code sends background work to its haiku slot only when this is set behind a gateway. */
export const HAIKU_MODEL_ID = 'claude-haiku-4-5';

/** The address a local client should dial: wildcard binds are reached over loopback. */
export function clientHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::' || host === '[::]') return '[::1]';
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

export function proxyBaseUrl(server: Pick<PublicServerSettings, 'host' | 'port'>): string {
  return `http://${clientHost(server.host)}:${server.port}`;
}

/** `listening` is where the proxy really listens, when known (the settings may say port 0). */
export function claudeCodeEnvLines(server: PublicServerSettings, listening?: string): string[] {
  const token = server.clientKey.set ? CLIENT_KEY_PLACEHOLDER : OPEN_PROXY_TOKEN;
  const quoted = token.includes('<') ? `'${token}'` : token;
  return [
    `export ANTHROPIC_BASE_URL=${listening ?? proxyBaseUrl(server)}`,
    `export ANTHROPIC_AUTH_TOKEN=${quoted}`,
    `export ANTHROPIC_DEFAULT_HAIKU_MODEL=${HAIKU_MODEL_ID}`,
  ];
}
