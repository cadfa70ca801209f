/**
 * What the benchmark asks and how the mock upstream answers, per regime:
 * - paced: like a real model, 200 text chunks 2 ms apart (streaming); the same time spent
 *   before a single JSON completion when the call is not streaming;
 * - flat: 1,000 text chunks written at once, so the upstream is never the bottleneck and the
 *   proxy's own cost shows; a JSON completion with the same 1,000 tokens when not streaming.
 *
 * Both paths get equivalent requests: the proxy an Anthropic Messages body (routed by the
 * `sonnet` in its model name to BIG_MODEL_NAME), the mock directly the OpenAI body the proxy
 * would send for it. The mock answers by the request's `stream` flag, so both paths get the
 * same bytes from it.
 */
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  flatOutStream,
  jsonAnswer,
  sleep,
  streamAnswer,
  type MockBehaviour,
} from '../tests/support/mock-openai-upstream.ts';
import type { BenchTarget } from './bench-client.ts';

export type Regime = 'paced' | 'flat';

export const PACED_CHUNKS = 200;
export const PACED_INTERVAL_MS = 2;
export const FLAT_CHUNKS = 1000;
export const BENCH_UPSTREAM_MODEL = 'bench-model';

const TOKEN = 'token ';
const PROMPT = 'Write a long story about a lighthouse keeper.';

export function mockBehaviourFor(regime: Regime): MockBehaviour {
  const chunks = regime === 'paced' ? PACED_CHUNKS : FLAT_CHUNKS;
  const answer = { text: TOKEN.repeat(chunks), fragments: chunks };
  const streamed =
    regime === 'paced'
      ? streamAnswer(answer, { paceMs: PACED_INTERVAL_MS })
      : flatOutStream(chunks, TOKEN);
  const json = jsonAnswer(answer);
  return async (ctx) => {
    if ((ctx.request.body as { stream?: unknown } | undefined)?.stream === true)
      return streamed(ctx);
    // A non-streaming model call takes as long as the tokens take to generate.
    if (regime === 'paced')
      for (let i = 0; i < chunks && !ctx.signal.aborted; i++)
        await sleep(PACED_INTERVAL_MS, ctx.signal);
    return json(ctx);
  };
}

export function proxyTarget(proxyUrl: string, stream: boolean): BenchTarget {
  const body = {
    model: 'claude-sonnet-4-5',
    max_tokens: 4096,
    stream,
    messages: [{ role: 'user', content: PROMPT }],
  };
  return {
    url: new URL('/v1/messages', proxyUrl),
    body: Buffer.from(JSON.stringify(body)),
    headers: {
      'content-type': 'application/json',
      'anthropic-version': '2023-06-01',
      'x-api-key': 'bench',
    },
    tokenMarker: Buffer.from(`"text":"${TOKEN.trim()}`),
  };
}

/**
 * A real Claude Code first-turn request (49 KB: system prompt, 12 tools with JSON schemas,
 * thinking, context_management), streamed: what every call of a Claude Code session costs the
 * proxy to validate, count, route and translate, on top of the stream itself.
 */
export function claudeCodeProxyTarget(proxyUrl: string): BenchTarget {
  const fixture = JSON.parse(
    readFileSync(
      join(
        import.meta.dirname,
        '..',
        'tests',
        'fixtures',
        'claude-code',
        'messages-first-turn.json',
      ),
      'utf8',
    ),
  ) as { body: Record<string, unknown> };
  const target = proxyTarget(proxyUrl, true);
  return {
    ...target,
    url: new URL('/v1/messages?beta=true', proxyUrl),
    body: Buffer.from(JSON.stringify({ ...fixture.body, stream: true })),
  };
}

export function directTarget(upstreamBaseUrl: string, stream: boolean): BenchTarget {
  const body = {
    model: BENCH_UPSTREAM_MODEL,
    max_tokens: 4096,
    messages: [{ role: 'user', content: PROMPT }],
    stream,
    ...(stream && { stream_options: { include_usage: true } }),
  };
  return {
    url: new URL(`${upstreamBaseUrl}/chat/completions`),
    body: Buffer.from(JSON.stringify(body)),
    headers: { 'content-type': 'application/json', authorization: 'Bearer bench' },
    tokenMarker: Buffer.from(`"content":"${TOKEN.trim()}`),
  };
}
