/**
 * The proxy reports each stage of a call to the exchange tap as it happens, in order, with
 * the objects it actually used (by reference): the raw body even when validation fails,
 * the route, the upstream request, headers, every chunk and event, and the end. A tap that
 * throws must not break calls.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExchangeTap } from '../../electron/server/exchange-tap.ts';
import {
  jsonAnswer,
  startMockUpstream,
  streamAnswer,
  type MockUpstream,
} from '../support/mock-openai-upstream.ts';
import { postJson } from '../support/raw-http.ts';
import { startTestProxy, type TestProxy } from '../support/start-test-proxy.ts';

type Stage = { stage: keyof ExchangeTap; id: string; args: unknown[] };

let upstream: MockUpstream;
let proxy: TestProxy;
const stages: Stage[] = [];

function recordingTap(): ExchangeTap {
  const record =
    (stage: keyof ExchangeTap) =>
    (id: unknown, ...args: unknown[]): void => {
      const key = typeof id === 'object' && id !== null ? (id as { id: string }).id : String(id);
      stages.push({ stage, id: key, args: [id, ...args] });
    };
  return {
    started: record('started'),
    routed: record('routed'),
    upstreamRequest: record('upstreamRequest'),
    upstreamResponseHeaders: record('upstreamResponseHeaders'),
    openaiChunk: record('openaiChunk'),
    anthropicEvent: record('anthropicEvent'),
    openaiResponse: record('openaiResponse'),
    anthropicResponse: record('anthropicResponse'),
    completed: record('completed'),
  };
}

beforeAll(async () => {
  upstream = await startMockUpstream();
  proxy = await startTestProxy({ upstreamUrl: upstream.url, tap: recordingTap() });
});
afterAll(async () => {
  await proxy?.close();
  await upstream?.close();
});

function stagesOf(id: string): Stage[] {
  return stages.filter((stage) => stage.id === id);
}

const body = {
  model: 'claude-sonnet-4-6',
  max_tokens: 10,
  messages: [{ role: 'user', content: 'hi' }],
};

describe('exchange tap', () => {
  it('records a refused request with its raw body', async () => {
    const res = await postJson(proxy.url, '/v1/messages', { model: 'x', messages: 'nope' });
    const seen = stagesOf(res.headers['request-id'] as string);
    expect(seen.map((stage) => stage.stage)).toEqual(['started', 'completed']);
    expect(seen[0]!.args[0]).toMatchObject({
      anthropicRequest: { model: 'x', messages: 'nope' },
      method: 'POST',
    });
    expect(seen[1]!.args[1]).toMatchObject({
      status: 400,
      error: { type: 'invalid_request_error' },
    });
  });

  it('records every stage of a streamed call in order', async () => {
    upstream.enqueue(streamAnswer({ text: 'tapped', fragments: 2 }));
    const res = await postJson(proxy.url, '/v1/messages', { ...body, stream: true });
    const seen = stagesOf(res.headers['request-id'] as string);
    const names = seen.map((stage) => stage.stage);
    expect(names.slice(0, 5)).toEqual([
      'started',
      'routed',
      'upstreamRequest',
      'upstreamResponseHeaders',
      'anthropicResponse',
    ]);
    expect(names.at(-1)).toBe('completed');
    expect(names.filter((name) => name === 'openaiChunk')).toHaveLength(5);
    const events = seen
      .filter((stage) => stage.stage === 'anthropicEvent')
      .map((stage) => (stage.args[1] as { type: string }).type);
    expect(events[0]).toBe('message_start');
    expect(events.at(-1)).toBe('message_stop');
    expect(seen[1]!.args[1]).toMatchObject({
      requestedModel: 'claude-sonnet-4-6',
      upstreamModel: 'big-model',
      stream: true,
    });
    expect(seen[2]!.args[4]).toBe(`${upstream.url}/chat/completions`);
    expect(seen.at(-1)!.args[1]).toMatchObject({
      status: 200,
      stopReason: 'end_turn',
      usage: { output_tokens: 10 },
    });
  });

  it('hands the tap the upstream body exactly as sent and the answer exactly as returned', async () => {
    upstream.enqueue(jsonAnswer({ text: 'same object' }));
    const res = await postJson(proxy.url, '/v1/messages', body);
    const seen = stagesOf(res.headers['request-id'] as string);
    const sent = seen.find((stage) => stage.stage === 'upstreamRequest')!.args[1];
    expect(sent).toEqual(upstream.requests.at(-1)!.body);
    const answer = seen.find((stage) => stage.stage === 'anthropicResponse')!.args[1];
    expect(res.json).toEqual(answer);
  });
});

describe('a tap that throws', () => {
  it('does not break the call', async () => {
    const broken: ExchangeTap = {
      ...recordingTap(),
      openaiChunk: () => {
        throw new Error('recorder bug');
      },
      completed: () => {
        throw new Error('recorder bug');
      },
    };
    const other = await startTestProxy({ upstreamUrl: upstream.url, tap: broken });
    try {
      upstream.enqueue(streamAnswer({ text: 'despite the tap' }));
      const message = await other.client.messages.stream(body as never).finalMessage();
      expect(message.content).toMatchObject([{ type: 'text', text: 'despite the tap' }]);
    } finally {
      await other.close();
    }
  });
});
