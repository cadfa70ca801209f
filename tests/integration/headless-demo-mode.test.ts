/**
 * Demo mode end to end. `headless-main.ts --demo` (and DEMO=1) starts with the simulated
 * upstream: the banner says so, the official Anthropic SDK gets a streamed answer, and the
 * inspector's status says `demo: true`. Turned on at run time (POST /inspector/api/demo,
 * the "Try the demo" button), it sends its five sample calls through the proxy, labelled
 * as the demo's, and leaves the user's stored settings exactly as they were.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Anthropic from '@anthropic-ai/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProxyStatus } from '../../shared/bridge.ts';
import type { SettingsSnapshot } from '../../shared/settings/public-settings.ts';
import type { ExchangeSummary } from '../../shared/traffic/exchange-record.ts';
import { DEMO_PROVIDER_NAME } from '../../electron/server/demo/demo-mode.ts';
import { DEMO_CLIENT_USER_AGENT } from '../../electron/server/demo/demo-traffic.ts';
import { INSTANT_PACE } from '../../electron/server/demo/simulated-upstream.ts';
import { startHeadlessApp, type HeadlessApp } from '../../electron/server/headless-app.ts';
import { loadProxyConfig } from '../../electron/server/proxy-config.ts';
import { fakeRendererDir, INSPECTOR_TOKEN, openEventStream } from './inspector-test-server.ts';

const entry = join(import.meta.dirname, '..', '..', 'electron', 'server', 'headless-main.ts');

function startHeadless(args: string[], env: Record<string, string>) {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [entry, ...args], {
    cwd: mkdtempSync(join(tmpdir(), 'headless-demo-')),
    env: {
      PATH: process.env.PATH ?? '',
      ANTHROPIC_PROXY_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'headless-demo-config-')),
      PORT: '0',
      INSPECTOR_TOKEN,
      ...env,
    },
  });
  let out = '';
  child.stdout.on('data', (part: Buffer) => (out += part.toString()));
  child.stderr.on('data', (part: Buffer) => (out += part.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, out: () => out, exit };
}

async function status(proxyUrl: string): Promise<ProxyStatus> {
  const response = await fetch(`${proxyUrl}/inspector/api/status`, {
    headers: { 'x-inspector-token': INSPECTOR_TOKEN },
  });
  return (await response.json()) as ProxyStatus;
}

describe('headless entry in demo mode', () => {
  it('with --demo, says so at start and streams a simulated answer to the official SDK', async () => {
    const headless = startHeadless(['--demo'], {});
    try {
      await expect.poll(headless.out, { timeout: 15_000 }).toContain('Inspector: ');
      const out = headless.out();
      expect(out).toContain('DEMO MODE: answers are SIMULATED');
      expect(out).toContain(`Upstream: ${DEMO_PROVIDER_NAME}`);
      expect(out).not.toContain('WARNING: no upstream configured');
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1]!;
      expect(await status(url)).toMatchObject({ state: 'running', demo: true });

      const client = new Anthropic({ baseURL: url, apiKey: 'anything', maxRetries: 0 });
      const stream = client.messages.stream({
        model: 'claude-sonnet-4-6',
        max_tokens: 1024,
        messages: [{ role: 'user', content: 'What does the inspector show?' }],
      });
      let deltas = 0;
      stream.on('text', () => deltas++);
      const message = await stream.finalMessage();
      expect(deltas).toBeGreaterThan(10);
      expect(message.stop_reason).toBe('end_turn');
      expect(message.content[0]).toMatchObject({ type: 'text' });
      expect((message.content[0] as { text: string }).text).toContain('Simulated answer');

      headless.child.kill('SIGTERM');
      expect(await headless.exit).toBe(0);
    } finally {
      headless.child.kill('SIGKILL');
    }
  });

  it('with DEMO=1, starts in demo mode too', async () => {
    const headless = startHeadless([], { DEMO: '1' });
    try {
      await expect.poll(headless.out, { timeout: 15_000 }).toContain('Inspector: ');
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(headless.out())![1]!;
      expect(await status(url)).toMatchObject({ demo: true });
    } finally {
      headless.child.kill('SIGKILL');
    }
  });
});

describe('demo mode turned on at run time', () => {
  let app: HeadlessApp | undefined;
  let dir: string;
  afterEach(async () => {
    await app?.close();
    app = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  async function start(): Promise<HeadlessApp> {
    dir = await mkdtemp(join(tmpdir(), 'demo-runtime-'));
    const env = { ANTHROPIC_PROXY_CONFIG_DIR: join(dir, 'config'), INSPECTOR_TOKEN, PORT: '0' };
    app = await startHeadlessApp({
      config: loadProxyConfig(env, dir),
      env,
      cwd: dir,
      staticDir: fakeRendererDir(),
      warn: () => undefined,
      logDestination: { write: () => undefined },
      closeGraceMs: 100,
      demo: { spacingMs: 0, upstream: { pace: INSTANT_PACE, failEvery: 0 } },
    });
    return app;
  }

  const api = (running: HeadlessApp, path: string, init: RequestInit = {}) =>
    fetch(`${running.proxy.url}/inspector/api${path}`, {
      ...init,
      headers: { 'x-inspector-token': INSPECTOR_TOKEN, ...init.headers },
    });

  it('POST /inspector/api/demo turns it on, pushes the status and sends five labelled sample calls', async () => {
    const running = await start();
    const before = (await (await api(running, '/settings')).json()) as SettingsSnapshot;
    expect(await status(running.proxy.url)).toMatchObject({ demo: false });
    const events = await openEventStream(
      `${running.proxy.url}/inspector/api/events?token=${INSPECTOR_TOKEN}`,
    );
    try {
      const response = await api(running, '/demo', { method: 'POST' });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ state: 'running', demo: true });
      await events.waitFor(
        (event) => event.event === 'status' && (event.data as ProxyStatus).demo === true,
      );
    } finally {
      events.close();
    }

    expect(await running.demo.sampleTraffic()).toEqual({ sent: 5, failed: 1 });
    running.inspector.recorder.flush();
    const list = (await (await api(running, '/exchanges')).json()) as ExchangeSummary[];
    expect(list).toHaveLength(5);
    for (const summary of list) {
      expect(summary.client).toBe(DEMO_CLIENT_USER_AGENT);
      expect(summary.provider).toBe(DEMO_PROVIDER_NAME);
      expect(summary.sessionId).toBe(list[0]!.sessionId);
    }
    expect(list[0]!.sessionId).toMatch(/^demo-/);
    const oldestFirst = list.toReversed();
    expect(oldestFirst.map((s) => s.stopReason ?? s.status)).toEqual([
      'tool_use',
      'end_turn',
      'end_turn',
      'end_turn',
      429,
    ]);
    expect(oldestFirst.map((s) => s.stream)).toEqual([true, true, true, false, true]);
    expect(oldestFirst[1]!.tokens.cacheRead).toBeGreaterThan(0);
    expect(oldestFirst[3]!.upstreamModel).toBe('simulated-small');

    // The user's settings are as they were, in the API and on disk.
    const after = (await (await api(running, '/settings')).json()) as SettingsSnapshot;
    expect(after.settings).toEqual(before.settings);
    const stored = await readFile(join(dir, 'config', 'settings.json'), 'utf8').catch(() => '');
    expect(stored).not.toContain('simulated');
  });

  it('answers the same status to a second POST and sends no more sample calls', async () => {
    const running = await start();
    await api(running, '/demo', { method: 'POST' });
    await running.demo.sampleTraffic();
    const again = await api(running, '/demo', { method: 'POST' });
    expect(await again.json()).toMatchObject({ demo: true });
    running.inspector.recorder.flush();
    const list = (await (await api(running, '/exchanges')).json()) as ExchangeSummary[];
    expect(list).toHaveLength(5);
  });

  it('refuses POST /inspector/api/demo without the inspector token', async () => {
    const running = await start();
    const response = await fetch(`${running.proxy.url}/inspector/api/demo`, { method: 'POST' });
    expect(response.status).toBe(401);
    expect(running.demo.enabled()).toBe(false);
  });
});
