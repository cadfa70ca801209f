/**
 * The headless app as `npm run headless` assembles it, with its settings file in a temp
 * directory and two mock upstreams: a PUT of the settings applies to the very next call
 * (model, provider, its headers and quirks, client key), a bad PUT changes nothing, a rule's
 * fallback catches a 429, and a port change rebinds while a call in flight finishes.
 */
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Anthropic from '@anthropic-ai/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHeadlessApp, type HeadlessApp } from '../../electron/server/headless-app.ts';
import { loadProxyConfig } from '../../electron/server/proxy-config.ts';
import type { SettingsSnapshot, SettingsUpdate } from '../../shared/settings/public-settings.ts';
import type { Settings } from '../../shared/settings/settings-schema.ts';
import type { ExchangeSummary } from '../../shared/traffic/exchange-record.ts';
import {
  httpError,
  startMockUpstream,
  streamAnswer,
  type MockUpstream,
} from '../support/mock-openai-upstream.ts';
import { mockProvider, mockSettings } from '../support/mock-settings.ts';
import { rawRequest } from '../support/raw-http.ts';
import { fakeRendererDir, INSPECTOR_TOKEN } from './inspector-test-server.ts';

const KEY_A = 'sk-provider-a-secret-0000AAAA';
const KEY_B = 'sk-or-provider-b-secret-BBBB';

let dir: string;
let upstreamA: MockUpstream;
let upstreamB: MockUpstream;
let app: HeadlessApp;

function initialSettings(): Settings {
  return mockSettings(
    [
      mockProvider({ id: 'a', name: 'Provider A', baseUrl: upstreamA.url, apiKey: KEY_A }),
      mockProvider({
        id: 'b',
        name: 'Provider B',
        preset: 'openrouter',
        baseUrl: upstreamB.url,
        apiKey: KEY_B,
        referrerUrl: 'https://example.com/me',
      }),
    ],
    { big: { provider: 'a', model: 'a-big' }, small: { provider: 'a', model: 'a-small' } },
  );
}

beforeEach(async () => {
  upstreamA = await startMockUpstream();
  upstreamB = await startMockUpstream();
  dir = await mkdtemp(join(tmpdir(), 'settings-live-'));
  await mkdir(join(dir, 'config'));
  await writeFile(join(dir, 'config', 'settings.json'), JSON.stringify(initialSettings()), {
    mode: 0o600,
  });
  // No SDK retry: each upstream answer is seen once.
  const env = {
    ANTHROPIC_PROXY_CONFIG_DIR: join(dir, 'config'),
    INSPECTOR_TOKEN,
    MAX_RETRIES: '0',
  };
  app = await startHeadlessApp({
    config: loadProxyConfig(env, dir),
    env,
    cwd: dir,
    staticDir: fakeRendererDir(),
    warn: (message) => {
      throw new Error(`unexpected warning: ${message}`);
    },
    closeGraceMs: 100,
  });
});

afterEach(async () => {
  await app.close();
  await upstreamA.close();
  await upstreamB.close();
  await rm(dir, { recursive: true, force: true });
});

