import { describe, expect, it } from 'vitest';
import { createTrafficRecorder } from '../../../electron/server/recorder/traffic-recorder.ts';
import { buildHar, utf8Length } from '../../../shared/export/har-builder.ts';
import { anthropicBody, OK_END, startExchange, streamStep } from '../recorder/recorder-driver.ts';
import { harProblems } from './har-structure.ts';

function recordedStream() {
  let clock = 0;
  const recorder = createTrafficRecorder({ now: () => clock });
  startExchange(recorder, 'stream-1');
  clock = 120;
  recorder.anthropicEvents('stream-1', [
    JSON.stringify({ type: 'message_start', message: { id: 'msg_1' } }),
  ]);
  streamStep(recorder, 'stream-1', 0);
  clock = 400;
  streamStep(recorder, 'stream-1', 1);
  recorder.anthropicResponse('stream-1', undefined, { 'content-type': 'text/event-stream' });
  recorder.completed('stream-1', OK_END);
  return recorder;
}

describe('HAR 1.2 export', () => {
  it('produces a structurally valid HAR with both legs of a streamed exchange', () => {
    const recorder = recordedStream();
    const har = buildHar([recorder.get('stream-1')!], { creatorVersion: '0.1.0' });
    expect(harProblems(har)).toEqual([]);
    expect(har.log.creator).toEqual({ name: 'anthropic-proxy', version: '0.1.0' });
    const legs = har.log.entries.map((e) => e._leg);
    expect(legs.sort()).toEqual(['anthropic', 'openai']);
  });

  it('writes the Anthropic leg as the client saw it: URL, query, body, SSE text and timings', () => {
    const record = recordedStream().get('stream-1')!;
    const entry = buildHar([record], { creatorVersion: 'x' }).log.entries.find(
      (e) => e._leg === 'anthropic',
    )!;
    expect(entry.request.url).toBe('http://127.0.0.1:8080/v1/messages?beta=true');
    expect(entry.request.queryString).toEqual([{ name: 'beta', value: 'true' }]);
    expect(JSON.parse(entry.request.postData!.text)).toEqual(anthropicBody());
    expect(entry.request.bodySize).toBe(entry.request.postData!.text.length);
    expect(entry.response.content.mimeType).toBe('text/event-stream');
    expect(entry.response.content.text).toContain(
      'event: message_start\ndata: {"type":"message_start"',
    );
    expect(entry.response.content.text).toContain('event: content_block_delta\n');
    expect(entry.startedDateTime).toBe(new Date(record.timings.receivedAt).toISOString());
    // First token at 120 ms, done at 400 ms.
    expect(entry.timings).toMatchObject({ send: 0, wait: 120, receive: 280 });
    expect(entry.time).toBe(400);
  });

  it('writes the OpenAI leg with the upstream URL and the chunk stream ended by [DONE]', () => {
    const entry = buildHar([recordedStream().get('stream-1')!], {
      creatorVersion: 'x',
    }).log.entries.find((e) => e._leg === 'openai')!;
    expect(entry.request.url).toBe('https://openrouter.ai/api/v1/chat/completions');
    expect(entry.request.headers).toContainEqual({ name: 'authorization', value: 'Bearer …wxyz' });
    expect(entry.response.status).toBe(200);
    expect(entry.response.content.text.startsWith('data: {"id":"chatcmpl-1"')).toBe(true);
    expect(entry.response.content.text.endsWith('data: [DONE]\n\n')).toBe(true);
  });

  it('exports a call that failed before any answer as status 0 with its error', () => {
    const recorder = createTrafficRecorder();
    startExchange(recorder, 'refused');
    recorder.completed('refused', { status: 0, aborted: true });
    const har = buildHar([recorder.get('refused')!], { creatorVersion: 'x' });
    expect(harProblems(har)).toEqual([]);
    const anthropic = har.log.entries.find((e) => e._leg === 'anthropic')!;
    expect(anthropic.response._error).toMatch(/client went away/);
  });

  it('orders entries by start time across exchanges', () => {
    const recorder = createTrafficRecorder();
    startExchange(recorder, 'later', { receivedAt: 2_000_000_000_000 });
    startExchange(recorder, 'earlier', { receivedAt: 1_000_000_000_000 });
    const har = buildHar(
      recorder.list().map((s) => recorder.get(s.id)!),
      { creatorVersion: 'x' },
    );
    expect(harProblems(har)).toEqual([]);
    expect(har.log.entries[0]!._exchangeId).toBe('earlier');
  });

  it('counts body sizes in UTF-8 bytes', () => {
    expect(utf8Length('abc')).toBe(3);
    expect(utf8Length('é')).toBe(2);
    expect(utf8Length('€')).toBe(3);
    expect(utf8Length('😀')).toBe(4);
  });
});
