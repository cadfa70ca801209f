/**
 * `npm run headless` (headless-main.ts, as a user starts it) with a settings file it cannot
 * use: one that is corrupt, a valid one it may not write, and none in a directory it may not
 * create. Each time the app starts and says so on stderr with the file's path and what it
 * will do, serves calls (here to a mock upstream set by the environment), applies a change
 * made in the settings form until it stops without saving it, and leaves the user's file
 * byte for byte as it was, through a save and a shutdown.
 *
 * Permissions only bind a user other than root: when the tests run as root (CI containers),
 * the app is started as `nobody` for the unwritable cases, since root may write anything.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { chmod, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JsonFileSettingsStore } from '../../electron/server/settings/json-file-settings-store.ts';
import { defaultSettings } from '../../shared/settings/settings-defaults.ts';
import {
  jsonAnswer,
  startMockUpstream,
  type MockUpstream,
} from '../support/mock-openai-upstream.ts';
import { postJson, rawRequest } from '../support/raw-http.ts';

const entry = join(import.meta.dirname, '..', '..', 'electron', 'server', 'headless-main.ts');
const INSPECTOR_TOKEN = 'fault-settings-inspector-token';
const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;

let upstream: MockUpstream;

beforeAll(async () => {
  upstream = await startMockUpstream();
});
afterAll(async () => {
  await upstream?.close();
});

interface RunningHeadless {
  child: ChildProcessWithoutNullStreams;
  url: string;
  output: () => string;
  exit: Promise<number | null>;
}

async function startHeadless(
  configDir: string,
  cwd: string,
  user?: number,
): Promise<RunningHeadless> {
  const child = spawn(process.execPath, [entry], {
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      ANTHROPIC_PROXY_CONFIG_DIR: configDir,
      PORT: '0',
      BASE_URL: upstream.url,
      OPENAI_API_KEY: 'sk-test-settings-fault',
      INSPECTOR_TOKEN,
    },
    ...(user !== undefined && { uid: user, gid: user }),
  });
  let out = '';
  child.stdout.on('data', (part: Buffer) => (out += part.toString()));
  child.stderr.on('data', (part: Buffer) => (out += part.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await expect.poll(() => out, { timeout: 20_000 }).toContain('Inspector: http');
  const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
  if (!url) throw new Error(`no URL in the output:\n${out}`);
  return { child, url, output: () => out, exit };
}

async function stop(app: RunningHeadless): Promise<void> {
  app.child.kill('SIGTERM');
  expect(await app.exit).toBe(0);
}

/** A normal call answered through the proxy. */
async function expectServing(app: RunningHeadless): Promise<void> {
  upstream.enqueue(jsonAnswer({ text: 'served despite the settings file' }));
  const res = await postJson(app.url, '/v1/messages', {
    model: 'claude-sonnet-4-6',
    max_tokens: 32,
    messages: [{ role: 'user', content: 'Hi' }],
  });
  expect(res.status).toBe(200);
  expect(res.json).toMatchObject({
    content: [{ type: 'text', text: 'served despite the settings file' }],
  });
}

/** A change made in the settings form: applied while running, not saved. */
async function expectAppliedNotSaved(app: RunningHeadless, file: string): Promise<void> {
  const res = await rawRequest(app.url, {
    method: 'PUT',
    path: '/inspector/api/settings',
    headers: { 'content-type': 'application/json', 'x-inspector-token': INSPECTOR_TOKEN },
    body: JSON.stringify({ logLevel: 'debug' }),
  });
  expect(res.status).toBe(200);
  expect(res.json).toMatchObject({
    ok: true,
    saved: false,
    message: `Applied until the proxy stops, not saved: ${file} is left untouched.`,
    snapshot: { settings: { logLevel: 'debug' }, storage: { location: file, writable: false } },
  });
}

describe('a corrupt settings file', () => {
  it('starts with a clear warning, serves, applies changes unsaved and leaves the file as it was', async () => {
    const configDir = await mkdtemp(join(tmpdir(), 'fault-settings-corrupt-'));
    const file = join(configDir, 'settings.json');
    const corrupt = '{ "version": 1, "server": { "host": "127.0.0.1", "port": 8080 }, // my note\n';
    await writeFile(file, corrupt, { mode: 0o600 });
    const app = await startHeadless(configDir, await mkdtemp(join(tmpdir(), 'fault-cwd-')));
    try {
      expect(app.output()).toContain(`WARNING: The settings file ${file} is not valid JSON (`);
      expect(app.output()).toContain(
        'Starting with defaults; the file is left untouched. Fix or move it away, then restart.',
      );
      await expectServing(app);
      await expectAppliedNotSaved(app, file);
      await stop(app);
    } finally {
      app.child.kill('SIGKILL');
    }
    expect(await readFile(file, 'utf8')).toBe(corrupt);
  });
});

describe('a settings file the app may not write', () => {
  let configDir: string;
  let file: string;
  let stored: string;
  let cwd: string;

  beforeAll(async () => {
    configDir = await mkdtemp(join(tmpdir(), 'fault-settings-readonly-'));
    file = join(configDir, 'settings.json');
    // Routes aimed at the environment's provider (BASE_URL, OPENAI_API_KEY), log level its own.
    await new JsonFileSettingsStore(file).save({
      ...defaultSettings({ envProvider: true }),
      logLevel: 'warn',
    });
    stored = await readFile(file, 'utf8');
    // Readable, not writable, in a directory where no file can be created or replaced.
    await chmod(file, 0o444);
    await chmod(configDir, 0o555);
    cwd = await mkdtemp(join(tmpdir(), 'fault-cwd-'));
    await chmod(cwd, 0o755);
  });
  afterAll(async () => {
    await chmod(configDir, 0o755).catch(() => undefined);
  });

  it('starts with the stored settings and a clear warning, serves, applies changes unsaved and leaves the file as it was', async () => {
    const app = await startHeadless(configDir, cwd, asRoot ? NOBODY : undefined);
    try {
      expect(app.output()).toContain(`WARNING: The settings file ${file} cannot be written (`);
      expect(app.output()).toContain(
        'Changes made while the proxy runs apply until it stops and are not saved; fix the permissions, then restart.',
      );
      const snapshot = await rawRequest(app.url, {
        path: '/inspector/api/settings',
        headers: { 'x-inspector-token': INSPECTOR_TOKEN },
      });
      // The stored settings are in effect: the file was read, only writing is impossible.
      expect(snapshot.json).toMatchObject({ settings: { logLevel: 'warn' } });
      await expectServing(app);
      await expectAppliedNotSaved(app, file);
      await stop(app);
    } finally {
      app.child.kill('SIGKILL');
    }
    expect(await readFile(file, 'utf8')).toBe(stored);
  });
});

describe('a settings directory the app may not create', () => {
  it('starts from the first-run settings with a clear warning and applies changes unsaved', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'fault-settings-noparent-'));
    await chmod(parent, 0o555);
    const file = join(parent, 'anthropic-proxy', 'settings.json');
    const app = await startHeadless(
      join(parent, 'anthropic-proxy'),
      await mkdtemp(join(tmpdir(), 'fault-cwd-')),
      asRoot ? NOBODY : undefined,
    );
    try {
      expect(app.output()).toContain(
        `WARNING: The settings file ${file} cannot be written (EACCES: permission denied, access '${parent}')`,
      );
      await expectServing(app);
      await expectAppliedNotSaved(app, file);
      await stop(app);
    } finally {
      app.child.kill('SIGKILL');
      await chmod(parent, 0o755);
    }
    expect(await readdir(parent)).toEqual([]);
  });
});
