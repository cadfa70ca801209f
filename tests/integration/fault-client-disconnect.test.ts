/**
 * A client that hangs up stops the upstream call within 100 ms, measured at the mock (the
 * moment its connection from the proxy closed, minus the moment the client destroyed its
 * socket, on the same clock): before the upstream sent headers, in the middle of a stream,
 * and during a JSON call (upstream not answered yet, or its body half sent). The recorder
 * keeps each call as aborted, and the proxy serves the next call. client-abort.test.ts
 * covers the same through the SDK with a looser bound.
 */
import { request, type ClientRequest, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonBodyStalls, withArrival } from '../support/fault-behaviours.ts';
import { expectServing, faultParams, startFaultRig, type FaultRig } from '../support/fault-rig.ts';
import {
  hangBeforeHeaders,
  streamAnswer,
  type MockBehaviour,
} from '../support/mock-openai-upstream.ts';

/** The bound: the upstream (paid per token) stops within this of the client leaving. */
const ABORT_WITHIN_MS = 100;

let rig: FaultRig;
/** Measured lags, printed at the end for the record. */
const lags: string[] = [];

beforeAll(async () => {
  rig = await startFaultRig();
});
afterAll(async () => {
  console.log(`[faults] upstream aborted after the client left: ${lags.join(', ')}`);
  await rig?.close();
});

/** Starts a POST /v1/messages on a socket of its own, so the test decides when it dies. */
function startCall(stream: boolean): { req: ClientRequest; response: Promise<IncomingMessage> } {
  const req = request(new URL('/v1/messages', rig.proxy.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    agent: false,
  });
  const response = new Promise<IncomingMessage>((resolve) => req.once('response', resolve));
  // The socket is destroyed on purpose; its error is expected.
  req.on('error', () => undefined);
  req.end(JSON.stringify({ ...faultParams, stream }));
  return { req, response };
}

/** Resolves once the response body has carried `text`. */
function bodyReaches(res: IncomingMessage, text: string): Promise<void> {
  return new Promise((resolve) => {
    let seen = '';
    res.on('data', (part: Buffer) => {
      seen += part.toString();
      if (seen.includes(text)) resolve();
    });
    res.on('error', () => undefined);
  });
}

/** Hangs up when `when` resolves; answers how long the upstream connection outlived the client. */
async function hangUpAndMeasure(
  behaviour: MockBehaviour,
  stream: boolean,
  when: (call: ReturnType<typeof startCall>) => Promise<unknown>,
): Promise<number> {
  const arrival = withArrival(behaviour);
  rig.upstream.enqueue(arrival.behaviour);
  const call = startCall(stream);
  const seen = await arrival.arrived;
  await when(call);
  const hungUpAt = performance.now();
  call.req.destroy();
  expect(await seen.ended).toBe('client-closed');
  const lag = seen.clientClosedAt! - hungUpAt;
  lags.push(`${lag.toFixed(1)} ms`);
  return lag;
}

const longStream = (): MockBehaviour =>
  streamAnswer({ text: 'word '.repeat(200), fragments: 200 }, { paceMs: 10 });

describe('a client that hangs up', () => {
  it('before the upstream answered a stream request: upstream aborted within 100 ms, recorded as aborted', async () => {
    const { outcome: lag, record } = await rig.recorded(() =>
      hangUpAndMeasure(hangBeforeHeaders(), true, async () => undefined),
    );
    expect(lag).toBeLessThan(ABORT_WITHIN_MS);
    expect(record).toMatchObject({ state: 'aborted', stream: true, openaiChunkCount: 0 });
    await expectServing(rig);
  });

  it('in the middle of a stream: upstream aborted within 100 ms, recorded as aborted with the chunks so far', async () => {
    const { outcome: lag, record } = await rig.recorded(() =>
      hangUpAndMeasure(longStream(), true, async (call) =>
        bodyReaches(await call.response, 'content_block_delta'),
      ),
    );
    expect(lag).toBeLessThan(ABORT_WITHIN_MS);
    expect(record).toMatchObject({ state: 'aborted', status: 200, stream: true });
    // The stream was cut long before its 200 fragments.
    expect(record.openaiChunkCount).toBeGreaterThan(0);
    expect(record.openaiChunkCount).toBeLessThan(100);
    await expectServing(rig);
  });

  it('during a JSON call the upstream has not answered: upstream aborted within 100 ms, recorded as aborted', async () => {
    const { outcome: lag, record } = await rig.recorded(() =>
      hangUpAndMeasure(hangBeforeHeaders(), false, async () => undefined),
    );
    expect(lag).toBeLessThan(ABORT_WITHIN_MS);
    expect(record).toMatchObject({ state: 'aborted', stream: false });
    await expectServing(rig);
  });

  it('during a JSON call whose body is half sent: upstream aborted within 100 ms, recorded as aborted', async () => {
    const { outcome: lag, record } = await rig.recorded(() =>
      hangUpAndMeasure(jsonBodyStalls(), false, async () => undefined),
    );
    expect(lag).toBeLessThan(ABORT_WITHIN_MS);
    expect(record).toMatchObject({ state: 'aborted', stream: false });
    await expectServing(rig);
  });

  it('through the SDK mid-stream: upstream aborted within 100 ms of controller.abort()', async () => {
    const arrival = withArrival(longStream());
    rig.upstream.enqueue(arrival.behaviour);
    const controller = new AbortController();
    const stream = rig.client.messages.stream(faultParams, { signal: controller.signal });
    let abortedAt = 0;
    stream.on('text', () => {
      if (abortedAt) return;
      abortedAt = performance.now();
      controller.abort();
    });
    await stream.finalMessage().catch(() => undefined);
    const seen = await arrival.arrived;
    expect(await seen.ended).toBe('client-closed');
    const lag = seen.clientClosedAt! - abortedAt;
    lags.push(`${lag.toFixed(1)} ms (SDK)`);
    expect(lag).toBeLessThan(ABORT_WITHIN_MS);
    await expectServing(rig);
  });
});
