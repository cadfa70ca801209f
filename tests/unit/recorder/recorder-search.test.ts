/**
 * The recorder's body search: it finds a text, case-insensitive, in any of the four forms
 * (request bodies, streamed chunks and events, JSON answers), also when a stream split it
 * across deltas; never in headers, never a key the inspector hides; newest first; and it
 * stops at its budget, saying so, after yielding to the event loop between slices.
 */
import { describe, expect, it } from 'vitest';
import {
  searchEntries,
  SEARCH_DEFAULTS,
  type SearchClock,
} from '../../../electron/server/recorder/exchange-search.ts';
import { newEntry } from '../../../electron/server/recorder/exchange-entry.ts';
import { createTrafficRecorder } from '../../../electron/server/recorder/traffic-recorder.ts';
import {
  anthropicBody,
  CLIENT_KEY,
  OK_END,
  recordChunks,
  recordEvents,
  startExchange,
  streamStep,
  textChunk,
  UPSTREAM_KEY,
} from './recorder-driver.ts';

function recorder() {
  return createTrafficRecorder({ secrets: () => [UPSTREAM_KEY] });
}

const ids = async (r: ReturnType<typeof recorder>, query: string) => (await r.search(query)).ids;

describe('recorder search', () => {
  it('finds a text in the Anthropic request, case-insensitive, newest first', async () => {
    const r = recorder();
    startExchange(r, 'old', {
      body: anthropicBody({ messages: [{ role: 'user', content: 'About Zanzibar' }] }),
    });
    startExchange(r, 'plain');
    startExchange(r, 'new', { body: anthropicBody({ system: 'you know ZANZIBAR well' }) });
    expect(await ids(r, 'zanzibar')).toEqual(['new', 'old']);
    const result = await r.search('zanzibar');
    expect(result).toMatchObject({ complete: true, scannedExchanges: 3 });
    expect(result.scannedChars).toBeGreaterThan(0);
  });

  it('finds texts in the OpenAI request, the chunks, the events and JSON answers', async () => {
    const r = recorder();
    startExchange(r, 'streamed');
    streamStep(r, 'streamed', 7);
    r.completed('streamed', OK_END);
    startExchange(r, 'json', { body: anthropicBody({ stream: false }) });
    r.openaiResponse('json', { choices: [{ message: { content: 'a pelican answer' } }] });
    r.anthropicResponse('json', { content: [{ type: 'text', text: 'an albatross reply' }] }, {});
    expect(await ids(r, 'word7')).toEqual(['streamed']);
    expect(await ids(r, 'pelican')).toEqual(['json']);
    expect(await ids(r, 'albatross')).toEqual(['json']);
    expect(await ids(r, 'openai/gpt-4o')).toEqual(['json', 'streamed']); // the OpenAI request
    expect(await ids(r, 'chat.completion.chunk')).toEqual(['streamed']);
    expect(await ids(r, 'nowhere to be found')).toEqual([]);
  });

  it('finds a word the stream split across deltas', async () => {
    const r = recorder();
    startExchange(r, 'split');
    for (const piece of ['The hippo', 'potamus sw', 'ims']) {
      recordChunks(r, 'split', {
        ...textChunk(0),
        choices: [{ index: 0, delta: { content: piece }, finish_reason: null, logprobs: null }],
      });
      recordEvents(r, 'split', {
        type: 'content_block_delta',
        index: 0,
        delta: { type: 'text_delta', text: piece },
      });
    }
    expect(await ids(r, 'hippopotamus swims')).toEqual(['split']);
  });

  it('never looks at headers, and never finds a key the inspector hides', async () => {
    const r = recorder();
    startExchange(r, 'h', {
      headers: { 'user-agent': 'marmalade-client/1.0', 'x-api-key': CLIENT_KEY },
      body: anthropicBody({ messages: [{ role: 'user', content: `my key is ${UPSTREAM_KEY}` }] }),
    });
    expect(await ids(r, 'marmalade')).toEqual([]);
    expect(await ids(r, UPSTREAM_KEY.slice(0, 20))).toEqual([]);
    expect(await ids(r, 'my key is')).toEqual(['h']);
    // The masked form the inspector shows is findable.
    expect(await ids(r, UPSTREAM_KEY.slice(-4))).toEqual(['h']);
  });

  it('matches everything for an empty text', async () => {
    const r = recorder();
    startExchange(r, 'a');
    startExchange(r, 'b');
    expect(await ids(r, '')).toEqual(['b', 'a']);
  });
});

describe('search budget', () => {
  function entries(count: number) {
    const r = recorder();
    for (let i = 0; i < count; i++)
      startExchange(r, `e${i}`, { body: anthropicBody({ system: `needle ${'x'.repeat(1000)}` }) });
    return r;
  }

  it('stops after the character budget, keeping the newest, and says it is incomplete', async () => {
    const r = entries(10);
    const result = await r.search('needle', { ...SEARCH_DEFAULTS, maxChars: 3500 });
    expect(result.complete).toBe(false);
    expect(result.ids).toEqual(result.ids.toSorted().reverse());
    expect(result.ids[0]).toBe('e9');
    expect(result.ids.length).toBeLessThan(10);
    expect(result.scannedExchanges).toBe(result.ids.length);
  });

  it('yields to the event loop between slices and stops after the scan time budget', async () => {
    let t = 0;
    let yields = 0;
    // Every look at the clock moves it 5 ms on: each exchange is a slice of its own.
    const clock: SearchClock = {
      now: () => (t += 5),
      yield: async () => {
        yields++;
      },
    };
    const list = Array.from({ length: 20 }, (_, i) =>
      newEntry(
        {
          id: `e${19 - i}`,
          receivedAt: 0,
          method: 'POST',
          path: '/v1/messages',
          clientHeaders: {},
          anthropicRequest: anthropicBody({ system: 'needle' }),
        },
        0,
      ),
    );
    const result = await searchEntries(
      list,
      'needle',
      [],
      { maxChars: Infinity, maxScanMs: 20, sliceMs: 5 },
      clock,
    );
    expect(result.complete).toBe(false);
    expect(result.ids).toEqual(['e19', 'e18', 'e17', 'e16']);
    expect(yields).toBe(3);
  });
});
