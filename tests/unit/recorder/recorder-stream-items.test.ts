/**
 * The recorder keeps a stream's chunks and events as the JSON text the proxy hands over, one
 * call per upstream read or client write: recording never parses, a batch's items share one
 * arrival offset, and every view (the detail record, the live updates an open inspector gets)
 * shows the very objects that text stands for, as before.
 */
import type { RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTrafficRecorder } from '../../../electron/server/recorder/traffic-recorder.ts';
import type { BridgeEvents } from '../../../shared/bridge.ts';
import type { TimedItem } from '../../../shared/traffic/exchange-record.ts';
import {
  collectEvents,
  OK_END,
  recordChunks,
  recordEvents,
  startExchange,
  textChunk,
  textDelta,
} from './recorder-driver.ts';

/** What the views must give back; the recorder never looks inside (a partial message). */
const messageStart = {
  type: 'message_start',
  message: { id: 'msg_1', type: 'message', role: 'assistant', content: [], usage: {} },
} as unknown as RawMessageStreamEvent;
const blockStart: RawMessageStreamEvent = {
  type: 'content_block_start',
  index: 0,
  content_block: { type: 'text', text: '', citations: null },
};

function updatesOf(events: ReturnType<typeof collectEvents>): BridgeEvents['exchange-updated'][] {
  return events.flatMap(([name, payload]) => (name === 'exchange-updated' ? [payload] : []));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('recorder stream items', () => {
  it('records a read of chunks and a write of events without parsing them', () => {
    const recorder = createTrafficRecorder();
    startExchange(recorder, 's');
    const parse = vi.spyOn(JSON, 'parse');
    recordChunks(recorder, 's', textChunk(0), textChunk(1), textChunk(2));
    recordEvents(recorder, 's', textDelta(0), textDelta(1), textDelta(2));
    expect(parse).not.toHaveBeenCalled();
    expect(recorder.list()[0]).toMatchObject({ openaiChunkCount: 3, anthropicEventCount: 3 });
  });

  it('shows the parsed chunks and events in the record, as the objects they were', () => {
    const recorder = createTrafficRecorder();
    startExchange(recorder, 's');
    const chunks = [textChunk(0), textChunk(1), textChunk(2)];
    recordChunks(recorder, 's', ...chunks.slice(0, 2));
    recordChunks(recorder, 's', chunks[2]!);
    const events = [messageStart, blockStart, textDelta(0), textDelta(1), textDelta(2)];
    recordEvents(recorder, 's', messageStart);
    recordEvents(recorder, 's', ...events.slice(1));
    recorder.completed('s', OK_END);
    recorder.flush();
    const record = recorder.get('s')!;
    expect((record.openaiResponse as TimedItem[]).map((item) => item.data)).toEqual(chunks);
    expect((record.anthropicResponse as TimedItem[]).map((item) => item.data)).toEqual(events);
  });

  it('keeps the upstream text as received, whatever its spacing, and shows what it parses to', () => {
    const recorder = createTrafficRecorder();
    startExchange(recorder, 's');
    recorder.openaiChunks('s', ['{ "id": "c1",\t"choices": [ { "index": 0, "delta": {} } ] }']);
    recorder.completed('s', OK_END);
    recorder.flush();
    const [item] = recorder.get('s')!.openaiResponse as TimedItem[];
    expect(item!.data).toEqual({ id: 'c1', choices: [{ index: 0, delta: {} }] });
  });

  it("gives every item of one read or write that batch's arrival offset, reading the clock once", () => {
    let clock = 1000;
    let reads = 0;
    const recorder = createTrafficRecorder({ now: () => (reads++, clock) });
    startExchange(recorder, 's');
    clock = 1010;
    const before = reads;
    recordChunks(recorder, 's', textChunk(0), textChunk(1), textChunk(2));
    expect(reads - before).toBe(1);
    clock = 1025;
    recordChunks(recorder, 's', textChunk(3));
    clock = 1030;
    recordEvents(recorder, 's', textDelta(0), textDelta(1));
    recorder.completed('s', OK_END);
    recorder.flush();
    const record = recorder.get('s')!;
    const offsets = (items: unknown) => (items as TimedItem[]).map((item) => item.offsetMs);
    expect(offsets(record.openaiResponse)).toEqual([10, 10, 10, 25]);
    expect(offsets(record.anthropicResponse)).toEqual([30, 30]);
  });

  it('marks the first token at the first write holding a content_block_delta', () => {
    let clock = 0;
    const recorder = createTrafficRecorder({ now: () => clock });
    startExchange(recorder, 's');
    clock = 5;
    recordEvents(recorder, 's', messageStart);
    clock = 12;
    recordEvents(recorder, 's', blockStart);
    clock = 30;
    recordChunks(recorder, 's', textChunk(0));
    recordEvents(recorder, 's', blockStart, textDelta(0));
    clock = 45;
    recordEvents(recorder, 's', textDelta(1));
    recorder.completed('s', OK_END);
    recorder.flush();
    expect(recorder.list()[0]!.timings.firstToken).toBe(30);
  });

  it('does not mistake a delta type quoted inside a text for a content_block_delta', () => {
    let clock = 0;
    const recorder = createTrafficRecorder({ now: () => clock });
    startExchange(recorder, 's');
    clock = 7;
    recordEvents(recorder, 's', {
      type: 'error',
      error: { type: 'api_error', message: '"type":"content_block_delta" was expected' },
    });
    recorder.completed('s', { status: 200, error: { type: 'api_error', message: 'x' } });
    recorder.flush();
    expect(recorder.list()[0]!.timings.firstToken).toBeUndefined();
  });

  it('keeps at most maxStreamItems of a batch that crosses the cap and counts the rest', () => {
    const recorder = createTrafficRecorder({ maxStreamItems: 4 });
    startExchange(recorder, 's');
    recordChunks(recorder, 's', textChunk(0), textChunk(1), textChunk(2));
    recordChunks(recorder, 's', textChunk(3), textChunk(4), textChunk(5));
    recordChunks(recorder, 's', textChunk(6));
    recorder.completed('s', OK_END);
    recorder.flush();
    const record = recorder.get('s')!;
    expect(record.openaiChunkCount).toBe(4);
    expect((record.openaiResponse as TimedItem[]).map((item) => item.data)).toEqual(
      [0, 1, 2, 3].map(textChunk),
    );
    expect(record.truncated).toBe(true);
  });

  it('records nothing for an empty batch', () => {
    const recorder = createTrafficRecorder();
    startExchange(recorder, 's');
    recorder.openaiChunks('s', []);
    recorder.anthropicEvents('s', []);
    expect(recorder.list()[0]).toMatchObject({
      state: 'pending',
      openaiChunkCount: 0,
      anthropicEventCount: 0,
    });
  });

  it('sends an open inspector the new items of each batch, parsed, indices [count - n, count)', () => {
    const recorder = createTrafficRecorder();
    const seen = collectEvents(recorder);
    startExchange(recorder, 's');
    recorder.flush();
    const sent = [textChunk(0), textChunk(1), textChunk(2), textChunk(3), textChunk(4)];
    recordChunks(recorder, 's', sent[0]!, sent[1]!);
    recordEvents(recorder, 's', messageStart);
    recorder.flush();
    recordChunks(recorder, 's', sent[2]!);
    recordChunks(recorder, 's', sent[3]!, sent[4]!);
    recordEvents(recorder, 's', textDelta(0), textDelta(1));
    recorder.flush();
    const updates = updatesOf(seen);
    expect(updates).toHaveLength(2);
    expect(updates[0]!.openaiChunks.map((item) => item.data)).toEqual(sent.slice(0, 2));
    expect(updates[0]!.anthropicEvents.map((item) => item.data)).toEqual([messageStart]);
    expect(updates[1]!.openaiChunks.map((item) => item.data)).toEqual(sent.slice(2));
    expect(updates[1]!.anthropicEvents.map((item) => item.data)).toEqual([
      textDelta(0),
      textDelta(1),
    ]);
    let from = 0;
    for (const update of updates) {
      expect(update.summary.openaiChunkCount - update.openaiChunks.length).toBe(from);
      from = update.summary.openaiChunkCount;
    }
    expect(from).toBe(5);
  });
});
