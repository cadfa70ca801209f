/**
 * A planted upstream key (the provider's, in the settings file) and a planted client key
 * (the proxy's own, in the settings file too) must never appear in any output channel,
 * whatever the traffic: successful calls (stream and not), an upstream 401 that echoes the
 * key in its error message (stream and not), an HTML error page that echoes the
 * Authorization header, an OpenRouter-style error inside a 200 stream that names the key,
 * a wrong client key, and a provider test that the upstream refuses with the key in the
 * message. Channels grepped: every log line at trace level, the client's answers and error
 * events, what the upstream received (the client key must not travel), the inspector API
 * (list, search, detail, status, settings, health, models), the exports (JSON and HAR, from
 * the API and from the page's menu), both cURL copies of every exchange, and the DOM of every
 * tab of every exchange, the sessions view and the settings view in Chromium. Each check
 * also looks for a fragment from the middle of each key, so a partly masked key fails too.
 */
import Anthropic from '@anthropic-ai/sdk';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorInStream,
  httpError,
  jsonAnswer,
  startMockUpstream,
  streamAnswer,
  type MockUpstream,
} from '../support/mock-openai-upstream.ts';
import { send, withToken } from '../integration/security-routes.ts';
import {
  PLANTED_CLIENT_KEY,
  PLANTED_UPSTREAM_KEY,
  startSecurityApp,
  type SecurityApp,
} from '../integration/security-test-app.ts';
import { inspectorPage, type InspectorPage } from './pages/inspector-page.ts';
import { settingsPage } from './pages/settings-page.ts';
import { launchChromium, watchProblems, type PageProblems } from './support/chromium.ts';
import { ensureRendererBuilt } from './support/renderer-build.ts';

/** The keys, and fragments of their middles (a masked key keeps only its last four). */
const NEEDLES = [
  PLANTED_UPSTREAM_KEY,
  PLANTED_CLIENT_KEY,
  PLANTED_UPSTREAM_KEY.slice(6, -6),
  PLANTED_CLIENT_KEY.slice(6, -6),
];

function leaks(text: string, needles: readonly string[] = NEEDLES): string[] {
  return needles.filter((needle) => text.includes(needle));
}

const hello = {
  model: 'claude-sonnet-4-6',
  max_tokens: 64,
  messages: [{ role: 'user' as const, content: 'Say hello' }],
};
const SESSION = { 'x-claude-code-session-id': 'planted-keys-session' };

let upstream: MockUpstream;
let running: SecurityApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let ui: InspectorPage;
let problems: PageProblems;
/** Everything the client received: answers, error bodies, SSE text. */
const clientSaw: string[] = [];

async function callThroughSdk(
  client: Anthropic,
  stream: boolean,
  headers: Record<string, string> = {},
): Promise<void> {
  try {
    if (stream) {
      const events = client.messages.stream(hello, { headers });
      events.on('streamEvent', (event) => clientSaw.push(JSON.stringify(event)));
      clientSaw.push(JSON.stringify(await events.finalMessage()));
    } else {
      clientSaw.push(JSON.stringify(await client.messages.create(hello, { headers })));
    }
  } catch (error) {
    clientSaw.push(String(error), JSON.stringify((error as { error?: unknown }).error ?? null));
  }
}

