/**
 * The proxy as the benchmark runs it: alone in this child process, so the process's own CPU
 * time and RSS are the proxy's (plus Node's idle baseline), not the clients' or the mock's.
 * Started by run-bench.ts with fork(); configured by the environment it passes (the proxy's
 * own variables: BASE_URL, OPENAI_API_KEY, BIG_MODEL_NAME, LOG_LEVEL...) and BENCH_RECORDER
 * (on/off). It logs at the configured level to its stdout, which the parent discards, so the
 * per-call log line is paid for as in real use.
 *
 * IPC protocol: it sends {type:'ready', url}; it answers {type:'stats'} with the process's
 * cumulative cpuUsage (µs), current RSS, peak RSS, heap and the recorder's stats; {type:'gc'}
 * answers the same after a full garbage collection (started with --expose-gc; the memory
 * figures of bench-memory.ts); {type:'clear'} empties the recorder; on {type:'stop'} it closes the server and exits (so
 * `--cpu-prof` writes its profile).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProxyConfig } from '../electron/server/proxy-config.ts';
import { createTrafficRecorder } from '../electron/server/recorder/traffic-recorder.ts';
import { startProxyServer } from '../electron/server/start-proxy-server.ts';
import type { ChildReply, ChildStats, ProxyRequest } from './bench-ipc.ts';

const recorder = process.env.BENCH_RECORDER === 'off' ? undefined : createTrafficRecorder();
// An empty directory as cwd: a developer's .env must not leak into the benchmark.
const config = loadProxyConfig(process.env, mkdtempSync(join(tmpdir(), 'proxy-bench-')));
const proxy = await startProxyServer({ config, ...(recorder && { tap: recorder }) });

function reply(message: ChildReply): void {
  process.send?.(message);
}

function stats(): ChildStats {
  const cpu = process.cpuUsage();
  const memory = process.memoryUsage();
  const recorded = recorder?.stats();
  return {
    type: 'stats',
    cpuUserMicros: cpu.user,
    cpuSystemMicros: cpu.system,
    rssBytes: memory.rss,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    heapUsedBytes: memory.heapUsed,
    externalBytes: memory.external,
    recordedExchanges: recorded?.exchanges ?? 0,
    recordedApproxBytes: recorded?.approxBytes ?? 0,
    evictedExchanges: recorded?.evictedTotal ?? 0,
  };
}

/** globalThis.gc exists only under --expose-gc; asking for it otherwise is the parent's bug. */
function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('proxy-child: a gc was asked but the child runs without --expose-gc');
  // Twice: the first pass can leave objects that only become unreachable after finalizers.
  gc();
  gc();
}

process.on('message', (message: ProxyRequest) => {
  switch (message.type) {
    case 'stats':
      reply(stats());
      return;
    case 'gc':
      collectGarbage();
      reply(stats());
      return;
    case 'clear':
      recorder?.clear();
      reply({ type: 'cleared' });
      return;
    case 'stop':
      void proxy.close().then(() => {
        recorder?.dispose();
        process.exit(0);
      });
      return;
  }
});

// The parent died or gave up: nothing will ask for stats or stop us any more.
process.on('disconnect', () => process.exit(1));

reply({ type: 'ready', url: proxy.url });
