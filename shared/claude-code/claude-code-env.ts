/**
 * The environment that points Claude Code at this proxy, built in one place for every place
 * that shows it (the startup banner, the tray's copy action, the inspector's empty list and
 * its settings), so they never disagree: the base URL a client dials (a wildcard bind is
 * reached over loopback), a token (Claude Code asks for a login without one, and it must be
 * the client key when one is set), and the model Claude Code's background work asks for.
 * Values are single-quoted for the shell, so any key survives being pasted.
 */

/** Any token will do when no client key is set; Claude Code just needs one to skip login. */
export const OPEN_PROXY_TOKEN = 'anthropic-proxy';
/** Where the key is not known or must not be printed (logs, the browser). */
export const CLIENT_KEY_PLACEHOLDER = '<your client key>';
/** Claude Code sends background work to its haiku slot only when this is set behind a gateway. */
export const HAIKU_MODEL_ID = 'claude-haiku-4-5';

export type Shell = 'posix' | 'powershell';

/** The address a local client should dial: wildcard binds are reached over loopback. */
export function clientHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::' || host === '[::]') return '[::1]';
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/** A listening URL (`http://0.0.0.0:8080`) as a client should dial it, without a trailing slash. */
export function clientUrl(url: string): string {
  return url
    .replace(/\/+$/, '')
    .replace(
      /^(https?:\/\/)(0\.0\.0\.0|\[::\])(?=[:/]|$)/,
      (_match, scheme: string, host: string) => {
        return scheme + clientHost(host);
      },
    );
}

/**
 * The variables, in order. `clientKey`: the key itself where it may be shown (the tray copies
 * it to the user's own clipboard), `true` when one is set but must not be shown, absent when
 * none is set.
 */
export function claudeCodeEnv(
  proxyUrl: string,
  clientKey?: string | true,
): [name: string, value: string][] {
  const token =
    clientKey === undefined
      ? OPEN_PROXY_TOKEN
      : clientKey === true
        ? CLIENT_KEY_PLACEHOLDER
        : clientKey;
  return [
    ['ANTHROPIC_BASE_URL', clientUrl(proxyUrl)],
    ['ANTHROPIC_AUTH_TOKEN', token],
    ['ANTHROPIC_DEFAULT_HAIKU_MODEL', HAIKU_MODEL_ID],
  ];
}

/** The lines that set `vars` in a POSIX shell (`export`) or PowerShell (`$env:`). */
export function shellLines(vars: readonly [string, string][], shell: Shell = 'posix'): string[] {
  return shell === 'powershell'
    ? vars.map(([name, value]) => `$env:${name} = '${value.replaceAll("'", "''")}'`)
    : vars.map(([name, value]) => `export ${name}='${value.replaceAll("'", `'\\''`)}'`);
}
