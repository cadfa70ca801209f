/**
 * `npm run bench`: the proxy's latency and cost against calling the mock upstream directly,
 * in the same run, at 1, 20 and 100 concurrent clients, streaming and not, in two regimes
 * (paced like a real model, and flat out), then the memory each recorded exchange costs
 * (bench-memory.ts). Prints Markdown ready for the README.
 *
 * The proxy runs in its own child process (proxy-child.ts) with the traffic recorder on, so
 * its CPU and RSS are measured alone; the mock upstream runs in another (bench-ipc.ts says
 * why), the clients in this one.
 * Direct and proxied batches alternate round by round so drift in the machine's load hits
 * both alike. A flat-out pass with the recorder off follows, to show what recording costs.
 *
 * Options: --profile writes a V8 CPU profile of the recorder-on proxy child to
 * $TMPDIR/proxy-bench-profiles/ and prints its hot spots; --only=paced,flat,memory runs those
 * sections only (--regime=paced|flat is --only with one regime); --clients=1,20,100 runs the
 * cells of those client counts only (a targeted run that leaves the machine to others sooner).
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { runClients, type BenchTarget, type TimedResponse } from './bench-client.ts';
import {
  startMockChild,
  startProxyChild,
  type ChildStats,
  type MockChild,
  type ProxyChild,
} from './bench-ipc.ts';
import { ttfbTable, throughputTable } from './bench-load-report.ts';
import { measureRecorderMemory, memoryTable, type MemoryPhase } from './bench-memory.ts';
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

// Sized so the whole run stays under ~3 minutes on a 2-core machine.
const PLANS: Record<Regime, CellPlan[]> = {
  paced: [
    // One client's latency is the noisiest figure (a p50 of idle-to-busy wake-ups): more rounds.
    { clients: 1, stream: true, warmupRounds: 3, rounds: 30, perClient: 1 },
    { clients: 1, stream: false, warmupRounds: 2, rounds: 20, perClient: 1 },
    // 20 users at random moments, not a burst: starts spread over one answer's duration.
    { clients: 20, stream: true, warmupRounds: 1, rounds: 2, perClient: 3, staggerMs: 21 },
    { clients: 20, stream: false, warmupRounds: 1, rounds: 2, perClient: 3, staggerMs: 21 },
    // 100 users, again spread over one answer's duration.
    { clients: 100, stream: true, warmupRounds: 1, rounds: 2, perClient: 2, staggerMs: 4 },
  ],
  flat: [
    { clients: 1, stream: true, warmupRounds: 3, rounds: 10, perClient: 15 },
    { clients: 1, stream: false, warmupRounds: 2, rounds: 10, perClient: 15 },
    { clients: 20, stream: true, warmupRounds: 1, rounds: 5, perClient: 2 },
    { clients: 20, stream: false, warmupRounds: 1, rounds: 5, perClient: 2 },
    { clients: 100, stream: true, warmupRounds: 1, rounds: 2, perClient: 2 },
    { clients: 100, stream: false, warmupRounds: 1, rounds: 2, perClient: 2 },
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
  const timedBatch = async (target: BenchTarget): Promise<[TimedResponse[], number]> => {
    const started = performance.now();
    const calls = await batch(target);
    return [calls, performance.now() - started];
  };

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
    directBatchMs: 0,
    proxyBatchMs: 0,
    cpuMsPerCall: 0,
    rssBytes: 0,
  };
  for (let r = 0; r < plan.rounds; r++) {
    const proxyFirst = r % 2 === 1;
    const runProxied = async (): Promise<void> => {
      const [calls, ms] = await timedBatch(proxied);
      result.proxy.push(...calls);
      result.proxyBatchMs += ms;
    };
    if (proxyFirst) await runProxied();
    const [calls, ms] = await timedBatch(direct);
    result.direct.push(...calls);
    result.directBatchMs += ms;
    if (!proxyFirst) await runProxied();
  }
  await delay(SETTLE_MS);
  const after = await proxy.stats();
  const cpuMicros =
    after.cpuUserMicros - before.cpuUserMicros + (after.cpuSystemMicros - before.cpuSystemMicros);
  result.cpuMsPerCall = cpuMicros / 1000 / result.proxy.length;
  result.rssBytes = after.rssBytes;
  return result;
}

type Section = Regime | 'memory';
const SECTIONS: readonly Section[] = ['paced', 'flat', 'memory'];

/** `--only` (or `--regime`): a comma list of sections; all of them when absent. */
function parseSections(list: string | undefined): Set<Section> {
  if (list === undefined) return new Set(SECTIONS);
  const picked = list.split(',').map((name) => name.trim());
  const unknown = picked.filter((name) => !SECTIONS.some((section) => section === name));
  if (unknown.length > 0 || picked.length === 0) {
    throw new Error(`--only takes a comma list of ${SECTIONS.join(', ')}; got "${list}"`);
  }
  return new Set(SECTIONS.filter((section) => picked.includes(section)));
}

/** `--clients`: a comma list of client counts whose cells run (e.g. 100, or 1,20). */
function parseCounts(list: string): number[] {
  const counts = list.split(',').map((n) => Number(n.trim()));
  if (counts.some((n) => !Number.isInteger(n) || n <= 0)) {
    throw new Error(`--clients takes a comma list of positive integers; got "${list}"`);
  }
  return counts;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      profile: { type: 'boolean', default: false },
      regime: { type: 'string' },
      only: { type: 'string' },
      clients: { type: 'string' },
    },
  });
  const sections = parseSections(values.only ?? values.regime);
  const regimes = (['paced', 'flat'] as const).filter((regime) => sections.has(regime));
  const clientCounts = values.clients === undefined ? undefined : parseCounts(values.clients);
  const plansOf = (regime: Regime): CellPlan[] =>
    PLANS[regime].filter((plan) => !clientCounts || clientCounts.includes(plan.clients));
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
  let last: ChildStats | undefined;
  if (regimes.length > 0) {
    const proxy = await startProxyChild({
      env,
      recorder: true,
      ...(profileDir && { cpuProfileDir: profileDir }),
    });
    for (const regime of regimes) {
      for (const plan of plansOf(regime)) {
        log(`… ${regime}, ${plan.clients} client(s), ${plan.stream ? 'stream' : 'non-stream'}`);
        results[regime].push(await runCell(upstream, proxy, regime, plan));
      }
    }
    last = await proxy.stats();
    await proxy.stop();
  }

  const recorderOff: CellResult[] = [];
  if (results.flat.length > 0) {
    log('… flat out again with the recorder off');
    const bare = await startProxyChild({ env, recorder: false });
    for (const plan of plansOf('flat'))
      recorderOff.push(await runCell(upstream, bare, 'flat', plan));
    await bare.stop();
  }

  let memory: MemoryPhase[] = [];
  if (sections.has('memory')) {
    log('… memory per recorded exchange');
    memory = await measureRecorderMemory(upstream, env);
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
  if (regimes.length > 0) out.push(ttfbTable(results), '');
  if (results.flat.length) out.push(throughputTable(results.flat), '');
  if (last) out.push(memoryLine(last), '');
  if (memory.length) out.push(memoryTable(memory), '');
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
