/**
 * `node electron/server/headless-main.ts` (what `npm run headless` runs after building the
 * UI) as a user starts it: with nothing configured it still starts, prints the URL and the
 * exact lines for Claude Code plus what to set, answers on that URL, and exits cleanly on
 * SIGTERM; a bad setting exits 1 with the reason.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rawRequest } from '../support/raw-http.ts';

const entry = join(import.meta.dirname, '..', '..', 'electron', 'server', 'headless-main.ts');

function startHeadless(env: Record<string, string>): ChildProcessWithoutNullStreams {
  // A clean environment and an empty working directory: no developer key or .env leaks in.
  return spawn(process.execPath, [entry], {
    cwd: mkdtempSync(join(tmpdir(), 'headless-')),
    // Its own settings directory: never the user's real settings file.
    env: {
      PATH: process.env.PATH ?? '',
      ANTHROPIC_PROXY_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'headless-config-')),
      ...env,
    },
  });
}

function collect(child: ChildProcessWithoutNullStreams): {
  out: () => string;
  exit: Promise<number | null>;
} {
  let out = '';
  child.stdout.on('data', (part: Buffer) => (out += part.toString()));
  child.stderr.on('data', (part: Buffer) => (out += part.toString()));
  return {
    out: () => out,
    exit: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
  };
}

describe('headless entry', () => {
  it('starts without an upstream, prints the Claude Code lines and stops on SIGTERM', async () => {
    const child = startHeadless({ PORT: '0' });
    const output = collect(child);
    try {
      await expect.poll(output.out, { timeout: 15_000 }).toContain('ANTHROPIC_AUTH_TOKEN=');
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output.out())![1]!;
      expect(output.out()).toContain(`export ANTHROPIC_BASE_URL='${url}'`);
      expect(output.out()).toContain('WARNING: no upstream configured');
      expect(output.out()).toContain('OPENAI_API_KEY=');
      const health = await rawRequest(url, { path: '/' });
      expect(health.json).toMatchObject({ status: 'unconfigured' });
      child.kill('SIGTERM');
      expect(await output.exit).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('exits 1 with the reason on an invalid setting', async () => {
    const child = startHeadless({ PORT: 'eighty' });
    const output = collect(child);
    expect(await output.exit).toBe(1);
    expect(output.out()).toContain('PORT must be a whole number from 0 to 65535 (got "eighty")');
  });
});
