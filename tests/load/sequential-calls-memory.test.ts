/**
 * Thousands of calls one after another with the recorder on and a small byte budget: the
 * recorder evicts the oldest exchanges so its estimate never passes the budget, and the
 * proxy's memory follows the budget, not the number of calls. The RSS curve (every 500
 * calls) is printed for the report. Calls alternate between JSON answers and short streams,
 * each with a ~2 KB prompt, so records are of a realistic small size.
 *
 * The normal run sends 2,000 calls; `npm run test:load` sends LOAD_CALLS=10000.
 */
import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  jsonAnswer,
  startMockUpstream,
  streamAnswer,
  type MockUpstream,
} from '../support/mock-openai-upstream.ts';
import {
  MB,
  mb,
  startLoadProxy,
  type LoadChildStats,
  type LoadProxy,
} from './load-proxy-process.ts';

const CALLS = Number(process.env.LOAD_CALLS ?? 2000);
const EVERY = 500;
const WARMUP_CALLS = 200;
/** The recorder's byte budget: a few hundred of these calls fill it. */
const BUDGET = 4 * MB;
/**
 * What the proxy may hold beyond its warmed-up baseline: the budget counted four times (the
 * recorder's figure is an estimate of the data, not of V8's object overhead around it) plus
 * room for the GC's timing and the allocator keeping freed pages.
 */
const RSS_ALLOWANCE = 4 * BUDGET + 48 * MB;
/** Live heap beyond the baseline, measured after a full GC: the records and nothing else. */
const HEAP_ALLOWANCE = 3 * BUDGET + 8 * MB;
/**
 * Long runs only: once the recorder is full and the JIT settled (~2,000 calls), the live heap
 * must stay flat over the second half; a per-call leak of a few hundred bytes would show.
 */
const LEAK_CHECK_MIN_CALLS = 5000;
const SECOND_HALF_HEAP_GROWTH = 2 * MB;

let upstream: MockUpstream;
let proxy: LoadProxy;

beforeAll(async () => {
  upstream = await startMockUpstream();
  upstream.setHandler((ctx) => {
    // Thousands of calls: the mock keeps no record of them.
    upstream.requests.length = 0;
    const streaming = (ctx.request.body as { stream?: unknown }).stream === true;
    const answer = { text: 'A short answer from the mock upstream, in a few fragments.' };
    return streaming ? streamAnswer({ ...answer, fragments: 8 })(ctx) : jsonAnswer(answer)(ctx);
  });
  proxy = await startLoadProxy({
    upstreamUrl: upstream.url,
    recorderMaxBytes: BUDGET,
    recorderMaxExchanges: 100_000,
  });
});
afterAll(async () => {
  await proxy?.stop();
  await upstream?.close();
});

const prompt = 'Please summarise the following notes. '.repeat(50);

async function call(client: Anthropic, n: number): Promise<void> {
  const params = {
    model: n % 3 === 0 ? 'claude-haiku-4-5' : 'claude-sonnet-4-6',
    max_tokens: 256,
    messages: [{ role: 'user' as const, content: `${prompt} (call ${n})` }],
  };
  if (n % 2 === 0) {
    const message = await client.messages.create(params);
    expect(message.stop_reason).toBe('end_turn');
  } else {
    const message = await client.messages.stream(params).finalMessage();
    expect(message.stop_reason).toBe('end_turn');
  }
}

interface CurvePoint {
  calls: number;
  rss: number;
  heapAfterGc: number;
  exchanges: number;
  recorderBytes: number;
  evicted: number;
}

async function point(calls: number): Promise<CurvePoint> {
  const plain: LoadChildStats = await proxy.stats();
  const collected = await proxy.stats(true);
  return {
    calls,
    rss: plain.rssBytes,
    heapAfterGc: collected.heapUsedBytes,
    exchanges: collected.recorder.exchanges,
    recorderBytes: collected.recorder.approxBytes,
    evicted: collected.recorder.evictedTotal,
  };
}

function curveTable(curve: readonly CurvePoint[]): string {
  const rows = curve.map((p) =>
    [
      String(p.calls).padStart(6),
      mb(p.rss).padStart(10),
      mb(p.heapAfterGc).padStart(10),
      String(p.exchanges).padStart(9),
      mb(p.recorderBytes).padStart(9),
      String(p.evicted).padStart(8),
    ].join(' | '),
  );
  return [' calls |        RSS | heap (GC) | recorded |  budget  | evicted', ...rows].join('\n');
}

describe(`${CALLS} sequential calls with the recorder on`, () => {
  it(
    'keep RSS within a bound derived from the recorder budget, not the call count',
    async () => {
      const client = new Anthropic({ baseURL: proxy.url, apiKey: 'test', maxRetries: 0 });
      for (let n = 0; n < WARMUP_CALLS; n++) await call(client, n);
      const baseline = await point(0);

      const curve: CurvePoint[] = [baseline];
      const started = performance.now();
      for (let n = 1; n <= CALLS; n++) {
        await call(client, WARMUP_CALLS + n);
        if (n % EVERY === 0 || n === CALLS) curve.push(await point(n));
      }
      const seconds = (performance.now() - started) / 1000;
      const end = await proxy.stats(true);

      console.log(
        [
          `[load] ${CALLS} sequential calls (after ${WARMUP_CALLS} warm-up) in ${seconds.toFixed(1)} s,`,
          `${((seconds * 1000) / CALLS).toFixed(2)} ms per call; recorder budget ${mb(BUDGET)};`,
          `RSS bound ${mb(baseline.rss + RSS_ALLOWANCE)}, heap bound ${mb(baseline.heapAfterGc + HEAP_ALLOWANCE)};`,
          `process max RSS ${mb(end.maxRssBytes)}`,
          `\n${curveTable(curve)}`,
        ].join(' '),
      );

      // The budget was reached and enforced.
      expect(end.recorder.evictedTotal).toBeGreaterThan(0);
      expect(end.recorder.inFlight).toBe(0);
      for (const p of curve) expect(p.recorderBytes).toBeLessThanOrEqual(BUDGET);
      // Memory follows the budget.
      for (const p of curve) {
        expect(p.rss, `RSS after ${p.calls} calls`).toBeLessThan(baseline.rss + RSS_ALLOWANCE);
        expect(p.heapAfterGc, `heap after ${p.calls} calls`).toBeLessThan(
          baseline.heapAfterGc + HEAP_ALLOWANCE,
        );
      }
      if (CALLS >= LEAK_CHECK_MIN_CALLS) {
        const middle = curve.find((p) => p.calls >= CALLS / 2)!;
        expect(curve.at(-1)!.heapAfterGc - middle.heapAfterGc).toBeLessThan(
          SECOND_HALF_HEAP_GROWTH,
        );
      }
    },
    Math.max(120_000, CALLS * 60),
  );
});
