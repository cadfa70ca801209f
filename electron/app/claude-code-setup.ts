/**
 * What the tray's "Copy Claude Code Setup" puts on the clipboard: the lines of
 * shared/claude-code/claude-code-env.ts, as POSIX `export` lines, or PowerShell `$env:` lines
 * on Windows. The user's own clipboard may carry the client key itself.
 */
import { claudeCodeEnv, shellLines } from '../../shared/claude-code/claude-code-env.ts';

export function claudeCodeSetupLines(options: {
  url: string;
  clientKey?: string;
  platform: NodeJS.Platform;
}): string {
  const shell = options.platform === 'win32' ? 'powershell' : 'posix';
  return `${shellLines(claudeCodeEnv(options.url, options.clientKey), shell).join('\n')}\n`;
}
