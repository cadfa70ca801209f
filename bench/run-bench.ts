/**
 * `npm run bench`: the proxy's latency and cost against calling the mock upstream directly,
 * in the same run, at 1 and 20 concurrent clients, streaming and not, in two regimes (paced
 * like a real model, and flat out). Prints Markdown ready for the README.
 *
 * The proxy runs in its own child process (proxy-child.ts) with the traffic recorder on, so
 * its CPU and RSS are measured alone; the mock upstream runs in another (bench-ipc.ts says
 * why), the clients in this one.
 * Direct and proxied batches alternate round by round so drift in the machine's load hits
 * both alike. A flat-out pass with the recorder off follows, to show what recording costs.
 *
 * Options: --profile writes a V8 CPU profile of the recorder-on proxy child to
 * $TMPDIR/proxy-bench-profiles/ and prints its hot spots; --regime=paced|flat runs one regime only.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { runClients, type BenchTarget, type TimedResponse } from './bench-client.ts';
import { startMockChild, startProxyChild, type MockChild, type ProxyChild } from './bench-ipc.ts';
import { flatTable, machineLine, memoryLine, pacedTable, type CellResult } from './bench-report.ts';
import {
  BENCH_UPSTREAM_MODEL,
  claudeCodeProxyTarget,
  directTarget,
  proxyTarget,
  type Regime,
} from './bench-scenarios.ts';
import { formatProfileSummary, summarizeCpuProfile } from './cpu-profile-summary.ts';

interface CellPlan {
  clients: number;
  stream: boolean;
  warmupRounds: number;
  rounds: number;
  /** Requests each client sends back to back in one round. */
  perClient: number;
  /** Delay between the starts of successive clients (see runClients). */
  staggerMs?: number;
  /** Send a real 49 KB Claude Code request to the proxy instead of the short prompt. */
  claudeCodeBody?: boolean;
}

// Sized so the whole run stays under ~2 minutes on a 2-core machine.
const PLANS: Record<Regime, CellPlan[]> = {
  paced: [
    { clients: 1, stream: true, warmupRounds: 3, rounds: 15, perClient: 1 },
    { clients: 1, stream: false, warmupRounds: 2, rounds: 12, perClient: 1 },
    // 20 users at random moments, not a burst: starts spread over one answer's duration.
    { clients: 20, stream: true, warmupRounds: 1, rounds: 2, perClient: 3, staggerMs: 21 },
    { clients: 20, stream: false, warmupRounds: 1, rounds: 2, perClient: 3, staggerMs: 21 },
  ],
  flat: [
    { clients: 1, stream: true, warmupRounds: 3, rounds: 10, perClient: 15 },
    { clients: 1, stream: false, warmupRounds: 2, rounds: 10, perClient: 15 },
    { clients: 20, stream: true, warmupRounds: 1, rounds: 5, perClient: 2 },
    { clients: 20, stream: false, warmupRounds: 1, rounds: 5, perClient: 2 },
    { clients: 1, stream: true, warmupRounds: 1, rounds: 5, perClient: 15, claudeCodeBody: true },
  ],
};

/** Long enough for the recorder's batching step (every 75 ms) to run on what the cell left. */
const SETTLE_MS = 250;

