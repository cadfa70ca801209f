/**
 * The proxy reports each stage of a call to the exchange tap as it happens, in order, with
 * the objects it actually used (by reference): the raw body even when validation fails,
 * the route, the upstream request, headers, every chunk and event, and the end. A stream's
 * chunks come as the exact `data:` text the upstream sent, one call per network read, and
 * its events as the exact JSON the client got after `data: `, one call per write. A tap
 * that throws must not break calls.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExchangeTap } from '../../electron/server/exchange-tap.ts';
import {
  chunk,
  jsonAnswer,
  startMockUpstream,
  streamAnswer,
  usage,
  usageChunk,
  type MockBehaviour,
  type MockUpstream,
} from '../support/mock-openai-upstream.ts';
import { postJson } from '../support/raw-http.ts';
import { startTestProxy, type TestProxy } from '../support/start-test-proxy.ts';

type Stage = { stage: keyof ExchangeTap; id: string; args: unknown[] };

let upstream: MockUpstream;
let proxy: TestProxy;
const stages: Stage[] = [];
/** Called after every stage is recorded (tests wait on the tap this way). */
let onStage: (() => void) | undefined;

function recordingTap(): ExchangeTap {
  const record =
    (stage: keyof ExchangeTap) =>
    (id: unknown, ...args: unknown[]): void => {
      const key = typeof id === 'object' && id !== null ? (id as { id: string }).id : String(id);
      stages.push({ stage, id: key, args: [id, ...args] });
      onStage?.();
    };
  return {
    started: record('started'),
    routed: record('routed'),
    upstreamRequest: record('upstreamRequest'),
    upstreamResponseHeaders: record('upstreamResponseHeaders'),
    openaiChunks: record('openaiChunks'),
    anthropicEvents: record('anthropicEvents'),
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
    const chunks = seen.flatMap((stage) =>
      stage.stage === 'openaiChunks' ? (stage.args[1] as string[]) : [],
    );
    expect(chunks).toHaveLength(5);
    const events = seen
      .flatMap((stage) => (stage.stage === 'anthropicEvents' ? (stage.args[1] as string[]) : []))
      .map((text) => (JSON.parse(text) as { type: string }).type);
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

/** Resolves once the tap has heard `stage` for a call `since` stages ago or later. */
function tapHears(stage: keyof ExchangeTap, since: number): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => {
      if (!stages.slice(since).some((seen) => seen.stage === stage)) return;
      onStage = undefined;
      resolve();
    };
    onStage = check;
    check();
  });
}

describe('stream items', () => {
  // Spacing no JSON.stringify makes: the tap must get the upstream's own text, not a copy.
  const first = [
    '{ "id": "c1", "object": "chat.completion.chunk", "created": 1, "model": "big-model", "choices": [ { "index": 0, "delta": { "role": "assistant", "content": "" }, "finish_reason": null } ] }',
    JSON.stringify(chunk({ content: 'Hello' })),
    JSON.stringify(chunk({ content: ', tap' })),
  ];
  const second = [JSON.stringify(chunk({}, 'stop')), JSON.stringify(usageChunk(usage(7, 3)))];

  /** Each group of chunks in one write (so one network read), the next once the tap heard it. */
  function twoWrites(since: number): MockBehaviour {
    return async ({ res }) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.flushHeaders();
      res.write(`: keep-alive\n\n${first.map((text) => `data: ${text}\n\n`).join('')}`);
      await tapHears('openaiChunks', since);
      res.end(`${second.map((text) => `data: ${text}\n\n`).join('')}data: [DONE]\n\n`);
    };
  }

  it("hands the tap each read's chunks in one call, as the exact data text", async () => {
    upstream.enqueue(twoWrites(stages.length));
    const res = await postJson(proxy.url, '/v1/messages', { ...body, stream: true });
    const calls = stagesOf(res.headers['request-id'] as string).filter(
      (stage) => stage.stage === 'openaiChunks',
    );
    expect(calls.map((call) => call.args[1])).toEqual([first, second]);
  });

  it("hands the tap each write's events in one call, as the exact JSON the client got", async () => {
    upstream.enqueue(twoWrites(stages.length));
    const res = await postJson(proxy.url, '/v1/messages', { ...body, stream: true });
    const calls = stagesOf(res.headers['request-id'] as string)
      .filter((stage) => stage.stage === 'anthropicEvents')
      .map((stage) => stage.args[1] as string[]);
    // message_start on its own, then one call per upstream read, then the closing events.
    expect(calls[0]!.map((text) => (JSON.parse(text) as { type: string }).type)).toEqual([
      'message_start',
    ]);
    expect(calls.length).toBeGreaterThanOrEqual(3);
    const wire = [...res.text.matchAll(/^event: (\w+)\ndata: (.*)$/gm)]
      .filter(([, type]) => type !== 'ping')
      .map(([, , data]) => data);
    expect(calls.flat()).toEqual(wire);
    expect(wire.at(-1)).toBe('{"type":"message_stop"}');
  });
});

describe('a tap that throws', () => {
  it('does not break the call', async () => {
    const broken: ExchangeTap = {
      ...recordingTap(),
      openaiChunks: () => {
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
