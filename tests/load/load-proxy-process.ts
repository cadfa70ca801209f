/**
 * Starts the proxy in its own process for the load tests (load-proxy-child.ts), pointed at
 * a mock upstream running in the test's process, and asks it for its memory and the
 * recorder's state over IPC. The child runs with --expose-gc so a reading can be taken
 * after a full collection (what is still held, not what the GC has yet to reclaim).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import type { ExchangeSummary } from '../../shared/traffic/exchange-record.ts';
import type { RecorderStats } from '../../electron/server/recorder/traffic-recorder.ts';
import { TEST_UPSTREAM_KEY } from '../support/start-test-proxy.ts';

export type LoadChildRequest =
  { type: 'stats'; gc: boolean } | { type: 'summaries' } | { type: 'stop' };

export interface LoadChildStats {
  type: 'stats';
  rssBytes: number;
  heapUsedBytes: number;
  /** Buffers and array buffers outside the JS heap. */
  externalBytes: number;
  /** Peak RSS of the process so far. */
  maxRssBytes: number;
  recorder: RecorderStats;
}

export type LoadChildReply =
  | { type: 'ready'; url: string }
  | LoadChildStats
  | { type: 'summaries'; summaries: ExchangeSummary[] };

export interface LoadProxy {
  url: string;
  /** Memory and recorder stats; `gc` runs a full collection first. */
  stats(gc?: boolean): Promise<LoadChildStats>;
  /** The recorder's summaries, newest first. */
  summaries(): Promise<ExchangeSummary[]>;
  stop(): Promise<void>;
}

export interface LoadProxyOptions {
  upstreamUrl: string;
  recorderMaxBytes?: number;
  recorderMaxExchanges?: number;
  env?: Record<string, string>;
}

export async function startLoadProxy(options: LoadProxyOptions): Promise<LoadProxy> {
  const child: ChildProcess = fork(join(import.meta.dirname, 'load-proxy-child.ts'), [], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      BASE_URL: options.upstreamUrl,
      OPENAI_API_KEY: TEST_UPSTREAM_KEY,
      BIG_MODEL_NAME: 'big-model',
      SMALL_MODEL_NAME: 'small-model',
      MAX_RETRIES: '0',
      LOG_LEVEL: 'info',
      ...(options.recorderMaxBytes !== undefined && {
        LOAD_RECORDER_MAX_BYTES: String(options.recorderMaxBytes),
      }),
      ...(options.recorderMaxExchanges !== undefined && {
        LOAD_RECORDER_MAX_EXCHANGES: String(options.recorderMaxExchanges),
      }),
      ...options.env,
    },
    execArgv: ['--expose-gc'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = once(child, 'exit');
  const [ready] = (await Promise.race([
    once(child, 'message'),
    exited.then(() => [undefined]),
  ])) as [LoadChildReply | undefined];
  if (ready?.type !== 'ready') throw new Error('the proxy child exited before it was ready');

  async function ask<T extends LoadChildReply['type']>(
    request: LoadChildRequest,
    type: T,
  ): Promise<Extract<LoadChildReply, { type: T }>> {
    const answer = new Promise<Extract<LoadChildReply, { type: T }>>((resolve) => {
      const onMessage = (message: LoadChildReply): void => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        resolve(message as Extract<LoadChildReply, { type: T }>);
      };
      child.on('message', onMessage);
    });
    child.send(request);
    return answer;
  }

  return {
    url: ready.url,
    stats: (gc = false) => ask({ type: 'stats', gc }, 'stats'),
    summaries: async () => (await ask({ type: 'summaries' }, 'summaries')).summaries,
    async stop() {
      if (child.exitCode !== null) return;
      child.send({ type: 'stop' });
      await exited;
    },
  };
}

export const MB = 1024 * 1024;

/** Bytes as whole MB with one decimal, for the printed figures. */
export function mb(bytes: number): string {
  return `${(bytes / MB).toFixed(1)} MB`;
}
