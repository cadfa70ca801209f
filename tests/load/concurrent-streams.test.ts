/**
 * 100 clients stream 1,000-chunk answers through the proxy at the same time (half of the
 * upstream streams flat out, half in paced bursts): every client gets its own complete
 * stream in order (each fragment is numbered and tagged with its client, so a lost,
 * repeated, reordered or crossed-over fragment fails the text comparison), with a
 * well-formed event sequence; the recorder holds all 100 exchanges completed with the
 * chunk and event counts that crossed the wire; and the proxy's RSS stays bounded.
 *
 * The proxy runs alone in a child process (load-proxy-process.ts) so its RSS is its own.
 * The figures are printed for the report.
 */
import Anthropic from '@anthropic-ai/sdk';
import type { RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockUpstream, type MockUpstream } from '../support/mock-openai-upstream.ts';
import { MB, mb, startLoadProxy, type LoadProxy } from './load-proxy-process.ts';
import { numberedChunkCount, numberedStream, numberedText } from './numbered-stream.ts';

const CLIENTS = 100;
const CHUNKS = 1000;
/**
 * Peak RSS the proxy may add to its idle baseline (~250 MB, most of it the tokenizer's
 * tables) while serving the 100 streams and holding their 100 complete records (~1,000
 * chunks and events each, ~55 MB by the recorder's estimate). Measured at ~140 MB; the
 * bound leaves room for GC timing, not for a leak or for buffering whole streams twice.
 */
const PEAK_RSS_GROWTH_LIMIT = 250 * MB;

let upstream: MockUpstream;
let proxy: LoadProxy;

beforeAll(async () => {
  upstream = await startMockUpstream();
  upstream.setHandler((ctx) => {
    const tag = /client-\d+/.exec(JSON.stringify(ctx.request.body))?.[0] ?? 'untagged';
    const paced = Number(tag.slice('client-'.length)) % 2 === 1;
    return numberedStream(tag, CHUNKS, paced ? { burst: 50, pauseMs: 2 } : {})(ctx);
  });
  proxy = await startLoadProxy({ upstreamUrl: upstream.url });
});
afterAll(async () => {
  await proxy?.stop();
  await upstream?.close();
});

interface ClientResult {
  tag: string;
  text: string;
  /** Event types in arrival order, pings left out. */
  types: string[];
  pings: number;
  stopReason: string | null | undefined;
  outputTokens: number | undefined;
}

async function streamOnce(client: Anthropic, tag: string): Promise<ClientResult> {
  const stream = await client.messages.create({
    model: 'claude-sonnet-4-6',
    max_tokens: 4096,
    stream: true,
    messages: [{ role: 'user', content: `Count for ${tag}` }],
  });
  const result: ClientResult = {
    tag,
    text: '',
    types: [],
    pings: 0,
    stopReason: undefined,
    outputTokens: undefined,
  };
  for await (const event of stream as AsyncIterable<RawMessageStreamEvent | { type: 'ping' }>) {
    if (event.type === 'ping') {
      result.pings++;
      continue;
    }
    result.types.push(event.type);
    if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') {
      result.text += event.delta.text;
    }
    if (event.type === 'message_delta') {
      result.stopReason = event.delta.stop_reason;
      result.outputTokens = event.usage.output_tokens;
    }
  }
  return result;
}

/** The shape every complete text stream has: one text block of deltas, then the close. */
function wellFormed(types: readonly string[]): boolean {
  const deltas = types.slice(2, -3);
  return (
    types[0] === 'message_start' &&
    types[1] === 'content_block_start' &&
    deltas.length > 0 &&
    deltas.every((type) => type === 'content_block_delta') &&
    types.slice(-3).join(',') === 'content_block_stop,message_delta,message_stop'
  );
}

describe('100 concurrent 1,000-chunk streams', () => {
  it('deliver every fragment to its own client in order, record all 100 and keep RSS bounded', async () => {
    const client = new Anthropic({
      baseURL: proxy.url,
      apiKey: 'test',
      maxRetries: 0,
      timeout: 120_000,
    });
    const before = await proxy.stats(true);
    let peakRss = before.rssBytes;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const stats = await proxy.stats();
        peakRss = Math.max(peakRss, stats.rssBytes);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    })();

    const started = performance.now();
    const tags = Array.from({ length: CLIENTS }, (_, n) => `client-${n}`);
    const results = await Promise.all(tags.map((tag) => streamOnce(client, tag)));
    const seconds = (performance.now() - started) / 1000;
    sampling = false;
    await sampler;

    const broken = results.filter(
      (result) => result.text !== numberedText(result.tag, CHUNKS) || !wellFormed(result.types),
    );
    expect(broken.map((result) => result.tag)).toEqual([]);
    for (const result of results) {
      expect(result.stopReason).toBe('end_turn');
      expect(result.outputTokens).toBe(CHUNKS);
    }

    const summaries = await proxy.summaries();
    const after = await proxy.stats(true);
    expect(summaries).toHaveLength(CLIENTS);
    expect(after.recorder).toMatchObject({ exchanges: CLIENTS, inFlight: 0, evictedTotal: 0 });
    const eventsSeen = new Map(results.map((result) => [result.tag, result.types.length]));
    for (const summary of summaries) {
      expect(summary).toMatchObject({
        state: 'complete',
        status: 200,
        stream: true,
        stopReason: 'end_turn',
        openaiChunkCount: numberedChunkCount(CHUNKS),
      });
      expect(summary.truncated).toBeFalsy();
    }
    // Each record holds exactly the events its client received (pings are not recorded).
    const recordedEvents = summaries.map((summary) => summary.anthropicEventCount).sort();
    const receivedEvents = [...eventsSeen.values()].sort();
    expect(recordedEvents).toEqual(receivedEvents);

    const deltas = results.reduce((sum, result) => sum + result.types.length - 5, 0);
    console.log(
      [
        `[load] ${CLIENTS} concurrent streams × ${CHUNKS} chunks in ${seconds.toFixed(1)} s`,
        `(${Math.round((CLIENTS * CHUNKS) / seconds)} chunks/s through the proxy, ${deltas} text deltas, 0 lost or out of order)`,
        `[load] proxy RSS: ${mb(before.rssBytes)} before (heap ${mb(before.heapUsedBytes)}), peak ${mb(peakRss)} sampled`,
        `(process max ${mb(after.maxRssBytes)}), ${mb(after.rssBytes)} after with the 100 records held`,
        `(heap ${mb(after.heapUsedBytes)}, recorder estimate ${mb(after.recorder.approxBytes)})`,
      ].join(' '),
    );
    expect(after.maxRssBytes - before.rssBytes).toBeLessThan(PEAK_RSS_GROWTH_LIMIT);
  }, 180_000);
});