beforeAll(async () => {
  const staticDir = await ensureRendererBuilt();
  upstream = await startMockUpstream();
  running = await startSecurityApp({
    upstreamUrl: upstream.url,
    server: { clientKey: PLANTED_CLIENT_KEY },
    logLevel: 'trace',
    staticDir,
  });
  const echo = `Incorrect API key provided: ${PLANTED_UPSTREAM_KEY}. You can find your API key at https://platform.example/keys.`;
  upstream.enqueue(
    streamAnswer({ text: 'Hello, streamed' }),
    jsonAnswer({ text: 'Hello, whole' }),
    httpError(401, {
      error: { message: echo, type: 'invalid_request_error', code: 'invalid_api_key' },
    }),
    httpError(401, { error: { message: echo } }),
    httpError(
      400,
      `<html><body>Bad header: Authorization: Bearer ${PLANTED_UPSTREAM_KEY}</body></html>`,
    ),
    errorInStream({ code: 401, message: `key ${PLANTED_UPSTREAM_KEY} was revoked` }),
    httpError(401, { error: { message: echo } }),
    httpError(401, { error: { message: echo } }),
  );
  const byApiKey = new Anthropic({
    baseURL: running.url,
    apiKey: PLANTED_CLIENT_KEY,
    maxRetries: 0,
  });
  const byBearer = new Anthropic({
    baseURL: running.url,
    apiKey: null,
    authToken: PLANTED_CLIENT_KEY,
    maxRetries: 0,
  });
  await callThroughSdk(byApiKey, true, SESSION);
  await callThroughSdk(byBearer, false, SESSION);
  await callThroughSdk(byApiKey, false);
  await callThroughSdk(byBearer, true);
  await callThroughSdk(byApiKey, false);
  await callThroughSdk(byApiKey, true);
  // A wrong client key: refused by the proxy, never reaching the upstream.
  const wrong = new Anthropic({ baseURL: running.url, apiKey: 'not-the-key', maxRetries: 0 });
  await callThroughSdk(wrong, false);
  // The settings form's "test connection", refused by the upstream with the key echoed.
  const test = await send(running.url, {
    method: 'POST',
    path: withToken('/inspector/api/providers/mock/test', running.token),
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  clientSaw.push(test.text);
  // The provider test lists the models, then makes a call: both refused with the echo.
  expect(upstream.requests).toHaveLength(8);

  browser = await launchChromium();
  context = await browser.newContext({
    viewport: { width: 1500, height: 950 },
    acceptDownloads: true,
  });
  context.setDefaultTimeout(8000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: running.url });
  page = await context.newPage();
  problems = watchProblems(page);
  ui = inspectorPage(page);
  await page.goto(running.app.inspectorUrl);
  await ui.proxyStatus.filter({ hasText: 'Proxy running' }).waitFor();
}, 180_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await running?.close();
  await upstream?.close();
});

