/**
 * The shell lines that point Claude Code at this proxy, for the settings' copy button. Built
 * from the settings in effect (not the unsaved form), since that is where the proxy listens
 * now. The client key itself is never known to the UI, so a placeholder stands in for it.
 */
import { claudeCodeEnv, clientHost, shellLines } from '../../shared/claude-code/claude-code-env.ts';
import type { PublicServerSettings } from '../../shared/settings/public-settings.ts';

export function proxyBaseUrl(server: Pick<PublicServerSettings, 'host' | 'port'>): string {
  return `http://${clientHost(server.host)}:${server.port}`;
}

/** `listening` is where the proxy really listens, when known (the settings may say port 0). */
export function claudeCodeEnvLines(server: PublicServerSettings, listening?: string): string[] {
  const url = listening ?? proxyBaseUrl(server);
  return shellLines(claudeCodeEnv(url, server.clientKey.set ? true : undefined));
}
