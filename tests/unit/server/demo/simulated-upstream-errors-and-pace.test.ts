/**
 * The simulated upstream's failures and timing: the user's words can ask for a 429 or a
 * 500; otherwise every Nth distinct request fails for two attempts (so the proxy's own
 * retry fails too) and then succeeds; chunks are paced like a model's, not sent at once;
 * an abort stops the stream; unknown paths and bodies get OpenAI-shaped errors.
 */
import OpenAI, { InternalServerError, RateLimitError } from 'openai';
import { describe, expect, it } from 'vitest';
import {
  createSimulatedUpstream,
  INSTANT_PACE,
  SIMULATED_BASE_URL,
  SIMULATED_HEADER,
  type SimulatedUpstreamOptions,
} from '../../../../electron/server/demo/simulated-upstream.ts';

function clientFor(options: SimulatedUpstreamOptions) {
  const upstream = createSimulatedUpstream(options);
  const client = new OpenAI({
    apiKey: 'none',
    baseURL: SIMULATED_BASE_URL,
    fetch: upstream.fetch,
    maxRetries: 0,
  });
  return { upstream, client };
}

const ask = (client: OpenAI, content: string) =>
  client.chat.completions.create({
    model: 'simulated-large',
    messages: [{ role: 'user', content }],
  });

describe('simulated upstream failures', () => {
  it('answers 429 with retry-after when the user asks it to simulate a rate limit', async () => {
    const { client } = clientFor({ pace: INSTANT_PACE, failEvery: 0 });
    const error = await ask(client, 'Please simulate a rate limit.').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    const rateLimit = error as RateLimitError;
    expect(rateLimit.headers.get('retry-after')).toBe('1');
    expect(rateLimit.headers.get(SIMULATED_HEADER)).toContain('demo mode');
    expect(rateLimit.message).toContain('simulated');
    expect(rateLimit.code).toBe('rate_limit_exceeded');
  });

  it('answers 500 when the user asks it to simulate a server error', async () => {
    const { client } = clientFor({ pace: INSTANT_PACE, failEvery: 0 });
    await expect(ask(client, 'simulate an upstream error')).rejects.toBeInstanceOf(
      InternalServerError,
    );
  });

  it('fails every Nth distinct request twice, 429 then 500 in turn, and answers its third attempt', async () => {
    const { client, upstream } = clientFor({ pace: INSTANT_PACE, failEvery: 3 });
    const outcome = (content: string) =>
      ask(client, content).then(
        () => 'ok',
        (e: unknown) => (e instanceof OpenAI.APIError ? e.status : 'other'),
      );
    expect([await outcome('a'), await outcome('b')]).toEqual(['ok', 'ok']);
    expect([await outcome('c'), await outcome('c'), await outcome('c')]).toEqual([429, 429, 'ok']);
    expect(await outcome('a')).toBe('ok'); // a repeat is no new request
    expect([await outcome('d'), await outcome('e'), await outcome('f')]).toEqual(['ok', 'ok', 500]);
    expect(upstream.requests()).toBe(9);
  });
});

describe('simulated upstream pace', () => {
  it('sends headers, waits for the first token, then streams chunks spread over time', async () => {
    const pace = { headersMs: 20, firstTokenMs: 60, tokenMs: 5, boundaryMs: 10 };
    const { client } = clientFor({ pace, failEvery: 0 });
    const sent = performance.now();
    const stream = await client.chat.completions.create({
      model: 'simulated-large',
      stream: true,
      messages: [{ role: 'user', content: 'Tell me about usage.' }],
    });
    const arrivals: number[] = [];
    for await (const _chunk of stream) arrivals.push(performance.now() - sent);
    // Each pause is at least 60% of its nominal length (±40% jitter).
    expect(arrivals[0]!).toBeGreaterThanOrEqual(0.6 * (pace.headersMs + pace.firstTokenMs) - 2);
    const tokens = arrivals.length - 2;
    expect(arrivals.at(-1)! - arrivals[0]!).toBeGreaterThanOrEqual(0.6 * pace.tokenMs * tokens - 5);
    const gaps = arrivals.slice(1).map((at, i) => at - arrivals[i]!);
    expect(gaps.filter((gap) => gap >= 2).length).toBeGreaterThan(tokens / 2);
  });

  it('stops streaming when the caller aborts: the next read fails with an AbortError', async () => {
    const { upstream } = clientFor({
      pace: { headersMs: 0, firstTokenMs: 0, tokenMs: 20, boundaryMs: 20 },
      failEvery: 0,
    });
    const controller = new AbortController();
    const response = await upstream.fetch(`${SIMULATED_BASE_URL}/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({
        model: 'simulated-large',
        stream: true,
        messages: [{ role: 'user', content: 'Long answer please.' }],
      }),
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    for (let i = 0; i < 3; i++) expect((await reader.read()).done).toBe(false);
    controller.abort();
    await expect(reader.read()).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('simulated upstream requests it does not serve', () => {
  it('answers 404 for an unknown path and 400 for a body without messages, OpenAI-shaped', async () => {
    const { upstream } = clientFor({ pace: INSTANT_PACE });
    const missing = await upstream.fetch(`${SIMULATED_BASE_URL}/embeddings`, {
      method: 'POST',
      body: '{}',
    });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { type: 'invalid_request_error' } });
    const bad = await upstream.fetch(`${SIMULATED_BASE_URL}/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'simulated-large' }),
    });
    expect(bad.status).toBe(400);
    expect(upstream.requests()).toBe(0);
  });
});
