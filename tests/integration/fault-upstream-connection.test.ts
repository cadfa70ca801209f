/**
 * Faults before the upstream sent any header: the connection is refused, reset, or left
 * hanging past API_TIMEOUT_MS. For a JSON call and a stream alike the client gets an
 * Anthropic error with a plain HTTP status (nothing was streamed yet), the recorder keeps
 * the exchange as an error with that status and message, and the proxy serves the next
 * call normally. upstream-connection-errors.test.ts covers the message wording.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiError,
  errorBody,
  expectServing,
  faultParams,
  startFaultRig,
  type FaultRig,
} from '../support/fault-rig.ts';
import { resetBeforeHeaders } from '../support/fault-behaviours.ts';
import { hangBeforeHeaders } from '../support/mock-openai-upstream.ts';

const API_TIMEOUT_MS = 400;

let rig: FaultRig;

beforeAll(async () => {
  rig = await startFaultRig({ front: true, env: { API_TIMEOUT_MS: String(API_TIMEOUT_MS) } });
});
afterAll(async () => {
  await rig?.close();
});

const calls = {
  json: () => rig.client.messages.create(faultParams),
  stream: () => rig.client.messages.stream(faultParams).finalMessage(),
} as const;

describe.each(['json', 'stream'] as const)('a %s call', (kind) => {
  it('gets 502 api_error naming ECONNREFUSED when the upstream refuses the connection, and is recorded so', async () => {
    await rig.front!.refuse();
    try {
      const { outcome, record } = await rig.recorded(() => apiError(calls[kind]()));
      expect(outcome.status).toBe(502);
      expect(errorBody(outcome)).toMatchObject({ type: 'api_error' });
      expect(errorBody(outcome).message).toContain('ECONNREFUSED');
      expect(record.id).toBe(outcome.requestID);
      expect(record).toMatchObject({
        state: 'error',
        status: 502,
        stream: kind === 'stream',
        error: { type: 'api_error', message: errorBody(outcome).message },
      });
      expect(record.openaiRequest).toMatchObject({ model: 'big-model' });
    } finally {
      await rig.front!.accept();
    }
    await expectServing(rig);
  });

  it('gets 502 api_error when the upstream resets the connection before any header', async () => {
    rig.upstream.enqueue(resetBeforeHeaders());
    const { outcome, record } = await rig.recorded(() => apiError(calls[kind]()));
    expect(outcome.status).toBe(502);
    expect(errorBody(outcome).type).toBe('api_error');
    expect(errorBody(outcome).message).toMatch(/ECONNRESET|other side closed|socket/i);
    expect(record.id).toBe(outcome.requestID);
    expect(record).toMatchObject({
      state: 'error',
      status: 502,
      error: { type: 'api_error', message: errorBody(outcome).message },
    });
    await expectServing(rig);
  });

  it('gets 504 timeout_error after API_TIMEOUT_MS when the upstream never answers, and the upstream call is dropped', async () => {
    rig.upstream.enqueue(hangBeforeHeaders());
    const started = performance.now();
    const { outcome, record } = await rig.recorded(() => apiError(calls[kind]()));
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(API_TIMEOUT_MS - 5);
    expect(waited).toBeLessThan(API_TIMEOUT_MS + 2000);
    expect(outcome.status).toBe(504);
    expect(errorBody(outcome).type).toBe('timeout_error');
    const seen = rig.upstream.requests.at(-1)!;
    expect(await seen.ended).toBe('client-closed');
    expect(record.id).toBe(outcome.requestID);
    expect(record).toMatchObject({
      state: 'error',
      status: 504,
      error: { type: 'timeout_error', message: errorBody(outcome).message },
    });
    await expectServing(rig);
  });
});
