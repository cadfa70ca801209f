/**
 * What every fault test needs: the real proxy with a real traffic recorder as its tap, in
 * front of the mock upstream (optionally through a TCP relay that can refuse connections),
 * plus the checks the fault contract asks for: the client got an Anthropic-shaped error (or
 * error event), the recorder recorded how the call ended, and the proxy still serves a
 * normal call afterwards.
 *
 * ```ts
 * const rig = await startFaultRig({ env: { API_TIMEOUT_MS: '300' } });
 * rig.upstream.enqueue(hangBeforeHeaders());
 * const { outcome, record } = await rig.recorded(() => apiError(rig.client.messages.create(params)));
 * expect(record).toMatchObject({ state: 'error', status: 504 });
 * await expectServing(rig);
 * ```
 */
import Anthropic from '@anthropic-ai/sdk';
import { expect } from 'vitest';
import {
  createTrafficRecorder,
  type TrafficRecorder,
} from '../../electron/server/recorder/traffic-recorder.ts';
import type { ExchangeRecord, ExchangeSummary } from '../../shared/traffic/exchange-record.ts';
import { startTcpFront, type TcpFront } from './fault-tcp-front.ts';
import {
  jsonAnswer,
  startMockUpstream,
  streamAnswer,
  type MockUpstream,
} from './mock-openai-upstream.ts';
import { startTestProxy, type TestProxy } from './start-test-proxy.ts';

export interface FaultRig {
  upstream: MockUpstream;
  /** The relay between proxy and mock, when asked for. */
  front?: TcpFront;
  proxy: TestProxy;
  client: Anthropic;
  recorder: TrafficRecorder;
  /**
   * Runs `action`, then waits until the recorder has completed the exchange it started
   * (the next one to complete) and returns both.
   */
  recorded<T>(action: () => Promise<T>): Promise<{ outcome: T; record: ExchangeRecord }>;
  close(): Promise<void>;
}

export interface FaultRigOptions {
  env?: Record<string, string>;
  /** Put a TCP relay that can refuse connections between the proxy and the mock. */
  front?: boolean;
}

export async function startFaultRig(options: FaultRigOptions = {}): Promise<FaultRig> {
  const upstream = await startMockUpstream();
  const front = options.front ? await startTcpFront(upstream.url) : undefined;
  const recorder = createTrafficRecorder({ batchMs: 10 });
  const completed: ExchangeSummary[] = [];
  let waiters: (() => void)[] = [];
  recorder.subscribe((name, payload) => {
    if (name !== 'exchange-completed') return;
    completed.push(payload);
    for (const wake of waiters) wake();
    waiters = [];
  });
  const proxy = await startTestProxy({
    upstreamUrl: front?.url ?? upstream.url,
    tap: recorder,
    ...(options.env && { env: options.env }),
  });

  async function completion(index: number): Promise<ExchangeRecord> {
    while (completed.length <= index) await new Promise<void>((wake) => waiters.push(wake));
    const record = recorder.get(completed[index]!.id);
    if (!record) throw new Error(`exchange ${completed[index]!.id} is no longer recorded`);
    return record;
  }

  return {
    upstream,
    ...(front && { front }),
    proxy,
    client: proxy.client,
    recorder,
    async recorded(action) {
      // Earlier calls may still wait in the recorder's batch: announce them first.
      recorder.flush();
      const index = completed.length;
      const outcome = await action();
      return { outcome, record: await completion(index) };
    },
    async close() {
      await proxy.close();
      recorder.dispose();
      await front?.close();
      await upstream.close();
    },
  };
}

export type AnthropicApiError = InstanceType<typeof Anthropic.APIError>;

/** The error a call rejected with, which must be the SDK's APIError (an Anthropic-shaped answer). */
export async function apiError(call: Promise<unknown>): Promise<AnthropicApiError> {
  const thrown = await call.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(thrown).toBeInstanceOf(Anthropic.APIError);
  return thrown as AnthropicApiError;
}

/** The `{type, message}` inside an APIError's Anthropic body. */
export function errorBody(error: AnthropicApiError): { type: string; message: string } {
  expect(error.error).toMatchObject({ type: 'error', error: { type: expect.any(String) } });
  return (error.error as { error: { type: string; message: string } }).error;
}

export const faultParams = {
  model: 'claude-sonnet-4-6',
  max_tokens: 64,
  messages: [{ role: 'user' as const, content: 'Hi' }],
};

/** A normal JSON call and a normal stream both still work. */
export async function expectServing(rig: FaultRig): Promise<void> {
  rig.upstream.enqueue(jsonAnswer({ text: 'still serving' }));
  const message = await rig.client.messages.create(faultParams);
  expect(message.content).toMatchObject([{ type: 'text', text: 'still serving' }]);
  rig.upstream.enqueue(streamAnswer({ text: 'still streaming' }));
  const streamed = await rig.client.messages.stream(faultParams).finalMessage();
  expect(streamed.content).toMatchObject([{ type: 'text', text: 'still streaming' }]);
}

export interface SseEvent {
  event: string;
  data: unknown;
}

/** The events of an SSE body as the proxy wrote it (`event:` + one `data:` line each). */
export function sseEvents(text: string): SseEvent[] {
  return text
    .split('\n\n')
    .filter((block) => block.trim())
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? '';
      const data = /^data: (.*)$/m.exec(block)?.[1];
      return { event, data: data === undefined ? undefined : (JSON.parse(data) as unknown) };
    });
}
