/**
 * `node bench/bare-forwarder.ts`: what the extra hop alone costs, as a yardstick for the
 * proxy's "added" figures. A bare pass-through forwarder (node:http in, undici out, no
 * express, no SDK, no validation, no translation, in its own process) against calling the
 * paced mock upstream directly, one idle client, streaming and not: the same regime as the
 * paced rows of `npm run bench`. On the 2-core VM of the README it adds ~2–3.5 ms to a
 * non-streamed answer, which any proxy pays before doing any work of its own.
 */
import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import { Agent } from 'undici';
import { timedPost, type TimedResponse } from './bench-client.ts';
import { startMockChild } from './bench-ipc.ts';
import { directTarget } from './bench-scenarios.ts';

const ROUNDS = 25;
const WARMUP = 3;

/** The forwarder: every POST goes to the upstream's chat/completions, answered as it comes. */
function serveForwarder(upstreamUrl: string): void {
  const upstream = new URL(`${upstreamUrl}/chat/completions`);
  const agent = new Agent();
  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => {
      void agent
        .request({
          origin: upstream.origin,
          path: upstream.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: Buffer.concat(parts),
        })
        .then((answer) => {
          res.writeHead(answer.statusCode, {
            'content-type': String(answer.headers['content-type']),
          });
          answer.body.pipe(res);
        });
    });
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    if (typeof address === 'object' && address) process.send?.(address.port);
  });
}

function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[values.length >> 1] ?? Number.NaN;
}

async function main(): Promise<void> {
  const upstream = await startMockChild();
  await upstream.setRegime('paced');
  const child = fork(import.meta.filename, ['forwarder', upstream.url]);
  const port = await new Promise<number>((resolve) =>
    child.once('message', (message) => resolve(Number(message))),
  );
  for (const stream of [true, false]) {
    const direct = directTarget(upstream.url, stream);
    const forwarded = { ...direct, url: new URL(`http://127.0.0.1:${port}/v1/chat/completions`) };
    const timings: [TimedResponse[], TimedResponse[]] = [[], []];
    for (let round = 0; round < WARMUP + ROUNDS; round++) {
      const pair = [await timedPost(direct), await timedPost(forwarded)] as const;
      if (round >= WARMUP) pair.forEach((timing, i) => timings[i]!.push(timing));
    }
    const [d, f] = timings.map((list) => median(list.map((timing) => timing.firstByteMs)));
    process.stdout.write(
      `${stream ? 'stream    ' : 'non-stream'}: first byte direct ${d!.toFixed(2)} ms, bare forwarder ${f!.toFixed(2)} ms, added ${(f! - d!).toFixed(2)} ms (p50 of ${ROUNDS})\n`,
    );
  }
  child.kill();
  await upstream.stop();
}

if (process.argv[2] === 'forwarder') serveForwarder(process.argv[3]!);
else await main();
