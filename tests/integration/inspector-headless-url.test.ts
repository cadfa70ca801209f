/**
 * The headless entry prints the full inspector URL with its token: fixed by INSPECTOR_TOKEN,
 * else random per launch; the printed URL opens the API, and the token never repeats
 * across launches.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const entry = join(import.meta.dirname, '..', '..', 'electron', 'server', 'headless-main.ts');
const URL_LINE = /Inspector: (http:\/\/127\.0\.0\.1:\d+)\/inspector\/\?token=([A-Za-z0-9_%-]+)/;

async function launch(
  env: Record<string, string>,
): Promise<{ origin: string; token: string; stop: () => Promise<number | null> }> {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [entry], {
    cwd: mkdtempSync(join(tmpdir(), 'headless-inspector-')),
    // Its own settings directory: never the user's real settings file.
    env: {
      PATH: process.env.PATH ?? '',
      ANTHROPIC_PROXY_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'headless-config-')),
      PORT: '0',
      LOG_LEVEL: 'silent',
      ...env,
    },
  });
  let out = '';
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    child.stdout.on('data', (part: Buffer) => {
      out += part.toString();
      const found = URL_LINE.exec(out);
      if (found) resolve(found);
    });
    void exit.then((code) =>
      reject(new Error(`headless exited ${code} before printing the inspector URL:\n${out}`)),
    );
  });
  return {
    origin: match[1]!,
    token: decodeURIComponent(match[2]!),
    stop: async () => {
      // One answered request first: the entry has then surely installed its signal handlers.
      await fetch(`${match[1]!}/`);
      child.kill('SIGTERM');
      return exit;
    },
  };
}

describe('headless inspector URL', () => {
  it('prints the URL with the INSPECTOR_TOKEN, and that URL opens the API', async () => {
    const run = await launch({ INSPECTOR_TOKEN: 'fixed-token-for-this-test' });
    try {
      expect(run.token).toBe('fixed-token-for-this-test');
      const status = await fetch(`${run.origin}/inspector/api/status?token=${run.token}`);
      expect(status.status).toBe(200);
      expect(await status.json()).toMatchObject({ state: 'running', url: run.origin });
      expect((await fetch(`${run.origin}/inspector/api/status?token=other`)).status).toBe(401);
    } finally {
      expect(await run.stop()).toBe(0);
    }
  });

  it('makes a new random token on each launch without INSPECTOR_TOKEN', async () => {
    const first = await launch({});
    const firstToken = first.token;
    expect(await first.stop()).toBe(0);
    const second = await launch({});
    try {
      expect(firstToken.length).toBeGreaterThanOrEqual(32);
      expect(second.token).not.toBe(firstToken);
    } finally {
      await second.stop();
    }
  });
});
