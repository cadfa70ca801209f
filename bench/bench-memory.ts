/**
 * Memory per recorded exchange: what one call the inspector keeps costs the proxy's heap.
 *
 * A fresh proxy child (recorder on, default limits, --expose-gc), so nothing the latency cells
 * left behind blurs the figure. After a warm-up (JIT, sockets, first allocations of each
 * path), for each kind of call: the recorder is emptied (200 streams fill ~87 % of its 100 MB
 * budget, and an eviction would hide records from the growth), the child collects garbage and
 * reports its heap, a known number of calls follow, a settle for the recorder's batching step,
 * another forced collection, another report. The heap growth divided by the exchanges recorded
 * is the measured cost; the recorder's own estimate (RecorderStats.approxBytes) over the same
 * exchanges is set beside it. The RSS shown is the process's: it keeps pages the collector
 * freed, so it moves in steps, not per exchange. Assumes the mock upstream answers in the flat
 * regime (1,000 chunks at once; a JSON body with the same 1,000 tokens).
 */
import { setTimeout as delay } from 'node:timers/promises';
import { runClients, type BenchTarget } from './bench-client.ts';
import { startProxyChild, type ChildStats, type MockChild } from './bench-ipc.ts';
import { FLAT_CHUNKS, proxyTarget } from './bench-scenarios.ts';
import { fixed } from './bench-stats.ts';

/** Calls per kind; 10 clients × 20 calls keeps the phase to a few seconds. */
export const MEMORY_CALLS = 200;
const MEMORY_CLIENTS = 10;
/** Longer than the recorder's 75 ms batching period, so no call is still in its dirty list. */
const SETTLE_MS = 250;

export interface MemoryPhase {
  label: string;
  calls: number;
  before: ChildStats;
  after: ChildStats;
}

export async function measureRecorderMemory(
  upstream: MockChild,
  env: Record<string, string>,
): Promise<MemoryPhase[]> {
  await upstream.setRegime('flat');
  const proxy = await startProxyChild({ env, recorder: true, exposeGc: true });
  const kinds: { label: string; target: BenchTarget }[] = [
    {
      label: `flat-out stream, ${FLAT_CHUNKS.toLocaleString('en')} chunks`,
      target: proxyTarget(proxy.url, true),
    },
    {
      label: `non-stream JSON, ${FLAT_CHUNKS.toLocaleString('en')} tokens`,
      target: proxyTarget(proxy.url, false),
    },
  ];
  try {
    for (const { target } of kinds) await runClients(target, 2, 10);
    const phases: MemoryPhase[] = [];
    for (const { label, target } of kinds) {
      await delay(SETTLE_MS);
      await proxy.clearRecorder();
      const before = await proxy.statsAfterGc();
      await runClients(target, MEMORY_CLIENTS, MEMORY_CALLS / MEMORY_CLIENTS);
      await delay(SETTLE_MS);
      const after = await proxy.statsAfterGc();
      phases.push({ label, calls: MEMORY_CALLS, before, after });
    }
    return phases;
  } finally {
    await proxy.stop();
  }
}

const kb = (bytes: number): string => fixed(bytes / 1024, 1);
const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0);

export function memoryTable(phases: readonly MemoryPhase[]): string {
  const rows = phases.map(({ label, before, after }) => {
    const recorded = after.recordedExchanges - before.recordedExchanges;
    const evicted = after.evictedExchanges - before.evictedExchanges;
    const per = (bytes: number): string => kb(bytes / recorded);
    // An eviction frees records the growth no longer counts: the figures would flatter.
    const note = evicted > 0 ? ` ✗ (${evicted} evicted: figures invalid)` : '';
    return (
      `| ${label} | ${recorded}${note} | ` +
      `${per(after.recordedApproxBytes - before.recordedApproxBytes)} | ` +
      `${per(after.heapUsedBytes - before.heapUsedBytes)} | ` +
      `${per(after.externalBytes - before.externalBytes)} | ` +
      `${mb(before.rssBytes)} → ${mb(after.rssBytes)} |`
    );
  });
  return [
    '**Memory per recorded exchange** (a fresh proxy child, recorder on with default limits, started with --expose-gc; ' +
      `JS heap after a forced full GC, before and after ${MEMORY_CALLS} calls of each kind from ${MEMORY_CLIENTS} clients)`,
    '',
    '| exchange | recorded | recorder estimate KB/exchange | measured heap growth KB/exchange | off-heap (external) growth KB/exchange | proxy RSS before → after, MB |',
    '|---|---:|---:|---:|---:|---|',
    ...rows,
  ].join('\n');
}
