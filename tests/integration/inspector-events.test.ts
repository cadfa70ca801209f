import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BridgeEvents } from '../../shared/bridge.ts';
import { streamAnswer } from '../support/mock-openai-upstream.ts';
import {
  CLIENT_KEY,
  INSPECTOR_TOKEN,
  openEventStream,
  startInspectedProxy,
  UPSTREAM_KEY,
  type InspectedProxy,
} from './inspector-test-server.ts';

let env: InspectedProxy;
let client: Anthropic;
let eventsUrl: string;

beforeAll(async () => {
  env = await startInspectedProxy({ keepAliveMs: 100 });
  client = new Anthropic({ baseURL: env.proxy.url, apiKey: CLIENT_KEY, maxRetries: 0 });
  eventsUrl = `${env.proxy.url}/inspector/api/events?token=${INSPECTOR_TOKEN}`;
});
afterAll(() => env.close());

describe('inspector event stream', () => {
  it('refuses to open without the token', async () => {
    const response = await fetch(`${env.proxy.url}/inspector/api/events`);
    expect(response.status).toBe(401);
  });

  it('sends the snapshot first, then started / updated / completed for a call made meanwhile', async () => {
    await client.messages.create({
      model: 'claude-haiku-4-5',
      max_tokens: 20,
      messages: [{ role: 'user', content: 'before' }],
    });
    const stream = await openEventStream(eventsUrl);
    try {
      const snapshot = await stream.waitFor((e) => e.event === 'snapshot');
      expect(stream.events[0]!.event).toBe('snapshot');
      const snap = snapshot.data as BridgeEvents['snapshot'];
      expect(snap.exchanges.length).toBeGreaterThanOrEqual(1);
      expect(snap.status).toMatchObject({ state: 'running', url: env.proxy.url });

      const from = stream.events.length;
      env.upstream.enqueue(
        streamAnswer({ text: 'one two three four five six seven eight nine ten' }, { paceMs: 15 }),
      );
      const answer = await client.messages
        .stream({
          model: 'claude-sonnet-4-5',
          max_tokens: 50,
          messages: [{ role: 'user', content: 'live' }],
        })
        .finalMessage();
      const completed = await stream.waitFor(
        (e) =>
          e.event === 'exchange-completed' &&
          (e.data as BridgeEvents['exchange-completed']).requestedModel === 'claude-sonnet-4-5',
        from,
      );
      const id = (completed.data as BridgeEvents['exchange-completed']).id;
      const mine = stream.events
        .slice(from)
        .filter(
          (e) =>
            (e.data as { id?: string; summary?: { id: string } }).id === id ||
            (e.data as { summary?: { id: string } }).summary?.id === id,
        );
      const names = mine.map((e) => e.event);
      expect(names[0]).toBe('exchange-started');
      expect(names.at(-1)).toBe('exchange-completed');
      expect(names.filter((n) => n === 'exchange-updated').length).toBeGreaterThanOrEqual(1);
      expect(completed.data).toMatchObject({
        state: 'complete',
        stream: true,
        upstreamModel: 'gpt-4o',
      });

      // The updates together carry every Anthropic event the client received, in order.
      const updates = mine
        .filter((e) => e.event === 'exchange-updated')
        .map((e) => e.data as BridgeEvents['exchange-updated']);
      const liveEvents = updates.flatMap((u) =>
        u.anthropicEvents.map((item) => item.data as { type: string }),
      );
      expect(liveEvents[0]!.type).toBe('message_start');
      expect(liveEvents.at(-1)!.type).toBe('message_stop');
      const liveText = liveEvents
        .flatMap((e) =>
          e.type === 'content_block_delta'
            ? [(e as unknown as { delta: { text?: string } }).delta.text ?? '']
            : [],
        )
        .join('');
      expect(liveText).toBe(
        answer.content.map((block) => (block.type === 'text' ? block.text : '')).join(''),
      );
      expect(JSON.stringify(stream.events)).not.toContain(UPSTREAM_KEY);
    } finally {
      stream.close();
    }
  });

  it('answers a clear with a fresh, empty snapshot', async () => {
    const stream = await openEventStream(eventsUrl);
    try {
      await stream.waitFor((e) => e.event === 'snapshot');
      const from = stream.events.length;
      await env.api('/inspector/api/exchanges', { method: 'DELETE' });
      const snapshot = await stream.waitFor((e) => e.event === 'snapshot', from);
      expect((snapshot.data as BridgeEvents['snapshot']).exchanges).toEqual([]);
    } finally {
      stream.close();
    }
  });

  it('sends keep-alive comments while idle', async () => {
    const stream = await openEventStream(eventsUrl);
    try {
      await new Promise<void>((resolve) => {
        const check = () =>
          stream.comments.some((c) => c.includes('keep-alive')) ? resolve() : setTimeout(check, 20);
        check();
      });
      expect(stream.comments.some((c) => c.includes('keep-alive'))).toBe(true);
    } finally {
      stream.close();
    }
  });

  it('drops its recorder subscription when the page disconnects', async () => {
    const recorder = env.inspector.recorder;
    const noSubscribers = () =>
      new Promise<void>((resolve) => {
        const check = () =>
          recorder.stats().subscribers === 0 ? resolve() : setTimeout(check, 10);
        check();
      });
    await noSubscribers(); // streams of earlier tests are gone
    const stream = await openEventStream(eventsUrl);
    await stream.waitFor((e) => e.event === 'snapshot');
    expect(recorder.stats().subscribers).toBe(1);
    stream.close();
    await noSubscribers();
    expect(recorder.stats().subscribers).toBe(0);
  });
});
