/**
 * Runs the real Claude Code CLI (the pinned npm package's native binary) headless and offline:
 * `claude -p` in a throwaway working directory and HOME, pointed at a proxy on loopback.
 *
 * Offline and non-interactive because of the environment built here from scratch (nothing
 * inherited, so a developer's ANTHROPIC_API_KEY or ~/.claude can never leak in):
 * CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1 is the one that matters: without it 2.1.328 does
 * DNS lookups for Anthropic hosts and sends `HEAD /api/hello` to the base URL before the first
 * call. DISABLE_AUTOUPDATER, DISABLE_TELEMETRY and DISABLE_ERROR_REPORTING are belt and braces
 * for older and newer releases; CI=true and stdin from /dev/null keep it from waiting on a TTY.
 * As root `--dangerously-skip-permissions` is refused, so file edits are allowed with
 * `--permission-mode acceptEdits`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const claudeBinary = join(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'claude');

/** Why the CLI cannot run on this machine, or undefined when `claude --version` works. */
export function claudeCliUnavailableReason(): string | undefined {
  if (!existsSync(claudeBinary))
    return `${claudeBinary} is missing (npm ci did not install @anthropic-ai/claude-code)`;
  const probe = spawnSync(claudeBinary, ['--version'], {
    encoding: 'utf8',
    timeout: 30_000,
    env: { PATH: process.env.PATH ?? '' },
  });
  if (probe.error) return `\`claude --version\` failed to start: ${probe.error.message}`;
  if (probe.status !== 0)
    return `\`claude --version\` exited ${probe.status}: ${(probe.stderr || probe.stdout).trim().slice(0, 300)}`;
  return undefined;
}

export interface ClaudeRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface ClaudeRunOptions {
  proxyUrl: string;
  prompt: string;
  cwd: string;
  /** Used as HOME; the CLI's config goes to <home>/.claude. */
  home: string;
  timeoutMs: number;
}

export function offlineClaudeEnv(proxyUrl: string, home: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    CLAUDE_CONFIG_DIR: join(home, '.claude'),
    CI: 'true',
    TERM: 'dumb',
    ANTHROPIC_BASE_URL: proxyUrl,
    ANTHROPIC_AUTH_TOKEN: 'test',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    DISABLE_AUTOUPDATER: '1',
    DISABLE_TELEMETRY: '1',
    DISABLE_ERROR_REPORTING: '1',
  };
}

/** Runs `claude -p <prompt> --permission-mode acceptEdits --output-format json` to its end. */
export function runClaudePrint(options: ClaudeRunOptions): Promise<ClaudeRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      claudeBinary,
      ['-p', options.prompt, '--permission-mode', 'acceptEdits', '--output-format', 'json'],
      {
        cwd: options.cwd,
        env: offlineClaudeEnv(options.proxyUrl, options.home),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      resolve({ exitCode, signal, stdout, stderr });
    });
  });
}
