import { describe, expect, it } from 'vitest';
import { createTrafficRecorder } from '../../../electron/server/recorder/traffic-recorder.ts';
import type { TimedItem } from '../../../shared/traffic/exchange-record.ts';
import { collectEvents, recordEvents, startExchange, streamStep } from './recorder-driver.ts';

describe('recorder keeps calls that fail or are aborted', () => {
  it('keeps an aborted stream with every chunk received before the client left', () => {
    const recorder = createTrafficRecorder();
    const events = collectEvents(recorder);
    startExchange(recorder, 'gone');
    for (let i = 0; i < 5; i++) streamStep(recorder, 'gone', i);
    recorder.completed('gone', { status: 200, aborted: true });
    recorder.flush();
    const record = recorder.get('gone')!;
    expect(record.state).toBe('aborted');
    expect((record.openaiResponse as TimedItem[]).length).toBe(5);
    expect((record.anthropicResponse as TimedItem[]).length).toBe(5);
    expect(events.map(([name]) => name)).toContain('exchange-completed');
  });

  it('keeps a stream that failed midway, with the error event and the error', () => {
    const recorder = createTrafficRecorder();
    startExchange(recorder, 'broken');
    streamStep(recorder, 'broken', 0);
    const error = { type: 'api_error', message: 'upstream connection reset' };
    recordEvents(recorder, 'broken', { type: 'error', error });
    recorder.completed('broken', { status: 200, error });
    recorder.flush();
    const record = recorder.get('broken')!;
    expect(record.state).toBe('error');
    expect(record.error).toEqual(error);
    expect((record.anthropicResponse as TimedItem[]).at(-1)?.data).toEqual({
      type: 'error',
      error,
    });
  });

  it('keeps a call refused before it reached the upstream (no route, no upstream request)', () => {
    const recorder = createTrafficRecorder();
    recorder.started({
      id: 'bad',
      receivedAt: 1,
      method: 'POST',
      path: '/v1/messages',
      clientHeaders: { host: '127.0.0.1:8080' },
      anthropicRequest: { model: 42 },
    });
    recorder.anthropicResponse(
      'bad',
      {
        type: 'error',
        error: { type: 'invalid_request_error', message: 'model must be a string' },
      },
      {
        'content-type': 'application/json',
      },
    );
    recorder.completed('bad', {
      status: 400,
      error: { type: 'invalid_request_error', message: 'model must be a string' },
    });
    recorder.flush();
    const record = recorder.get('bad')!;
    expect(record).toMatchObject({
      state: 'error',
      status: 400,
      anthropicRequest: { model: 42 },
      stream: false,
    });
    expect(record.openaiRequest).toBeUndefined();
    expect(record.anthropicResponse).toMatchObject({ type: 'error' });
  });

  it('ignores stages for unknown ids instead of throwing into the proxy', () => {
    const recorder = createTrafficRecorder();
    expect(() => {
      streamStep(recorder, 'never-started', 0);
      recorder.completed('never-started', { status: 200 });
      recorder.flush();
    }).not.toThrow();
    expect(recorder.list()).toEqual([]);
  });

  it('takes the first completion of an id and ignores a second one', () => {
    const recorder = createTrafficRecorder();
    startExchange(recorder, 'x');
    recorder.completed('x', { status: 200, aborted: true });
    recorder.completed('x', { status: 500 });
    recorder.flush();
    expect(recorder.get('x')?.state).toBe('aborted');
  });
});
