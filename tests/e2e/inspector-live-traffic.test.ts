/**
 * The inspector in a real browser (Debian's Chromium) against the real headless proxy and a
 * mock OpenAI upstream, driven by the official Anthropic SDK: rows appear as calls start,
 * answers grow while they stream, every detail tab shows its form of the call, errors stand
 * out, exports are valid, and no key ever reaches the page.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  httpError,
  startMockUpstream,
  streamAnswer,
  type MockUpstream,
} from '../support/mock-openai-upstream.ts';
import { launchChromium, watchProblems, type PageProblems } from './support/chromium.ts';
import {
  PLANTED_CLIENT_KEY,
  PLANTED_UPSTREAM_KEY,
  startInspectorProxy,
  type InspectorProxy,
} from './support/inspector-proxy.ts';
import { inspectorPage, type InspectorPage } from './pages/inspector-page.ts';

const SESSION = { 'x-claude-code-session-id': 'e2e-session-1' };
const WORDS =
  'The quick brown fox jumps over the lazy dog while the inspector watches every chunk arrive'.split(
    ' ',
  );

let browser: Browser;
let upstream: MockUpstream;
let proxy: InspectorProxy;
let context: BrowserContext;
let page: Page;
let ui: InspectorPage;
let problems: PageProblems;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  upstream = await startMockUpstream();
  proxy = await startInspectorProxy({ upstreamUrl: upstream.url });
  context = await browser.newContext({
    viewport: { width: 1500, height: 950 },
    acceptDownloads: true,
  });
  // Fail on the locator that did not show, well before the test's own timeout.
  context.setDefaultTimeout(8000);
  page = await context.newPage();
  problems = watchProblems(page);
  ui = inspectorPage(page);
  await page.goto(proxy.inspectorUrl);
  await ui.proxyStatus.filter({ hasText: 'Proxy running' }).waitFor();
});

afterEach(async () => {
  // Whatever the test did, nothing may have been blocked by the CSP or thrown in the page.
  await context?.close();
  await proxy?.close();
  await upstream?.close();
  expect(problems.cspViolations()).toEqual([]);
  expect(problems.errors).toEqual([]);
});

function firstTurn(prompt = 'Say something about foxes') {
  return {
    model: 'claude-sonnet-4-6',
    max_tokens: 1024,
    system: 'You are a terse assistant.',
    stop_sequences: ['END'],
    messages: [{ role: 'user' as const, content: prompt }],
    tools: [
      {
        name: 'Read',
        description: 'Read a file from disk',
        input_schema: { type: 'object' as const, properties: { file_path: { type: 'string' } } },
      },
    ],
  };
}

describe('inspector with live traffic', () => {
  it('shows the two env lines for Claude Code while there is no traffic', async () => {
    await ui.emptyNoTraffic.waitFor();
    const text = await ui.emptyNoTraffic.innerText();
    expect(text).toContain(`export ANTHROPIC_BASE_URL='${proxy.url}'`);
    expect(text).toContain("export ANTHROPIC_AUTH_TOKEN='anthropic-proxy'");
  });

  it('shows a streaming call within a second of its start and grows its answer live', async () => {
    upstream.enqueue(
      streamAnswer({ text: WORDS.join(' '), fragments: WORDS.length }, { paceMs: 120 }),
    );
    const sentAt = Date.now();
    const stream = proxy.client.messages.stream(firstTurn(), { headers: SESSION });
    await ui.rows.first().waitFor({ timeout: 1000 });
    const appearedMs = Date.now() - sentAt;
    expect(appearedMs).toBeLessThan(1000);

    await ui.rows.first().click();
    await ui.openTab('Conversation');
    // A first piece of the answer while the call is still streaming…
    await ui.response.getByText('streaming').waitFor();
    await ui.response.getByText(/The quick/).waitFor();
    const partial = await ui.response.innerText();
    expect(partial).not.toContain(WORDS.at(-1));
    // …then the rest, in the same pane, without reselecting anything.
    await ui.response.getByText(new RegExp(`${WORDS.at(-2)} ${WORDS.at(-1)}`)).waitFor();
    await ui.response.getByText('streaming').waitFor({ state: 'detached' });
    const final = await ui.response.innerText();
    expect(final.length).toBeGreaterThan(partial.length);
    expect((await stream.finalMessage()).stop_reason).toBe('end_turn');
    await ui.rows.first().locator('.col-status', { hasText: '200' }).waitFor();
    console.log(`[e2e] row appeared ${appearedMs} ms after the call started`);
  });

  it('shows each form of the call in its own tab', async () => {
    upstream.enqueue(
      streamAnswer({
        reasoning: 'Look at the file first.',
        text: 'Reading it.',
        toolCalls: [{ id: 'call_a', name: 'Read', arguments: '{"file_path":"/tmp/fox.txt"}' }],
      }),
      streamAnswer({ text: 'The file says hello.' }),
    );
    const first = await proxy.client.messages
      .stream(firstTurn(), { headers: SESSION })
      .finalMessage();
    const toolUse = first.content.find((b) => b.type === 'tool_use')!;
    await proxy.client.messages
      .stream(
        {
          ...firstTurn(),
          messages: [
            ...firstTurn().messages,
            { role: 'assistant', content: first.content.filter((b) => b.type !== 'thinking') },
            {
              role: 'user',
              content: [
                { type: 'tool_result', tool_use_id: toolUse.id, content: 'hello from fox.txt' },
              ],
            },
          ],
        },
        { headers: SESSION },
      )
      .finalMessage();
    await ui.rows.nth(1).locator('.col-status', { hasText: '200' }).waitFor();
    await ui.rows.nth(1).click();
    const panel = ui.tabPanel;

    await ui.openTab('Overview');
    await page.getByTestId('waterfall').waitFor();
    await panel.getByText('gpt-5-mini').first().waitFor();
    expect(await panel.innerText()).toContain('claude-sonnet-4-6');

    await ui.openTab('Conversation');
    await panel.getByText('hello from fox.txt').waitFor();
    expect(await panel.locator('.block-tool-result').innerText()).toContain('Read result');
    await ui.response.getByText('The file says hello.').waitFor();

    await ui.openTab("What's new");
    await panel.getByText(/2 new messages after 1\s+shared/).waitFor();

    await ui.openTab('Context');
    await panel.getByText('Tool definitions').waitFor();
    expect(await panel.innerText()).toMatch(/input tokens/);

    await ui.openTab('Anthropic request');
    await panel.getByText('stop_sequences').waitFor();
    await panel.getByLabel('Search Anthropic request (as received)').fill('fox.txt');
    await panel.getByText(/^1 \/ \d+$/).waitFor();

    await ui.openTab('OpenAI request');
    await panel.getByText('stream_options').waitFor();
    await panel.getByText('"gpt-5-mini"').first().waitFor();

    await ui.openTab('OpenAI response');
    await panel.getByText(/^Chunks/).waitFor();
    await panel.getByText('Accumulated completion').waitFor();
    expect(await panel.locator('.timeline-row').count()).toBeGreaterThan(2);

    await ui.openTab('Anthropic response');
    await panel.locator('.timeline-row', { hasText: 'message_start' }).waitFor();
    await panel.getByText('Reconstructed message').waitFor();

    await ui.openTab('Headers');
    await panel.getByText('anthropic-version').first().waitFor();
    const headers = await panel.innerText();
    expect(headers).toContain('x-claude-code-session-id');
    expect(headers).toMatch(/authorization\s+Bearer …\w{4}/);

    await ui.openTab('Diff');
    // gpt-5 models take no stop sequences: the translator drops them and says why.
    await panel
      .locator('.diff-dropped', { hasText: 'stop_sequences' })
      .locator('.diff-note')
      .waitFor();
    await panel.locator('.diff-moved', { hasText: 'system' }).waitFor();
    await panel.locator('.diff-added', { hasText: 'stream_options' }).waitFor();
  });

  it('marks an upstream error as an error row and counts it', async () => {
    upstream.enqueue(
      httpError(429, {
        error: { message: 'Rate limit reached for gpt-5-mini', type: 'rate_limit' },
      }),
    );
    upstream.enqueue(streamAnswer({ text: 'fine' }));
    await expect(proxy.client.messages.create(firstTurn())).rejects.toMatchObject({ status: 429 });
    await proxy.client.messages.stream(firstTurn()).finalMessage();
    const errorRow = ui.rows.and(page.locator('.tone-error'));
    await errorRow.waitFor();
    expect(await errorRow.innerText()).toContain('429');
    expect(await errorRow.innerText()).toContain('Rate limit reached');
    await ui.summaryErrors.getByText('1').waitFor();

    await ui.errorsOnly.check();
    await page
      .locator('[data-testid=exchange-list] [role=row][data-id]:not(.tone-error)')
      .waitFor({ state: 'detached' });
    expect(await ui.rows.count()).toBe(1);
    await ui.filterText.fill('no call mentions this');
    await ui.emptyFiltered.waitFor();
  });

  it('exports the selected exchange and all exchanges as valid HAR 1.2 and JSON', async () => {
    upstream.enqueue(streamAnswer({ text: 'one' }), streamAnswer({ text: 'two' }));
    await proxy.client.messages.stream(firstTurn('first')).finalMessage();
    await proxy.client.messages.stream(firstTurn('second')).finalMessage();
    await ui.rows.nth(1).waitFor();
    await ui.rows.first().click();

    const selectedId = await ui.rows.first().getAttribute('data-id');
    const har = JSON.parse(await ui.exportDocument('selected', 'har')) as {
      log: { version: string; entries: { _exchangeId: string; request: { url: string } }[] };
    };
    expect(har.log.version).toBe('1.2');
    // Two entries per exchange: the Anthropic leg and the OpenAI leg.
    expect(har.log.entries.map((e) => e._exchangeId)).toEqual([selectedId, selectedId]);
    expect(har.log.entries.map((e) => e.request.url).join(' ')).toMatch(
      /\/v1\/messages.*\/chat\/completions/,
    );

    const all = JSON.parse(await ui.exportDocument('all', 'json')) as {
      format: string;
      exchanges: unknown[];
    };
    expect(all.format).toBe('anthropic-proxy.exchanges');
    expect(all.exchanges).toHaveLength(2);
    const allHar = JSON.parse(await ui.exportDocument('all', 'har')) as {
      log: { entries: unknown[] };
    };
    expect(allHar.log.entries).toHaveLength(4);
  });

  it('never shows a key: not in any tab, not in any API response', async () => {
    upstream.enqueue(
      streamAnswer({ text: 'secretive' }),
      httpError(401, { error: { message: 'bad key' } }),
    );
    await proxy.client.messages.stream(firstTurn(), { headers: SESSION }).finalMessage();
    await proxy.client.messages.create(firstTurn()).catch(() => undefined);
    await ui.rows.nth(1).waitFor();
    const planted = [PLANTED_UPSTREAM_KEY, PLANTED_CLIENT_KEY, proxy.token];
    const ids: string[] = [];
    for (const row of await ui.rows.all()) ids.push((await row.getAttribute('data-id'))!);
    for (const id of ids) {
      await ui.row(id).click();
      for (const tab of [
        'Overview',
        'Conversation',
        'Anthropic request',
        'OpenAI request',
        'OpenAI response',
        'Anthropic response',
        'Headers',
        'Diff',
      ] as const) {
        await ui.openTab(tab);
        const html = await page.content();
        for (const secret of planted) expect(html).not.toContain(secret);
      }
    }
    const bodies = [
      await proxy.api('/exchanges'),
      await proxy.api('/status'),
      await proxy.api('/export?format=har'),
      await proxy.api('/export?format=json'),
      ...(await Promise.all(ids.map((id) => proxy.api(`/exchanges/${id}`)))),
    ];
    expect(bodies.join('\n')).toContain('/v1/messages');
    for (const body of bodies)
      for (const secret of [PLANTED_UPSTREAM_KEY, PLANTED_CLIENT_KEY])
        expect(body).not.toContain(secret);
  });

  it('copies both legs as cURL with the keys as shell variables, and the env lines from the empty state', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: proxy.url });
    const clipboard = async () => String(await page.evaluate('navigator.clipboard.readText()'));
    await ui.emptyNoTraffic.getByRole('button', { name: 'Copy' }).click();
    // Copies land asynchronously: each read below waits for what it expects.
    await expect
      .poll(clipboard)
      .toBe(
        `export ANTHROPIC_BASE_URL='${proxy.url}'\nexport ANTHROPIC_AUTH_TOKEN='anthropic-proxy'\nexport ANTHROPIC_DEFAULT_HAIKU_MODEL='claude-haiku-4-5'`,
      );

    upstream.enqueue(streamAnswer({ text: 'curl me' }));
    await proxy.client.messages.stream(firstTurn()).finalMessage();
    await ui.rows.first().click();
    await ui.detail.getByRole('button', { name: 'cURL (OpenAI)' }).click();
    await expect.poll(clipboard).toContain('/chat/completions');
    const openai = await clipboard();
    expect(openai).toContain(`curl '${upstream.url}/chat/completions'`);
    expect(openai).toContain('$OPENAI_API_KEY');
    expect(openai).not.toContain(PLANTED_UPSTREAM_KEY);
    await ui.detail.getByRole('button', { name: 'cURL (Anthropic)' }).click();
    await expect.poll(clipboard).toContain('/v1/messages');
    const anthropic = await clipboard();
    expect(anthropic).toContain(`curl '${proxy.url}/v1/messages'`);
    expect(anthropic).toContain('$ANTHROPIC_API_KEY');
    expect(anthropic).not.toContain(PLANTED_CLIENT_KEY);
  });

  it('moves the selection with the keyboard and closes the detail with Escape', async () => {
    upstream.enqueue(
      streamAnswer({ text: 'a' }),
      streamAnswer({ text: 'b' }),
      streamAnswer({ text: 'c' }),
    );
    for (const p of ['one', 'two', 'three'])
      await proxy.client.messages.stream(firstTurn(p)).finalMessage();
    await ui.rows.nth(2).waitFor();
    const ids = await Promise.all((await ui.rows.all()).map((r) => r.getAttribute('data-id')));
    await ui.list.focus();
    await page.keyboard.press('ArrowDown'); // nothing selected: starts at the live end
    await ui.row(ids[2]!).and(page.locator('[aria-selected=true]')).waitFor();
    await page.keyboard.press('k');
    await ui.row(ids[1]!).and(page.locator('[aria-selected=true]')).waitFor();
    await page.keyboard.press('ArrowUp');
    await ui.row(ids[0]!).and(page.locator('[aria-selected=true]')).waitFor();
    await page.keyboard.press('j');
    await ui.row(ids[1]!).and(page.locator('[aria-selected=true]')).waitFor();
    await ui.detail.waitFor();
    await page.keyboard.press('Escape');
    await ui.detail.waitFor({ state: 'detached' });
  });

  it('holds new traffic while paused and shows it on resume', async () => {
    upstream.enqueue(streamAnswer({ text: 'a' }), streamAnswer({ text: 'b' }));
    await proxy.client.messages.stream(firstTurn()).finalMessage();
    await ui.rows.first().waitFor();
    await ui.pauseButton.click();
    await proxy.client.messages.stream(firstTurn()).finalMessage();
    await ui.pauseButton.getByText(/held/).waitFor();
    expect(await ui.rows.count()).toBe(1);
    await ui.pauseButton.click();
    await ui.rows.nth(1).waitFor();
  });

  it('groups calls by session in the sessions view', async () => {
    upstream.enqueue(
      streamAnswer({ text: 'a' }),
      streamAnswer({ text: 'b' }),
      streamAnswer({ text: 'c' }),
    );
    await proxy.client.messages.stream(firstTurn(), { headers: SESSION }).finalMessage();
    await proxy.client.messages.stream(firstTurn(), { headers: SESSION }).finalMessage();
    await proxy.client.messages
      .stream(firstTurn(), { headers: { 'x-claude-code-session-id': 'e2e-session-2' } })
      .finalMessage();
    await ui.rows.nth(2).waitFor();
    await ui.viewButton('Sessions').click();
    const sessions = page.getByRole('table', { name: 'Sessions' });
    await sessions.getByText('e2e-sess').first().waitFor();
    expect(await sessions.locator('tbody tr').count()).toBe(2);
    await sessions
      .locator('tbody tr', { hasText: 'e2e-sess' })
      .filter({ has: page.getByRole('cell', { name: '2', exact: true }) })
      .click();
    const turns = page.getByRole('table', { name: 'Turns' });
    expect(await turns.locator('tbody tr').count()).toBe(2);
    await turns.locator('tbody tr').first().click();
    await ui.detail.waitFor();
  });
});