async function runCell(
  upstream: MockChild,
  proxy: ProxyChild,
  regime: Regime,
  plan: CellPlan,
): Promise<CellResult> {
  await upstream.setRegime(regime);
  const direct = directTarget(upstream.url, plan.stream);
  const proxied = plan.claudeCodeBody
    ? claudeCodeProxyTarget(proxy.url)
    : proxyTarget(proxy.url, plan.stream);
  const batch = (target: BenchTarget): Promise<TimedResponse[]> =>
    runClients(target, plan.clients, plan.perClient, plan.staggerMs);

  for (let r = 0; r < plan.warmupRounds; r++) {
    await batch(direct);
    await batch(proxied);
  }
  await delay(SETTLE_MS);
  const before = await proxy.stats();
  const result: CellResult = {
    clients: plan.clients,
    stream: plan.stream,
    claudeCodeBody: plan.claudeCodeBody === true,
    direct: [],
    proxy: [],
    cpuMsPerCall: 0,
    rssBytes: 0,
  };
  for (let r = 0; r < plan.rounds; r++) {
    const proxyFirst = r % 2 === 1;
    if (proxyFirst) result.proxy.push(...(await batch(proxied)));
    result.direct.push(...(await batch(direct)));
    if (!proxyFirst) result.proxy.push(...(await batch(proxied)));
  }
  await delay(SETTLE_MS);
  const after = await proxy.stats();
  const cpuMicros =
    after.cpuUserMicros - before.cpuUserMicros + (after.cpuSystemMicros - before.cpuSystemMicros);
  result.cpuMsPerCall = cpuMicros / 1000 / result.proxy.length;
  result.rssBytes = after.rssBytes;
  return result;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { profile: { type: 'boolean', default: false }, regime: { type: 'string' } },
  });
  const regimes: Regime[] =
    values.regime === 'paced' || values.regime === 'flat' ? [values.regime] : ['paced', 'flat'];
  const profileDir = values.profile ? join(tmpdir(), 'proxy-bench-profiles') : undefined;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const startedAt = performance.now();
  const machine = machineLine();

  const upstream = await startMockChild();
  const env = {
    HOST: '127.0.0.1',
    PORT: '0',
    BASE_URL: upstream.url,
    OPENAI_API_KEY: 'sk-bench',
    BIG_MODEL_NAME: BENCH_UPSTREAM_MODEL,
    SMALL_MODEL_NAME: BENCH_UPSTREAM_MODEL,
    MAX_RETRIES: '0',
    LOG_LEVEL: 'info',
  };
  const log = (text: string): void => void process.stderr.write(`${text}\n`);

  const results: Record<Regime, CellResult[]> = { paced: [], flat: [] };
  const proxy = await startProxyChild({
    env,
    recorder: true,
    ...(profileDir && { cpuProfileDir: profileDir }),
  });
  for (const regime of regimes) {
    for (const plan of PLANS[regime]) {
      log(`… ${regime}, ${plan.clients} client(s), ${plan.stream ? 'stream' : 'non-stream'}`);
      results[regime].push(await runCell(upstream, proxy, regime, plan));
    }
  }
  const last = await proxy.stats();
  await proxy.stop();

  const recorderOff: CellResult[] = [];
  if (regimes.includes('flat')) {
    log('… flat out again with the recorder off');
    const bare = await startProxyChild({ env, recorder: false });
    for (const plan of PLANS.flat) recorderOff.push(await runCell(upstream, bare, 'flat', plan));
    await bare.stop();
  }
  await upstream.stop();

  const out: string[] = [machine, ''];
  out.push(
    'Proxy in its own process with the traffic recorder on (default limits), LOG_LEVEL=info to /dev/null; ' +
      'mock upstream in a second process, clients (node:http, keep-alive) in a third. ' +
      '"Added" = proxy minus direct at the same percentile; first token = first body read holding text.',
    '',
  );
  if (results.paced.length) out.push(pacedTable(results.paced), '');
  if (results.flat.length) out.push(flatTable(results.flat, recorderOff), '');
  out.push(memoryLine(last), '');
  out.push(`Bench time: ${((performance.now() - startedAt) / 1000).toFixed(0)} s`);
  process.stdout.write(`${out.join('\n')}\n`);

  if (profileDir) {
    const newest = readdirSync(profileDir)
      .filter((name) => name.endsWith('.cpuprofile'))
      .sort()
      .at(-1);
    if (newest) {
      const file = join(profileDir, newest);
      process.stdout.write(
        `\nCPU profile of the proxy child: ${file}\n\n${formatProfileSummary(summarizeCpuProfile(file, join(import.meta.dirname, '..')))}\n`,
      );
    }
  }
}

await main();
