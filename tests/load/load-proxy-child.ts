/**
 * The proxy as the load tests run it: alone in this child process (forked by
 * load-proxy-process.ts), so its RSS is the proxy's and not the clients' or the mock's,
 * with the traffic recorder on as in the app. Configured by the environment the parent
 * passes: the proxy's own variables (BASE_URL, OPENAI_API_KEY, BIG_MODEL_NAME, LOG_LEVEL...)
 * and LOAD_RECORDER_MAX_BYTES / LOAD_RECORDER_MAX_EXCHANGES for the recorder's budget. It
 * logs at the configured level to its stdout, which the parent discards, so the per-call
 * log line is paid for as in real use.
 *
 * IPC: it sends {type:'ready', url}; it answers {type:'stats', gc} with its memory and the
 * recorder's stats (after a full GC when `gc` is set and the child runs with --expose-gc),
 * {type:'summaries'} with the recorder's list, and exits on {type:'stop'}.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProxyConfig } from '../../electron/server/proxy-config.ts';
import { createTrafficRecorder } from '../../electron/server/recorder/traffic-recorder.ts';
import { startProxyServer } from '../../electron/server/start-proxy-server.ts';
import type { LoadChildReply, LoadChildRequest } from './load-proxy-process.ts';

function numberFromEnv(name: string): number | undefined {
  const value = process.env[name];
  return value ? Number(value) : undefined;
}

const maxBytes = numberFromEnv('LOAD_RECORDER_MAX_BYTES');
const maxExchanges = numberFromEnv('LOAD_RECORDER_MAX_EXCHANGES');
const recorder = createTrafficRecorder({
  ...(maxBytes !== undefined && { maxBytes }),
  ...(maxExchanges !== undefined && { maxExchanges }),
});
// An empty directory as cwd: a developer's .env must not leak into the test.
const config = loadProxyConfig(process.env, mkdtempSync(join(tmpdir(), 'proxy-load-')));
const proxy = await startProxyServer({ config, tap: recorder });

function reply(message: LoadChildReply): void {
  process.send?.(message);
}

process.on('message', (message: LoadChildRequest) => {
  switch (message.type) {
    case 'stats': {
      // The recorder seals completed exchanges in its batching step: run it now.
      recorder.flush();
      if (message.gc) globalThis.gc?.();
      const memory = process.memoryUsage();
      reply({
        type: 'stats',
        rssBytes: memory.rss,
        heapUsedBytes: memory.heapUsed,
        externalBytes: memory.external + memory.arrayBuffers,
        maxRssBytes: process.resourceUsage().maxRSS * 1024,
        recorder: recorder.stats(),
      });
      return;
    }
    case 'summaries':
      recorder.flush();
      reply({ type: 'summaries', summaries: recorder.list() });
      return;
    case 'stop':
      void proxy.close().then(() => {
        recorder.dispose();
        process.exit(0);
      });
      return;
  }
});

// The parent died or gave up: nothing will ask for stats or stop us any more.
process.on('disconnect', () => process.exit(1));

reply({ type: 'ready', url: proxy.url });
