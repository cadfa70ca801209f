import { describe, expect, it } from 'vitest';
import { createTrafficRecorder } from '../../../electron/server/recorder/traffic-recorder.ts';
import type { TimedItem } from '../../../shared/traffic/exchange-record.ts';
import {
  CLIENT_KEY,
  collectEvents,
  recordChunks,
  recordEvents,
  startExchange,
  UPSTREAM_KEY,
} from './recorder-driver.ts';

const PLANTED = 'sk-proj-planted-configured-key-abcd';

describe('recorder redaction', () => {
  it('shows auth header values as their last 4 characters', () => {
    const recorder = createTrafficRecorder();
    startExchange(recorder, 'a');
    const record = recorder.get('a')!;
    expect(record.requestHeaders['x-api-key']).toBe('…1234');
    expect(record.upstreamRequestHeaders?.authorization).toBe('Bearer …wxyz');
    expect(record.requestHeaders['user-agent']).toBe('claude-cli/2.1.332 (external, sdk-cli)');
  });

  it('replaces a configured secret wherever it occurs: bodies, chunks, error messages, live updates', () => {
    const recorder = createTrafficRecorder({ secrets: () => [PLANTED] });
    const events = collectEvents(recorder);
    startExchange(recorder, 'a', {
      body: { model: 'm', messages: [{ role: 'user', content: `my key is ${PLANTED}, keep it` }] },
    });
    recordChunks(recorder, 'a', {
      id: 'x',
      object: 'chat.completion.chunk',
      created: 1,
      model: 'm',
      choices: [
        { index: 0, delta: { content: `echo ${PLANTED}` }, finish_reason: null, logprobs: null },
      ],
    });
    recordEvents(recorder, 'a', {
      type: 'content_block_delta',
      index: 0,
      delta: { type: 'text_delta', text: PLANTED },
    });
    recorder.completed('a', {
      status: 401,
      error: { type: 'authentication_error', message: `Incorrect API key provided: ${PLANTED}` },
    });
    recorder.flush();

    const everything = JSON.stringify([recorder.get('a'), recorder.list(), events]);
    expect(everything).not.toContain(PLANTED);
    expect(everything).toContain('my key is …abcd, keep it');
    expect(recorder.list()[0]!.error?.message).toBe('Incorrect API key provided: …abcd');
    const chunks = recorder.get('a')!.openaiResponse as TimedItem<{
      choices: { delta: { content: string } }[];
    }>[];
    expect(chunks[0]!.data.choices[0]!.delta.content).toBe('echo …abcd');
  });

  it("hides this exchange's own client and upstream keys if they turn up in a body", () => {
    const recorder = createTrafficRecorder();
    startExchange(recorder, 'a');
    recorder.openaiResponse('a', { error: { message: `invalid key ${UPSTREAM_KEY}` } });
    recorder.anthropicResponse('a', { note: `client sent ${CLIENT_KEY}` }, {});
    recorder.completed('a', { status: 502 });
    recorder.flush();
    const text = JSON.stringify(recorder.get('a'));
    expect(text).not.toContain(UPSTREAM_KEY);
    expect(text).not.toContain(CLIENT_KEY);
  });

  it('reads the secrets at redaction time, so a key configured later is hidden too', () => {
    let secrets: string[] = [];
    const recorder = createTrafficRecorder({ secrets: () => secrets });
    startExchange(recorder, 'a', { body: { model: 'm', note: PLANTED } });
    secrets = [PLANTED];
    expect(JSON.stringify(recorder.get('a'))).not.toContain(PLANTED);
  });

  it('leaves the objects the proxy handed over untouched', () => {
    const recorder = createTrafficRecorder({ secrets: () => [PLANTED] });
    const body = { model: 'm', note: PLANTED };
    startExchange(recorder, 'a', { body });
    recorder.get('a');
    expect(body.note).toBe(PLANTED);
  });
});
