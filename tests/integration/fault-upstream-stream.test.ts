/**
 * Faults after the upstream answered 200 and the client's stream has started: the upstream
 * goes silent (STREAM_IDLE_TIMEOUT_MS abandons it while pings keep the client's connection
 * alive), closes the connection, sends a chunk that is not JSON, or sends OpenRouter's
 * `error` object inside the stream. Each time the client gets an `error` event in
 * Anthropic's shape and no `message_stop` (the SDK throws), the recorder keeps the exchange
 * as an error with the chunks that did arrive, and the proxy serves the next call.
 * stream-failures.test.ts covers more wording; this file adds the recorder and idle sides.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiError,
  errorBody,
  expectServing,
  faultParams,
  sseEvents,
  startFaultRig,
  type FaultRig,
} from '../support/fault-rig.ts';
import {
  commentsThenAnswer,
  invalidJsonInStream,
  silentAfterChunks,
} from '../support/fault-behaviours.ts';
import {
  cutMidStream,
  errorInStream,
  streamAnswer,
  type MockBehaviour,
} from '../support/mock-openai-upstream.ts';
import { postJson } from '../support/raw-http.ts';

const IDLE_MS = 600;
const PING_MS = 100;

let rig: FaultRig;

beforeAll(async () => {
  rig = await startFaultRig({
    env: { STREAM_IDLE_TIMEOUT_MS: String(IDLE_MS), PING_INTERVAL_MS: String(PING_MS) },
  });
});
afterAll(async () => {
  await rig?.close();
});

interface StreamFault {
  name: string;
  behaviour: () => MockBehaviour;
  type: string;
  message: RegExp;
}

const faults: StreamFault[] = [
  {
    name: 'goes silent mid-stream (idle timeout)',
    behaviour: () => silentAfterChunks({ text: 'The upstream stops talking here' }, 2),
    type: 'timeout_error',
    message: /sent nothing for 0\.6 s \(STREAM_IDLE_TIMEOUT_MS\)/,
  },
  {
    name: 'closes the connection mid-stream',
    behaviour: () => cutMidStream({ text: 'This answer will be cut off' }, 2),
    type: 'api_error',
    message: /broke off/,
  },
  {
    name: 'sends a chunk that is not JSON',
    behaviour: () => invalidJsonInStream({ text: 'Before the broken chunk, after it' }, 2),
    type: 'api_error',
    message: /malformed server-sent event JSON/,
  },
  {
    name: 'sends an error object inside the 200 stream',
    behaviour: () => errorInStream({ code: 502, message: 'Provider disconnected unexpectedly' }),
    type: 'overloaded_error',
    message: /Provider disconnected unexpectedly/,
  },
];

describe.each(faults)('an upstream that $name', (fault) => {
  it('gives the SDK an Anthropic error and the recorder an error with the chunks so far', async () => {
    rig.upstream.enqueue(fault.behaviour());
    const { outcome, record } = await rig.recorded(() =>
      apiError(rig.client.messages.stream(faultParams).finalMessage()),
    );
    expect(errorBody(outcome).type).toBe(fault.type);
    expect(errorBody(outcome).message).toMatch(fault.message);
    expect(record).toMatchObject({
      state: 'error',
      status: 200,
      stream: true,
      upstreamStatus: 200,
      error: { type: fault.type, message: errorBody(outcome).message },
    });
    expect(record.openaiChunkCount).toBeGreaterThan(0);
    const events = record.anthropicResponse as { data: { type: string } }[];
    expect(events[0]!.data.type).toBe('message_start');
    expect(events.at(-1)!.data).toMatchObject({ type: 'error', error: { type: fault.type } });
    expect(events.map((event) => event.data.type)).not.toContain('message_stop');
    await expectServing(rig);
  });

  it('sends an error event last and no message_stop on the wire', async () => {
    rig.upstream.enqueue(fault.behaviour());
    const res = await postJson(rig.proxy.url, '/v1/messages', { ...faultParams, stream: true });
    expect(res.status).toBe(200);
    const events = sseEvents(res.text);
    expect(events[0]!.event).toBe('message_start');
    expect(events.at(-1)).toEqual({
      event: 'error',
      data: {
        type: 'error',
        error: { type: fault.type, message: expect.stringMatching(fault.message) },
      },
    });
    expect(events.map((event) => event.event)).not.toContain('message_stop');
  });
});

describe('the idle timeout', () => {
  it('keeps the client alive with pings while the upstream is silent, then aborts the upstream call', async () => {
    rig.upstream.enqueue(silentAfterChunks({ text: 'The upstream stops talking here' }, 2));
    const started = performance.now();
    const res = await postJson(rig.proxy.url, '/v1/messages', { ...faultParams, stream: true });
    const waited = performance.now() - started;
    const seen = rig.upstream.requests.at(-1)!;
    expect(await seen.ended).toBe('client-closed');
    expect(waited).toBeGreaterThanOrEqual(IDLE_MS - 5);
    expect(waited).toBeLessThan(IDLE_MS + 2000);
    const names = sseEvents(res.text).map((event) => event.event);
    // One ping follows message_start; the silence adds one every PING_MS until the timeout.
    expect(names.filter((name) => name === 'ping').length).toBeGreaterThanOrEqual(3);
    expect(names.at(-1)).toBe('error');
  });

  it('does not fire while the upstream sends only keep-alive comments for longer than the timeout', async () => {
    rig.upstream.enqueue(
      commentsThenAnswer({ text: 'thought long, answered' }, IDLE_MS * 2, IDLE_MS / 4),
    );
    const message = await rig.client.messages.stream(faultParams).finalMessage();
    expect(message.content).toMatchObject([{ type: 'text', text: 'thought long, answered' }]);
  });

  it('does not fire on a stream that pauses for less than the timeout between chunks', async () => {
    rig.upstream.enqueue(
      streamAnswer({ text: 'slow but steady answer', fragments: 4 }, { paceMs: IDLE_MS / 2 }),
    );
    const message = await rig.client.messages.stream(faultParams).finalMessage();
    expect(message.content).toMatchObject([{ type: 'text', text: 'slow but steady answer' }]);
  });
});
