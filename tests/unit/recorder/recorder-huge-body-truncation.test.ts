import { describe, expect, it } from 'vitest';
import { createTrafficRecorder } from '../../../electron/server/recorder/traffic-recorder.ts';
import {
  isTruncatedBody,
  TRUNCATED_STRING_MARKER,
  type TimedItem,
} from '../../../shared/traffic/exchange-record.ts';
import { anthropicBody, OK_END, startExchange, streamStep } from './recorder-driver.ts';

describe('recorder truncation of a single huge body', () => {
  it('cuts a huge string (a base64 image) inside the record, keeping the structure', () => {
    const recorder = createTrafficRecorder({ maxBodyBytes: 100_000 });
    const image = 'A'.repeat(2_000_000);
    const body = anthropicBody({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: image } },
          ],
        },
      ],
    });
    startExchange(recorder, 'img', { body });
    recorder.completed('img', OK_END);
    recorder.flush();
    const record = recorder.get('img');
    const data = (
      record?.anthropicRequest as { messages: { content: { source: { data: string } }[] }[] }
    ).messages[0]!.content[0]!.source.data;
    expect(data.length).toBeLessThan(10_000);
    expect(data).toContain(TRUNCATED_STRING_MARKER);
    expect(record?.truncated).toBe(true);
    // The proxy's own object (what went over the wire) is untouched.
    expect(
      (body.messages as { content: { source: { data: string } }[] }[])[0]!.content[0]!.source.data,
    ).toBe(image);
  });

  it('replaces a body that is huge in structure with a marker and a preview', () => {
    const recorder = createTrafficRecorder({ maxBodyBytes: 50_000 });
    const messages = Array.from({ length: 5000 }, (_, i) => ({
      role: 'user',
      content: `message number ${i}`,
    }));
    startExchange(recorder, 'many', { body: anthropicBody({ messages }) });
    recorder.completed('many', OK_END);
    recorder.flush();
    const request = recorder.get('many')?.anthropicRequest;
    expect(isTruncatedBody(request)).toBe(true);
    if (!isTruncatedBody(request)) return;
    expect(request.originalBytes).toBeGreaterThan(50_000);
    expect(request.preview?.startsWith('{"model":"claude-sonnet-4-5"')).toBe(true);
    expect(request.preview!.length).toBeLessThanOrEqual(50_000);
  });

  it('keeps the start of an oversized stream and ends the list with a marker item', () => {
    const recorder = createTrafficRecorder({ maxBodyBytes: 20_000 });
    startExchange(recorder, 'long');
    for (let i = 0; i < 1000; i++) streamStep(recorder, 'long', i);
    recorder.completed('long', OK_END);
    recorder.flush();
    const record = recorder.get('long');
    const chunks = record?.openaiResponse as TimedItem[];
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.length).toBeLessThan(1000);
    const last = chunks.at(-1)!.data;
    expect(isTruncatedBody(last) && last.omittedItems).toBe(1000 - (chunks.length - 1));
    expect(record?.truncated).toBe(true);
  });

  it('leaves bodies under the limit alone', () => {
    const recorder = createTrafficRecorder();
    startExchange(recorder, 'normal');
    recorder.completed('normal', OK_END);
    recorder.flush();
    expect(recorder.get('normal')?.truncated).toBeUndefined();
    expect(recorder.get('normal')?.anthropicRequest).toEqual(anthropicBody());
  });
});
