import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ExchangeRecord,
  ExchangeSummary,
  TimedItem,
} from '../../shared/traffic/exchange-record.ts';
import type { ProxyStatus } from '../../shared/bridge.ts';
import { harProblems } from '../unit/export/har-structure.ts';
import {
  CLIENT_KEY,
  INSPECTOR_TOKEN,
  startInspectedProxy,
  UPSTREAM_KEY,
  type InspectedProxy,
} from './inspector-test-server.ts';

let env: InspectedProxy;
let client: Anthropic;

beforeAll(async () => {
  env = await startInspectedProxy();
  client = new Anthropic({ baseURL: env.proxy.url, apiKey: CLIENT_KEY, maxRetries: 0 });
});
afterAll(() => env.close());

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

async function makeCalls(): Promise<void> {
  await client.messages.create({
    model: 'claude-haiku-4-5',
    max_tokens: 50,
    messages: [{ role: 'user', content: 'plain call' }],
  });
  const stream = client.messages.stream({
    model: 'claude-sonnet-4-5',
    max_tokens: 50,
    messages: [{ role: 'user', content: 'streamed call' }],
  });
  await stream.finalMessage();
  env.inspector.recorder.flush();
}

describe('inspector API token', () => {
  it('answers 401 in the Anthropic error shape without the token, or with a wrong one', async () => {
    for (const token of [null, 'wrong-token']) {
      const response = await env.api('/inspector/api/exchanges', { token });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({
        type: 'error',
        error: { type: 'authentication_error' },
      });
    }
  });

  it('accepts the token as ?token= (what EventSource can send) as well as the header', async () => {
    const response = await env.api(`/inspector/api/status?token=${INSPECTOR_TOKEN}`, {
      token: null,
    });
    expect(response.status).toBe(200);
    const status = await json<ProxyStatus>(response);
    expect(status).toMatchObject({
      state: 'running',
      url: env.proxy.url,
      demo: false,
      upstreamConfigured: true,
    });
  });

  it('prints an inspector URL that carries the token', () => {
    expect(env.inspectorUrl).toBe(`${env.proxy.url}/inspector/?token=${INSPECTOR_TOKEN}`);
  });
});

