/**
 * The upstream answers, but not with a completion: 4xx/5xx with a JSON body, a text body,
 * an HTML page or no body at all, and a 200 that is an HTML page (a captive portal, a base
 * URL that points at a website). For a JSON call and a stream alike the client gets an
 * Anthropic error with the mapped status before any event, the recorder keeps the upstream
 * status and what it sent next to the error, and the proxy serves the next call.
 * upstream-http-errors.test.ts covers the status table and headers for JSON calls.
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
import { HTML_PAGE, htmlPage200 } from '../support/fault-behaviours.ts';
import { httpError, type MockBehaviour } from '../support/mock-openai-upstream.ts';

let rig: FaultRig;

beforeAll(async () => {
  rig = await startFaultRig();
});
afterAll(async () => {
  await rig?.close();
});

const html502 =
  '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>nginx</h1></body></html>';

interface HttpFault {
  name: string;
  behaviour: () => MockBehaviour;
  upstreamStatus: number;
  status: number;
  type: string;
  message: RegExp;
  /** What the recorder keeps as the upstream's answer (the raw text when it is not JSON). */
  recordedBody: unknown;
}

const faults: HttpFault[] = [
  {
    name: '400 with a JSON error',
    behaviour: () => httpError(400, { error: { message: 'max_tokens is too large' } }),
    upstreamStatus: 400,
    status: 400,
    type: 'invalid_request_error',
    message: /^max_tokens is too large$/,
    recordedBody: { error: { message: 'max_tokens is too large' } },
  },
  {
    name: '401 with no body',
    behaviour: () => httpError(401),
    upstreamStatus: 401,
    status: 401,
    type: 'authentication_error',
    message: /HTTP 401 with no body/,
    recordedBody: '',
  },
  {
    name: '429 with a JSON error',
    behaviour: () => httpError(429, { error: { message: 'Rate limit reached', code: 429 } }),
    upstreamStatus: 429,
    status: 429,
    type: 'rate_limit_error',
    message: /^Rate limit reached$/,
    recordedBody: { error: { message: 'Rate limit reached', code: 429 } },
  },
  {
    name: '500 with no body',
    behaviour: () => httpError(500),
    upstreamStatus: 500,
    status: 500,
    type: 'api_error',
    message: /HTTP 500 with no body/,
    recordedBody: '',
  },
  {
    name: '502 with an HTML page',
    behaviour: () => httpError(502, html502),
    upstreamStatus: 502,
    status: 529,
    type: 'overloaded_error',
    message: /HTTP 502 with an HTML page: 502 Bad Gateway/,
    recordedBody: html502,
  },
  {
    name: '503 with a plain-text body',
    behaviour: () => httpError(503, 'upstream connect error or disconnect/reset before headers'),
    upstreamStatus: 503,
    status: 529,
    type: 'overloaded_error',
    message: /upstream connect error or disconnect\/reset before headers/,
    recordedBody: 'upstream connect error or disconnect/reset before headers',
  },
];

describe.each(['json', 'stream'] as const)('a %s call', (kind) => {
  const call = (): Promise<unknown> =>
    kind === 'json'
      ? rig.client.messages.create(faultParams)
      : rig.client.messages.stream(faultParams).finalMessage();

  it.each(faults)(
    'meets upstream $name: $status $type, recorded with the upstream answer',
    async (fault) => {
      rig.upstream.enqueue(fault.behaviour());
      const { outcome, record } = await rig.recorded(() => apiError(call()));
      expect(outcome.status).toBe(fault.status);
      expect(errorBody(outcome).type).toBe(fault.type);
      expect(errorBody(outcome).message).toMatch(fault.message);
      expect(record.id).toBe(outcome.requestID);
      expect(record).toMatchObject({
        state: 'error',
        status: fault.status,
        upstreamStatus: fault.upstreamStatus,
        error: { type: fault.type, message: errorBody(outcome).message },
      });
      expect(record.openaiResponse).toEqual(fault.recordedBody);
      // Nothing was streamed: the error came as a plain HTTP answer.
      expect(record.anthropicEventCount).toBe(0);
    },
  );

  it('meets a 200 HTML page instead of a completion: an Anthropic error, recorded with the page', async () => {
    rig.upstream.enqueue(htmlPage200());
    const { outcome, record } = await rig.recorded(() => apiError(call()));
    expect(outcome.status).toBe(500);
    expect(errorBody(outcome).type).toBe('api_error');
    expect(errorBody(outcome).message).toMatch(
      /answered 200 without a chat completion: .*HTML page: Sign in to the hotel Wi-Fi/,
    );
    expect(record.id).toBe(outcome.requestID);
    expect(record).toMatchObject({
      state: 'error',
      status: 500,
      upstreamStatus: 200,
      error: { type: 'api_error', message: errorBody(outcome).message },
    });
    expect(record.openaiResponse).toBe(HTML_PAGE);
  });

  it('keeps serving after all of these', async () => {
    await expectServing(rig);
  });
});
