/**
 * Drives realistic Claude Code traffic through the proxy (a session whose first turn makes
 * parallel tool calls and whose second turn carries their results, a side call to the small
 * model, an upstream rate limit, and a call still streaming) and photographs the inspector
 * with the tool-call turn open in the detail pane. The image goes to test-results/; with
 * UPDATE_SCREENSHOT=1 it also replaces docs/inspector.png, the picture the README shows.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompletionUsage } from 'openai/resources/completions';
import {
  httpError,
  jsonAnswer,
  startMockUpstream,
  streamAnswer,
  type MockUpstream,
} from '../support/mock-openai-upstream.ts';
import { launchChromium, watchProblems } from './support/chromium.ts';
import { startInspectorProxy, type InspectorProxy } from './support/inspector-proxy.ts';
import { inspectorPage } from './pages/inspector-page.ts';

const ROOT = join(import.meta.dirname, '../..');
const OUT = join(ROOT, 'test-results/inspector.png');
const DOCS = join(ROOT, 'docs/inspector.png');

interface CapturedRequest {
  _captured: { headers: Record<string, string> };
  body: { messages: unknown[] } & Record<string, unknown>;
}

let browser: Browser;
let upstream: MockUpstream;
let proxy: InspectorProxy;

beforeAll(async () => {
  browser = await launchChromium();
  upstream = await startMockUpstream();
  proxy = await startInspectorProxy({
    upstreamUrl: upstream.url,
    env: { BIG_MODEL_NAME: 'gpt-4.1', SMALL_MODEL_NAME: 'gpt-4.1-mini' },
  });
});

afterAll(async () => {
  await browser?.close();
  await proxy?.close();
  await upstream?.close();
});

function usage(prompt: number, completion: number, cached: number): CompletionUsage {
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    prompt_tokens_details: { cached_tokens: cached },
  };
}

/** Posts a captured Claude Code request as Claude Code would, and reads the answer to its end. */
async function send(fixture: CapturedRequest, body: Record<string, unknown>): Promise<number> {
  const headers = { ...fixture._captured.headers, authorization: 'Bearer anything' };
  const response = await fetch(`${proxy.url}/v1/messages?beta=true`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
  await response.text();
  return response.status;
}

describe('inspector screenshot', () => {
  it('photographs the inspector with realistic traffic and a tool-call turn open', async () => {
    const fixture = JSON.parse(
      await readFile(
        join(ROOT, 'tests/fixtures/claude-code/messages-after-parallel-tool-calls.json'),
        'utf8',
      ),
    ) as CapturedRequest;
    // [the prompt, the assistant's two parallel Write calls, their results]
    const [prompt, toolCalls] = fixture.body.messages as [
      unknown,
      { content: { type: string; name?: string; id?: string; input?: unknown }[] },
    ];
    const calls = toolCalls.content.filter((b) => b.type === 'tool_use');

    upstream.enqueue(
      streamAnswer({
        reasoning:
          'The user wants two files. Both writes are independent, so I can issue them in parallel.',
        text: 'Writing 2 files in parallel.',
        toolCalls: calls.map((c) => ({
          id: c.id!,
          name: c.name!,
          arguments: JSON.stringify(c.input),
        })),
        usage: usage(18_240, 196, 0),
      }),
      jsonAnswer({ text: 'Create alpha and beta files', usage: usage(412, 9, 0) }),
      streamAnswer(
        {
          text: 'Both files are written: alpha.txt holds two lines and beta.txt keeps the quotes and the tab.',
          usage: usage(18_733, 41, 18_176),
        },
        { paceMs: 25 },
      ),
      httpError(
        429,
        {
          error: {
            message:
              'Rate limit reached for gpt-4.1 in organization org-demo on tokens per min (TPM): Limit 30000, Used 29410.',
            type: 'tokens',
            code: 'rate_limit_exceeded',
          },
        },
        { 'retry-after': '2' },
      ),
    );
    expect(await send(fixture, { ...fixture.body, messages: [prompt] })).toBe(200);
    expect(
      await send(fixture, {
        model: 'claude-haiku-4-5',
        max_tokens: 512,
        stream: false,
        system: [
          { type: 'text', text: 'Summarize this coding conversation in under 50 characters.' },
        ],
        messages: [{ role: 'user', content: 'Write alpha.txt and beta.txt in parallel' }],
      }),
    ).toBe(200);
    expect(await send(fixture, fixture.body)).toBe(200);
    expect(await send(fixture, fixture.body)).toBe(429);
    // One more turn still streaming when the picture is taken.
    upstream.enqueue(
      streamAnswer(
        {
          text: 'Let me double-check both files once more before I finish this task for you.',
          fragments: 60,
        },
        { paceMs: 250 },
      ),
    );
    const live = send(fixture, {
      ...fixture.body,
      messages: [
        ...fixture.body.messages,
        { role: 'assistant', content: 'Both files are written.' },
        { role: 'user', content: 'Check them again' },
      ],
    });

    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const problems = watchProblems(page);
    const ui = inspectorPage(page);
    await page.goto(proxy.inspectorUrl);
    await ui.rows.nth(4).waitFor();
    await ui.rows.nth(4).locator('.live-dot').waitFor();
    // The turn that carries the tool results, open on its conversation.
    await ui.rows.nth(2).click();
    await ui.openTab('Conversation');
    await ui.response.getByText('Both files are written').waitFor();
    await ui.tabPanel.locator('.block-tool-result').first().waitFor();
    await ui.tabPanel.locator('.message').first().scrollIntoViewIfNeeded();
    // Let the live row tick once more so the picture shows it mid-stream.
    await ui.rows.nth(4).locator('.col-tokens-in').waitFor();

    const png = await page.screenshot({ type: 'png' });
    await mkdir(join(ROOT, 'test-results'), { recursive: true });
    await writeFile(OUT, png);
    if (process.env.UPDATE_SCREENSHOT === '1') await copyFile(OUT, DOCS);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1600);
    expect(problems.errors).toEqual([]);
    await context.close();
    await live;
  });
});