function api(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${app.proxy.url}/inspector/api${path}`, {
    ...init,
    headers: {
      'x-inspector-token': INSPECTOR_TOKEN,
      'content-type': 'application/json',
      ...init.headers,
    },
  });
}

/** GET the settings, let `edit` change the form, PUT them back. */
async function save(
  edit: (
    update: Required<Pick<SettingsUpdate, 'server' | 'providers' | 'routes'>> & SettingsUpdate,
  ) => void,
) {
  const { settings } = (await (await api('/settings')).json()) as SettingsSnapshot;
  const { version: _version, ...update } = settings;
  edit(update);
  return api('/settings', { method: 'PUT', body: JSON.stringify(update) });
}

function client(apiKey = 'test'): Anthropic {
  return new Anthropic({ baseURL: app.proxy.url, apiKey, maxRetries: 0 });
}

const hello = {
  model: 'claude-sonnet-4-6',
  max_tokens: 64,
  messages: [{ role: 'user' as const, content: 'Hi' }],
};

async function latestExchange(): Promise<ExchangeSummary> {
  app.inspector.recorder.flush();
  const list = (await (await api('/exchanges')).json()) as ExchangeSummary[];
  return list[0]!;
}

describe('saved settings apply to the next call', () => {
  it('sends the next call to the new big model', async () => {
    await client().messages.create(hello);
    expect((upstreamA.requests.at(-1)?.body as { model: string }).model).toBe('a-big');
    const response = await save((update) => (update.routes.big.model = 'a-bigger'));
    expect(response.status).toBe(200);
    await client().messages.create(hello);
    expect((upstreamA.requests.at(-1)?.body as { model: string }).model).toBe('a-bigger');
    expect(await latestExchange()).toMatchObject({
      provider: 'Provider A',
      upstreamModel: 'a-bigger',
      rule: 'big (opus/sonnet)',
    });
  });

  it('switches provider with its key, headers and quirks', async () => {
    await save((update) => (update.routes.big = { provider: 'b', model: 'openai/gpt-4.1' }));
    await client().messages.create({
      ...hello,
      max_tokens: 4096,
      thinking: { type: 'enabled', budget_tokens: 2048 },
    });
    expect(upstreamA.requests).toHaveLength(0);
    const seen = upstreamB.requests[0]!;
    expect(seen.headers.authorization).toBe(`Bearer ${KEY_B}`);
    expect(seen.headers['http-referer']).toBe('https://example.com/me');
    expect(seen.headers['x-title']).toBe('Anthropic Proxy');
    expect(seen.body).toMatchObject({ model: 'openai/gpt-4.1', reasoning: { max_tokens: 2048 } });
    expect(seen.body).not.toHaveProperty('reasoning_effort');
  });

  it('changes nothing on a bad PUT', async () => {
    const response = await save((update) => {
      update.routes.big = { provider: 'b', model: 'x' };
      update.providers[1]!.baseUrl = 'nope';
    });
    expect(response.status).toBe(400);
    await client().messages.create(hello);
    expect((upstreamA.requests.at(-1)?.body as { model: string }).model).toBe('a-big');
    expect(upstreamB.requests).toHaveLength(0);
  });

  it('requires a newly set client key from the next call on', async () => {
    await save(
      (update) => (update.server.clientKey = { set: false, replace: 'client-key-1234567890' }),
    );
    await expect(client('wrong').messages.create(hello)).rejects.toMatchObject({ status: 401 });
    await expect(client('client-key-1234567890').messages.create(hello)).resolves.toMatchObject({
      type: 'message',
    });
  });

  it('retries once on the rule fallback when the target answers 429, and records why', async () => {
    upstreamB.setHandler(httpError(429, { error: { message: 'rate limited' } }));
    await save((update) => {
      update.routes.rules = [
        {
          id: 'tools',
          name: 'tool calls',
          enabled: true,
          when: { tools: true },
          target: { provider: 'b', model: 'b-tools' },
          fallback: { provider: 'a', model: 'a-fallback' },
        },
      ];
    });
    const tool = { name: 'Read', input_schema: { type: 'object' as const, properties: {} } };
    const message = await client().messages.create({ ...hello, tools: [tool] });
    expect(message.type).toBe('message');
    expect(upstreamB.requests).toHaveLength(1);
    expect((upstreamA.requests.at(-1)?.body as { model: string }).model).toBe('a-fallback');
    const row = await latestExchange();
    expect(row).toMatchObject({
      provider: 'Provider A',
      upstreamModel: 'a-fallback',
      rule: 'rule "tool calls" → fallback',
    });
    expect(row.notes).toContainEqual(
      expect.objectContaining({ detail: expect.stringContaining('Provider B answered 429') }),
    );
  });

  it('never returns or records a provider key', async () => {
    await client().messages.create(hello);
    const texts = await Promise.all(
      ['/settings', '/exchanges', '/export?format=har'].map(async (path) =>
        (await api(path)).text(),
      ),
    );
    for (const text of texts) {
      expect(text).not.toContain(KEY_A);
      expect(text).not.toContain(KEY_B);
    }
  });
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('a changed port', () => {
  it('rebinds the listener while a call in flight finishes on the old one', async () => {
    const oldUrl = app.proxy.url;
    upstreamA.setHandler(
      streamAnswer({ text: 'slow answer arriving in pieces', fragments: 6 }, { paceMs: 60 }),
    );
    const inFlight = client().messages.stream(hello).finalMessage();
    await upstreamA.nextRequest();

    const port = await freePort();
    const response = await save((update) => (update.server.port = port));
    expect(response.status).toBe(200);
    expect(app.proxy.url).toBe(`http://127.0.0.1:${port}`);

    const finished = await inFlight;
    expect(finished.content).toEqual([
      expect.objectContaining({ text: 'slow answer arriving in pieces' }),
    ]);
    expect((await rawRequest(app.proxy.url, { path: '/' })).status).toBe(200);
    await expect(fetch(`${oldUrl}/`)).rejects.toThrow();
  });

  it('refuses a port that cannot be bound and keeps the old one', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as { port: number }).port;
    try {
      const before = app.proxy.url;
      const response = await save((update) => (update.server.port = taken));
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        errors: [{ path: 'server.port', message: expect.stringContaining('already in use') }],
      });
      expect(app.proxy.url).toBe(before);
      expect(app.settings.service.get().server.port).toBe(0);
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });
});