describe('inspector page', () => {
  it('serves index.html with a strict CSP only with the token', async () => {
    const page = await fetch(env.inspectorUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect((await fetch(`${env.proxy.url}/inspector/`)).status).toBe(401);
  });

  it('redirects /inspector to /inspector/ keeping the token, so relative asset URLs resolve', async () => {
    const response = await fetch(`${env.proxy.url}/inspector?token=${INSPECTOR_TOKEN}`, {
      redirect: 'manual',
    });
    expect(response.status).toBe(308);
    expect(response.headers.get('location')).toBe(`/inspector/?token=${INSPECTOR_TOKEN}`);
  });

  it('serves the static assets without the token', async () => {
    const asset = await fetch(`${env.proxy.url}/inspector/assets/app.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
  });

  it('says how to build the UI when dist/renderer is missing', async () => {
    const unbuilt = await startInspectedProxy({ staticDir: '/nonexistent/dist/renderer' });
    try {
      const page = await fetch(unbuilt.inspectorUrl);
      expect(page.status).toBe(503);
      expect(await page.text()).toMatch(/vite build/);
    } finally {
      await unbuilt.close();
    }
  });
});

describe('inspector exchanges API', () => {
  it('lists summaries newest first and returns the full record with its four forms, keys redacted', async () => {
    await makeCalls();
    const list = await json<ExchangeSummary[]>(await env.api('/inspector/api/exchanges'));
    expect(list.length).toBeGreaterThanOrEqual(2);
    const [streamed, plain] = list;
    expect(streamed).toMatchObject({
      stream: true,
      state: 'complete',
      requestedModel: 'claude-sonnet-4-5',
      upstreamModel: 'gpt-4o',
    });
    expect(plain).toMatchObject({
      stream: false,
      state: 'complete',
      requestedModel: 'claude-haiku-4-5',
      upstreamModel: 'gpt-4o-mini',
    });
    expect(streamed!.timings.receivedAt).toBeGreaterThanOrEqual(plain!.timings.receivedAt);

    const response = await env.api(`/inspector/api/exchanges/${streamed!.id}`);
    const text = await response.text();
    expect(text).not.toContain(UPSTREAM_KEY);
    expect(text).not.toContain(CLIENT_KEY);
    const record = JSON.parse(text) as ExchangeRecord;
    expect(record.anthropicRequest).toMatchObject({ model: 'claude-sonnet-4-5', stream: true });
    expect(record.openaiRequest).toMatchObject({ model: 'gpt-4o', stream: true });
    const chunks = record.openaiResponse as TimedItem[];
    const events = record.anthropicResponse as TimedItem[];
    expect(chunks.length).toBeGreaterThan(0);
    expect(typeof chunks[0]!.offsetMs).toBe('number');
    expect(events.map((e) => (e.data as { type: string }).type)).toContain('message_stop');
    // This SDK version sends its apiKey as a Bearer token.
    const auth = record.requestHeaders['x-api-key'] ?? record.requestHeaders.authorization;
    expect(auth).toMatch(new RegExp(`^(Bearer )?…${CLIENT_KEY.slice(-4)}$`));
    expect(
      record.upstreamRequestHeaders?.authorization ?? `Bearer …${UPSTREAM_KEY.slice(-4)}`,
    ).toBe(`Bearer …${UPSTREAM_KEY.slice(-4)}`);
    expect(record.upstreamUrl).toBe(`${env.upstream.url}/chat/completions`);

    const plainRecord = await json<ExchangeRecord>(
      await env.api(`/inspector/api/exchanges/${plain!.id}`),
    );
    expect(plainRecord.openaiResponse).toMatchObject({ object: 'chat.completion' });
    expect(plainRecord.anthropicResponse).toMatchObject({ type: 'message', role: 'assistant' });
  });

  it('answers 404 for an unknown exchange', async () => {
    const response = await env.api('/inspector/api/exchanges/no-such-id');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { type: 'not_found_error' } });
  });

  it('exports JSON and HAR 1.2 as attachments, all or selected, with keys redacted', async () => {
    await makeCalls();
    const list = await json<ExchangeSummary[]>(await env.api('/inspector/api/exchanges'));

    const har = await env.api('/inspector/api/export?format=har');
    expect(har.status).toBe(200);
    expect(har.headers.get('content-disposition')).toMatch(
      /^attachment; filename="anthropic-proxy-.*\.har"$/,
    );
    const harText = await har.text();
    expect(harText).not.toContain(UPSTREAM_KEY);
    expect(harText).not.toContain(CLIENT_KEY);
    const harDoc = JSON.parse(harText) as { log: { entries: { _exchangeId: string }[] } };
    expect(harProblems(harDoc)).toEqual([]);
    expect(new Set(harDoc.log.entries.map((e) => e._exchangeId)).size).toBe(list.length);

    const selected = await env.api(
      `/inspector/api/export?format=json&ids=${list[0]!.id},${list[1]!.id}`,
    );
    expect(selected.headers.get('content-disposition')).toMatch(/\.json"$/);
    const doc = await json<{ format: string; exchanges: ExchangeRecord[] }>(selected);
    expect(doc.format).toBe('anthropic-proxy.exchanges');
    expect(doc.exchanges.map((e) => e.id)).toEqual([list[0]!.id, list[1]!.id]);

    expect((await env.api('/inspector/api/export?format=xml')).status).toBe(400);
  });

  it('clears every exchange on DELETE', async () => {
    await makeCalls();
    const response = await env.api('/inspector/api/exchanges', { method: 'DELETE' });
    expect(response.status).toBe(204);
    expect(await json<unknown[]>(await env.api('/inspector/api/exchanges'))).toEqual([]);
  });
});