describe('a planted upstream key and client key', () => {
  it('are not in anything the client received: answers, errors, error events', () => {
    const all = clientSaw.join('\n');
    // The traffic really carried the echoes and errors this test is about.
    expect(all).toContain('Incorrect API key provided');
    expect(all).toContain('was revoked');
    expect(all).toContain('Hello, streamed');
    expect(all).toContain(PLANTED_UPSTREAM_KEY.slice(-4));
    expect(leaks(all)).toEqual([]);
  });

  it('do not travel where they do not belong: the client key never reaches the upstream', () => {
    const sent = upstream.requests.map((request) => JSON.stringify(request)).join('\n');
    expect(sent).toContain(`Bearer ${PLANTED_UPSTREAM_KEY}`); // the upstream key is for the upstream
    expect(leaks(sent, [PLANTED_CLIENT_KEY, PLANTED_CLIENT_KEY.slice(6, -6)])).toEqual([]);
  });

  it('are in no log line at any level, trace included', () => {
    const lines = running.logs;
    const levels = new Set(
      lines
        .filter((line) => line.startsWith('{'))
        .map((line) => (JSON.parse(line) as { level: number }).level),
    );
    expect(levels.has(10) || levels.has(20)).toBe(true); // trace/debug lines were written
    expect(lines.join('\n')).toContain('authorization'); // headers were logged
    expect(leaks(lines.join('\n'))).toEqual([]);
  });

  it('are in no inspector API answer: list, search, every record, status, settings, health, models', async () => {
    const get = async (path: string) =>
      (await send(running.url, { method: 'GET', path: withToken(path, running.token) })).text;
    const list = await get('/inspector/api/exchanges');
    const ids = (JSON.parse(list) as { id: string }[]).map((summary) => summary.id);
    expect(ids.length).toBe(6); // the wrong-key call is refused before it is recorded
    const answers = [
      list,
      await get('/inspector/api/exchanges?q=incorrect'),
      await get('/inspector/api/exchanges?q=hello'),
      ...(await Promise.all(ids.map((id) => get(`/inspector/api/exchanges/${id}`)))),
      await get('/inspector/api/status'),
      await get('/inspector/api/settings'),
      (await send(running.url, { method: 'GET', path: '/' })).text,
      (
        await send(running.url, {
          method: 'GET',
          path: '/v1/models',
          headers: { 'x-api-key': PLANTED_CLIENT_KEY },
        })
      ).text,
    ];
    const all = answers.join('\n');
    expect(all).toContain('Incorrect API key provided'); // the recorded error is there, masked
    expect(leaks(all)).toEqual([]);
  });

  it('are in no live event the inspector streams, while a failing call is recorded', async () => {
    const controller = new AbortController();
    const response = await fetch(
      `${running.url}${withToken('/inspector/api/events', running.token)}`,
      {
        signal: controller.signal,
      },
    );
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let events = '';
    const until = async (text: string) => {
      while (!events.includes(text)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`event stream ended before ${text}`);
        events += value;
      }
    };
    await until('event: snapshot');
    upstream.enqueue(
      errorInStream({ code: 401, message: `live: key ${PLANTED_UPSTREAM_KEY} was revoked` }),
    );
    await callThroughSdk(
      new Anthropic({ baseURL: running.url, apiKey: PLANTED_CLIENT_KEY, maxRetries: 0 }),
      true,
    );
    await until('live: key');
    await until('event: exchange-completed');
    controller.abort();
    expect(leaks(events)).toEqual([]);
  });

  it('are in no export: JSON and HAR, from the API and from the page menu', async () => {
    const api = async (format: string) =>
      (
        await send(running.url, {
          method: 'GET',
          path: withToken(`/inspector/api/export?format=${format}`, running.token),
        })
      ).text;
    const documents = [
      await api('json'),
      await api('har'),
      await ui.exportDocument('all', 'json'),
      await ui.exportDocument('all', 'har'),
    ];
    for (const document of documents) {
      expect(document).toContain('/v1/messages');
      expect(leaks(document)).toEqual([]);
    }
  });

  it('are in no cURL copy of any exchange, for either leg', async () => {
    const clipboard = async () => String(await page.evaluate('navigator.clipboard.readText()'));
    const copies: string[] = [];
    for (const row of await ui.rows.all()) {
      await row.click();
      // The copy buttons come with the record, which loads after the click: wait for it.
      await ui.detail.getByRole('button', { name: 'cURL (Anthropic)' }).waitFor();
      for (const label of ['cURL (Anthropic)', 'cURL (OpenAI)']) {
        const button = ui.detail.getByRole('button', { name: label });
        if ((await button.count()) === 0) continue; // a call refused before the upstream has no OpenAI leg
        await page.evaluate('navigator.clipboard.writeText("")');
        await button.click();
        // The copy lands asynchronously: wait for it instead of reading what was there.
        await expect.poll(clipboard).not.toBe('');
        copies.push(await clipboard());
      }
    }
    expect(copies.filter((copy) => copy.includes('/chat/completions')).length).toBeGreaterThan(3);
    expect(copies.join('\n')).toContain('$ANTHROPIC_API_KEY');
    expect(leaks(copies.join('\n'))).toEqual([]);
  });

  it('are in no page: every tab of every exchange, the sessions view and the settings view', async () => {
    const secrets = [...NEEDLES, running.token];
    const seen: string[] = [];
    for (const row of await ui.rows.all()) {
      await row.click();
      const tabs = ui.detail.getByRole('tab');
      const names = await tabs.allInnerTexts();
      expect(names.length).toBeGreaterThanOrEqual(8);
      for (let at = 0; at < names.length; at++) {
        await tabs.nth(at).click();
        await ui.detail
          .getByRole('tab', { selected: true })
          .filter({ hasText: names[at] })
          .waitFor();
        const html = await page.content();
        seen.push(html);
        expect(leaks(html, secrets), `${names[at]} tab`).toEqual([]);
      }
    }
    await ui.viewButton('Sessions').click();
    seen.push(await page.content());
    await ui.viewButton('Traffic').click();
    const settings = settingsPage(page);
    await settings.open();
    await settings.provider('Mock upstream').waitFor();
    const settingsHtml = await page.content();
    expect(settingsHtml).toContain(PLANTED_UPSTREAM_KEY.slice(-4)); // shown as last four only
    seen.push(settingsHtml);
    expect(leaks(seen.join('\n'), secrets)).toEqual([]);
    expect(seen.join('\n')).toContain('Incorrect API key provided');
    expect(problems.cspViolations()).toEqual([]);
  });
});
