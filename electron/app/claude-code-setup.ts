/**
 * The environment lines that point Claude Code at the running proxy, as the tray's "Copy
 * Claude Code Setup" puts them on the clipboard: POSIX `export` lines, or PowerShell
 * `$env:` lines on Windows. ANTHROPIC_AUTH_TOKEN is what Claude Code sends as a Bearer token;
 * it carries the proxy's client key when one is set, and otherwise a placeholder, since
 * Claude Code asks for a login when no token is set at all.
 */

/** Clients cannot connect to a wildcard address; they reach it over loopback. */
function clientUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.hostname === '0.0.0.0' || parsed.hostname === '[::]') parsed.hostname = '127.0.0.1';
  return parsed.origin;
}

export function claudeCodeSetupLines(options: {
  url: string;
  clientKey?: string;
  platform: NodeJS.Platform;
}): string {
  const vars: [string, string][] = [
    ['ANTHROPIC_BASE_URL', clientUrl(options.url)],
    ['ANTHROPIC_AUTH_TOKEN', options.clientKey ?? 'anthropic-proxy'],
  ];
  const lines =
    options.platform === 'win32'
      ? vars.map(([name, value]) => `$env:${name} = '${value.replaceAll("'", "''")}'`)
      : vars.map(([name, value]) => `export ${name}='${value.replaceAll("'", `'\\''`)}'`);
  return `${lines.join('\n')}\n`;
}
