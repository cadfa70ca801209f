/**
 * A client that goes away stops the upstream call at once (the upstream is paid per token):
 * mid-stream and while the upstream has not answered yet. The mock records when its
 * connection closed; the proxy records the call as aborted and keeps serving.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExchangeEnd, ExchangeTap } from '../../electron/server/exchange-tap.ts';
import { noopExchangeTap } from '../../electron/server/exchange-tap.ts';
import {
  hangBeforeHeaders,
  jsonAnswer,
  startMockUpstream,
  streamAnswer,
  type MockUpstream,
} from '../support/mock-openai-upstream.ts';
import { startTestProxy, type TestProxy } from '../support/start-test-proxy.ts';

let upstream: MockUpstream;
let proxy: TestProxy;
const ends: ExchangeEnd[] = [];
const tap: ExchangeTap = { ...noopExchangeTap, completed: (_id, end) => void ends.push(end) };

beforeAll(async () => {
  upstream = await startMockUpstream();
  proxy = await startTestProxy({ upstreamUrl: upstream.url, tap });
});
afterAll(async () => {
  await proxy?.close();
  await upstream?.close();
});

const params = {
  model: 'claude-sonnet-4-6',
  max_tokens: 64,
  messages: [{ role: 'user' as const, content: 'Write a long story' }],
};

async function settled(promise: Promise<unknown>): Promise<void> {
  await promise.then(
    () => undefined,
    () => undefined,
  );
}

describe('client abort', () => {
  it('aborts the upstream stream within moments when the client leaves mid-stream', async () => {
    upstream.enqueue(streamAnswer({ text: 'word '.repeat(40), fragments: 40 }, { paceMs: 50 }));
    const controller = new AbortController();
    const stream = proxy.client.messages.stream(params, { signal: controller.signal });
    let abortedAt = 0;
    stream.on('text', () => {
      if (abortedAt) return;
      abortedAt = performance.now();
      controller.abort();
    });
    await settled(stream.finalMessage());
    const seen = await upstream.nextRequest();
    // The scripted stream would run ~2 s more; the upstream must see the close long before.
    expect(await seen.ended).toBe('client-closed');
    expect(abortedAt).toBeGreaterThan(0);
    expect(seen.clientClosedAt! - abortedAt).toBeLessThan(1000);
    await expect.poll(() => ends.at(-1)?.aborted).toBe(true);
    expect(ends.at(-1)?.status).toBe(200);
  });

  it('aborts the upstream call when the client leaves before the upstream answered', async () => {
    upstream.enqueue(hangBeforeHeaders());
    const controller = new AbortController();
    const call = proxy.client.messages.create(params, { signal: controller.signal });
    const seen = await upstream.nextRequest();
    const abortedAt = performance.now();
    controller.abort();
    await settled(call);
    expect(await seen.ended).toBe('client-closed');
    expect(seen.clientClosedAt! - abortedAt).toBeLessThan(1000);
    await expect.poll(() => ends.at(-1)?.aborted).toBe(true);
  });

  it('keeps serving after clients went away', async () => {
    upstream.enqueue(jsonAnswer({ text: 'next caller' }));
    const message = await proxy.client.messages.create(params);
    expect(message.content).toMatchObject([{ type: 'text', text: 'next caller' }]);
  });
});
