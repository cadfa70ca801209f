/**
 * The messages between run-bench.ts and the proxy child (proxy-child.ts), and the parent's
 * side of the conversation: fork the child, wait for it to listen, ask for its stats, stop it.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

export type ParentRequest = { type: 'stats' } | { type: 'stop' };

export interface ChildStats {
  type: 'stats';
  cpuUserMicros: number;
  cpuSystemMicros: number;
  rssBytes: number;
  maxRssBytes: number;
  heapUsedBytes: number;
  recordedExchanges: number;
  /** The recorder's own estimate of what its completed records hold. */
  recordedApproxBytes: number;
}

export type ChildReply = { type: 'ready'; url: string } | ChildStats;

export interface ProxyChild {
  url: string;
  stats(): Promise<ChildStats>;
  /** Stops the child and waits for it to exit. */
  stop(): Promise<void>;
}

export interface ProxyChildOptions {
  env: Record<string, string>;
  recorder: boolean;
  /** Directory for a V8 CPU profile of the child (node --cpu-prof), if wanted. */
  cpuProfileDir?: string;
}

export async function startProxyChild(options: ProxyChildOptions): Promise<ProxyChild> {
  const execArgv = options.cpuProfileDir
    ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`]
    : [];
  const child: ChildProcess = fork(join(import.meta.dirname, 'proxy-child.ts'), [], {
    env: {
      PATH: process.env.PATH ?? '',
      ...options.env,
      BENCH_RECORDER: options.recorder ? 'on' : 'off',
    },
    execArgv,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = once(child, 'exit');
  const first = (await Promise.race([once(child, 'message'), exited.then(() => [undefined])])) as [
    ChildReply | undefined,
  ];
  const ready = first[0];
  if (ready?.type !== 'ready') throw new Error('the proxy child exited before it was ready');

  const ask = async (): Promise<ChildStats> => {
    child.send({ type: 'stats' } satisfies ParentRequest);
    for (;;) {
      const [message] = (await once(child, 'message')) as [ChildReply];
      if (message.type === 'stats') return message;
    }
  };
  return {
    url: ready.url,
    stats: ask,
    stop: async () => {
      child.send({ type: 'stop' } satisfies ParentRequest);
      await exited;
    },
  };
}
