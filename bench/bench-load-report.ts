/**
 * The benchmark's load figures beside the per-regime tables (bench-report.ts): time to first
 * byte at each client count, proxy and direct side by side with the difference, and the
 * flat-out throughput (completed calls and server-sent events per second). Percentiles are
 * nearest-rank over every measured call of a path; throughput divides what a path completed by
 * the summed wall time of its batches, so the alternating other path's time is not counted.
 */
import type { TimedResponse } from './bench-client.ts';
import type { CellResult } from './bench-report.ts';
import type { Regime } from './bench-scenarios.ts';
import { fixed, percentile } from './bench-stats.ts';

const mode = (stream: boolean): string => (stream ? 'stream' : 'non-stream');

function ttfb(calls: readonly TimedResponse[], p: number): number {
  return percentile(
    calls.map((r) => r.firstByteMs),
    p,
  );
}

/** The short-prompt cells of each regime, in plan order (the Claude Code row is about CPU). */
export function ttfbTable(cells: Record<Regime, readonly CellResult[]>): string {
  const rows = (['paced', 'flat'] as const).flatMap((regime) =>
    cells[regime]
      .filter((cell) => !cell.claudeCodeBody)
      .map((cell) => {
        const pair = (p: number): [number, number] => [ttfb(cell.direct, p), ttfb(cell.proxy, p)];
        const [direct50, proxy50] = pair(50);
        const [direct95, proxy95] = pair(95);
        return (
          `| ${regime} | ${cell.clients} | ${mode(cell.stream)} | ${cell.proxy.length} | ` +
          `${fixed(direct50)} / ${fixed(direct95)} | ${fixed(proxy50)} / ${fixed(proxy95)} | ` +
          `${fixed(proxy50 - direct50)} / ${fixed(proxy95 - direct95)} |`
        );
      }),
  );
  return [
    "**Time to first byte** (request sent → first body byte at the client; non-stream: the whole answer is that byte, so it includes the upstream's wait)",
    '',
    '| regime | clients | mode | calls/path | direct p50 / p95 ms | proxy p50 / p95 ms | added p50 / p95 ms |',
    '|---|---:|---|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}

function perSecond(count: number, ms: number): number {
  return ms > 0 ? (count / ms) * 1000 : Number.NaN;
}

function sumEvents(calls: readonly TimedResponse[]): number {
  return calls.reduce((sum, r) => sum + r.events, 0);
}

export function throughputTable(cells: readonly CellResult[]): string {
  const rows = cells
    .filter((cell) => !cell.claudeCodeBody)
    .map((cell) => {
      const directCalls = perSecond(cell.direct.length, cell.directBatchMs);
      const proxyCalls = perSecond(cell.proxy.length, cell.proxyBatchMs);
      const events = cell.stream
        ? `${fixed(perSecond(sumEvents(cell.direct), cell.directBatchMs), 0)} | ` +
          `${fixed(perSecond(sumEvents(cell.proxy), cell.proxyBatchMs), 0)}`
        : '— | —';
      return (
        `| ${cell.clients} | ${mode(cell.stream)} | ${cell.proxy.length} | ` +
        `${fixed(directCalls, 1)} | ${fixed(proxyCalls, 1)} | ` +
        `${fixed((proxyCalls / directCalls) * 100, 0)} % | ${events} |`
      );
    });
  return [
    '**Throughput, flat out** (completed calls per second of batch wall time; events = server-sent events received: ' +
      'OpenAI chunks direct, Anthropic events through the proxy, one content_block_delta per text chunk)',
    '',
    '| clients | mode | calls/path | direct calls/s | proxy calls/s | proxy / direct | direct events/s | proxy events/s |',
    '|---:|---|---:|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}
