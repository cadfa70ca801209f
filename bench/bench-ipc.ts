/**
 * The benchmark's processes and the messages between them. run-bench.ts (the clients) forks
 * two children: the proxy (proxy-child.ts), so its CPU and RSS are its own, and the mock
 * upstream (mock-child.ts), so that neither path enjoys a same-process shortcut: a direct call
 * crosses one process boundary (client → upstream), a proxied call two, as in real life where
 * the upstream is never inside the client. Each child says `ready` with its URL, answers
 * requests one at a time, and exits on `stop` or when its parent goes away.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import type { Regime } from './bench-scenarios.ts';

/**
 * `gc`: run a full garbage collection (the child needs --expose-gc), then answer stats;
 * `clear`: drop every record the recorder holds (answered with `cleared`).
 */
export type ProxyRequest =
  { type: 'stats' } | { type: 'gc' } | { type: 'clear' } | { type: 'stop' };
export type MockRequest = { type: 'regime'; regime: Regime } | { type: 'stop' };

export interface ChildStats {
  type: 'stats';
  cpuUserMicros: number;
  cpuSystemMicros: number;
  rssBytes: number;
  maxRssBytes: number;
  heapUsedBytes: number;
  /** Memory outside the JS heap held by JS objects (Buffers and the like). */
  externalBytes: number;
  recordedExchanges: number;
  /** The recorder's own estimate of what its completed records hold. */
  recordedApproxBytes: number;
  /** Exchanges the recorder dropped to stay within its limits, since the start. */
  evictedExchanges: number;
}

export type ChildReply =
  { type: 'ready'; url: string } | ChildStats | { type: 'regime-set' } | { type: 'cleared' };

interface BenchChild {
  url: string;
  /** Sends a request and resolves with the first reply of the given type. */
  ask<T extends ChildReply['type']>(
    request: ProxyRequest | MockRequest,
    reply: T,
  ): Promise<Extract<ChildReply, { type: T }>>;
  stop(): Promise<void>;
}

async function forkChild(
  file: string,
  env: Record<string, string>,
  execArgv: string[],
): Promise<BenchChild> {
  const child: ChildProcess = fork(join(import.meta.dirname, file), [], {
    env: { PATH: process.env.PATH ?? '', ...env },
    execArgv,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = once(child, 'exit');
  const [ready] = (await Promise.race([
    once(child, 'message'),
    exited.then(() => [undefined]),
  ])) as [ChildReply | undefined];
  if (ready?.type !== 'ready') throw new Error(`${file} exited before it was ready`);
  return {
    url: ready.url,
    async ask(request, reply) {
      child.send(request);
      for (;;) {
        const [message] = (await once(child, 'message')) as [ChildReply];
        if (message.type === reply) return message as never;
      }
    },
    async stop() {
      child.send({ type: 'stop' });
      await exited;
    },
  };
}

export interface ProxyChild {
  url: string;
  stats(): Promise<ChildStats>;
  /** Stats right after a full garbage collection (only with `exposeGc`). */
  statsAfterGc(): Promise<ChildStats>;
  /** Empties the recorder, so a measurement starts far from its limits. */
  clearRecorder(): Promise<void>;
  /** Stops the child and waits for it to exit. */
  stop(): Promise<void>;
}

export interface ProxyChildOptions {
  env: Record<string, string>;
  recorder: boolean;
  /** Directory for a V8 CPU profile of the child (node --cpu-prof), if wanted. */
  cpuProfileDir?: string;
  /** Start the child with --expose-gc so statsAfterGc() can force a collection. */
  exposeGc?: boolean;
}

export async function startProxyChild(options: ProxyChildOptions): Promise<ProxyChild> {
  const execArgv = [
    ...(options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : []),
    ...(options.exposeGc ? ['--expose-gc'] : []),
  ];
  const child = await forkChild(
    'proxy-child.ts',
    { ...options.env, BENCH_RECORDER: options.recorder ? 'on' : 'off' },
    execArgv,
  );
  return {
    url: child.url,
    stats: () => child.ask({ type: 'stats' }, 'stats'),
    statsAfterGc: () => child.ask({ type: 'gc' }, 'stats'),
    clearRecorder: async () => void (await child.ask({ type: 'clear' }, 'cleared')),
    stop: () => child.stop(),
  };
}

export interface MockChild {
  /** OpenAI-style base URL ending in /v1. */
  url: string;
  setRegime(regime: Regime): Promise<void>;
  stop(): Promise<void>;
}

export async function startMockChild(): Promise<MockChild> {
  const child = await forkChild('mock-child.ts', {}, []);
  return {
    url: child.url,
    setRegime: async (regime) => void (await child.ask({ type: 'regime', regime }, 'regime-set')),
    stop: () => child.stop(),
  };
}
