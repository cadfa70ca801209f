/**
 * GET /inspector/api/exchanges?q=<text> on the real proxy: only the exchanges whose recorded
 * bodies contain the text (case-insensitive), whether it was in the request the client sent,
 * in a streamed answer (even split across chunks) or in a JSON answer; a text only in a
 * header or a key finds nothing; the response says how much was searched; a bad q is a
 * 400 in the Anthropic error shape.
 */
import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExchangeSummary } from '../../shared/traffic/exchange-record.ts';
import { jsonAnswer, streamAnswer } from '../support/mock-openai-upstream.ts';
import {
  CLIENT_KEY,
  startInspectedProxy,
  UPSTREAM_KEY,
  type InspectedProxy,
} from './inspector-test-server.ts';

let env: InspectedProxy;
const ids: Record<'request' | 'streamed' | 'json' | 'header', string> = {
  request: '',
  streamed: '',
  json: '',
  header: '',
};

async function search(q: string): Promise<{ status: number; found: string[]; headers: Headers }> {
  const response = await env.api(`/inspector/api/exchanges?${new URLSearchParams({ q })}`);
  const body = (await response.json()) as ExchangeSummary[];
  return {
    status: response.status,
    found: response.ok ? body.map((s) => s.id) : [],
    headers: response.headers,
  };
}

beforeAll(async () => {
  env = await startInspectedProxy();
  const client = new Anthropic({ baseURL: env.proxy.url, apiKey: CLIENT_KEY, maxRetries: 0 });
  const ask = (content: string) => ({
    model: 'claude-sonnet-4-6',
    max_tokens: 64,
    messages: [{ role: 'user' as const, content }],
  });

  env.upstream.enqueue(jsonAnswer({ text: 'plain answer' }));
  let response = await client.messages.create(ask('Tell me about Quetzalcoatl.')).withResponse();
  ids.request = response.response.headers.get('request-id')!;

  env.upstream.enqueue(streamAnswer({ text: 'An ornithopter flaps its wings.', fragments: 6 }));
  const stream = client.messages.stream({ ...ask('stream something'), stream: true });
  await stream.finalMessage();
  ids.streamed = (await stream.withResponse()).response.headers.get('request-id')!;

  env.upstream.enqueue(jsonAnswer({ text: 'A pangolin rolls into a ball.' }));
  response = await client.messages.create(ask('json please')).withResponse();
  ids.json = response.response.headers.get('request-id')!;

  const headerClient = new Anthropic({
    baseURL: env.proxy.url,
    apiKey: CLIENT_KEY,
    maxRetries: 0,
    defaultHeaders: { 'x-trace-note': 'axolotl' },
  });
  env.upstream.enqueue(jsonAnswer({ text: 'nothing special' }));
  response = await headerClient.messages.create(ask('headers only')).withResponse();
  ids.header = response.response.headers.get('request-id')!;
  env.inspector.recorder.flush();
});
afterAll(() => env.close());

describe('GET /inspector/api/exchanges?q=', () => {
  it('finds a word that is only in the request body, case-insensitive', async () => {
    const { status, found, headers } = await search('QUETZALCOATL');
    expect(status).toBe(200);
    expect(found).toEqual([ids.request]);
    expect(headers.get('x-search-complete')).toBe('true');
    expect(headers.get('x-search-scanned-exchanges')).toBe('4');
    expect(Number(headers.get('x-search-scanned-chars'))).toBeGreaterThan(0);
  });

  it('finds words of a streamed answer, also across chunk boundaries, and of a JSON answer', async () => {
    expect((await search('ornithopter flaps its')).found).toEqual([ids.streamed]);
    expect((await search('pangolin')).found).toEqual([ids.json]);
  });

  it('finds nothing for a text only in a header, nor for the upstream key', async () => {
    expect((await search('axolotl')).found).toEqual([]);
    expect((await search(UPSTREAM_KEY)).found).toEqual([]);
    expect((await search(CLIENT_KEY)).found).toEqual([]);
  });

  it('lists every exchange for an empty q, newest first, like the plain list', async () => {
    const plain = (await (await env.api('/inspector/api/exchanges')).json()) as ExchangeSummary[];
    expect((await search('')).found).toEqual(plain.map((s) => s.id));
  });

  it('answers 400 for a repeated or overlong q', async () => {
    const repeated = await env.api('/inspector/api/exchanges?q=a&q=b');
    expect(repeated.status).toBe(400);
    expect(await repeated.json()).toMatchObject({
      type: 'error',
      error: { type: 'invalid_request_error' },
    });
    expect((await search('x'.repeat(1001))).status).toBe(400);
  });
});
