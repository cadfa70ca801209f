import { describe, expect, it } from 'vitest';
import { createTrafficRecorder } from '../../../electron/server/recorder/traffic-recorder.ts';
import { anthropicBody, OK_END, startExchange, streamStep } from './recorder-driver.ts';

describe('recorder summaries', () => {
  it('lists newest first with route, tokens, notes, client and state as the call progresses', () => {
    let clock = 0;
    const recorder = createTrafficRecorder({ now: () => clock });
    startExchange(recorder, 'old');
    recorder.completed('old', OK_END);
    startExchange(recorder, 'new');
    expect(recorder.list().map((s) => s.id)).toEqual(['new', 'old']);
    expect(recorder.list()[0]!.state).toBe('pending');
    clock = 5;
    streamStep(recorder, 'new', 0);
    expect(recorder.list()[0]!.state).toBe('streaming');
    const done = recorder.list()[1]!;
    expect(done).toMatchObject({
      state: 'complete',
      client: 'claude-cli/2.1.332 (external, sdk-cli)',
      requestedModel: 'claude-sonnet-4-5',
      provider: 'openrouter',
      upstreamModel: 'openai/gpt-4o',
      rule: 'big (opus/sonnet)',
      stream: true,
      status: 200,
      stopReason: 'end_turn',
      tokens: { estimatedInput: 12, input: 1000, output: 500, cacheRead: 200 },
      notes: [{ kind: 'dropped', field: 'top_k', detail: 'no OpenAI equivalent' }],
    });
    // gpt-4o: 1000 × $2.5 + 200 × $1.25 + 500 × $10 per million tokens.
    expect(done.costUsd).toBeCloseTo(0.00775, 8);
  });

  it('takes the session from x-claude-code-session-id, else from metadata.user_id', () => {
    const recorder = createTrafficRecorder();
    startExchange(recorder, 'header', {
      headers: {
        host: 'localhost',
        'x-claude-code-session-id': '47af5f2a-5df1-4d92-82c0-c42e6c160dc2',
      },
    });
    startExchange(recorder, 'json-user-id', {
      headers: { host: 'localhost' },
      body: anthropicBody({
        metadata: { user_id: '{"device_id":"d","account_uuid":"","session_id":"f1093635-f78c"}' },
      }),
    });
    startExchange(recorder, 'legacy-user-id', {
      headers: { host: 'localhost' },
      body: anthropicBody({
        metadata: { user_id: 'user_abc_account_123_session_9a8b7c6d-1111-2222' },
      }),
    });
    const byId = new Map(recorder.list().map((s) => [s.id, s.sessionId]));
    expect(byId.get('header')).toBe('47af5f2a-5df1-4d92-82c0-c42e6c160dc2');
    expect(byId.get('json-user-id')).toBe('f1093635-f78c');
    expect(byId.get('legacy-user-id')).toBe('9a8b7c6d-1111-2222');
  });

  it('gives the full record the four forms and both legs of headers', () => {
    const recorder = createTrafficRecorder();
    startExchange(recorder, 'a');
    streamStep(recorder, 'a', 0);
    recorder.anthropicResponse('a', undefined, { 'content-type': 'text/event-stream' });
    recorder.completed('a', OK_END);
    const record = recorder.get('a')!;
    expect(record.anthropicRequest).toEqual(anthropicBody());
    expect(record.openaiRequest).toMatchObject({ model: 'openai/gpt-4o' });
    expect(record.openaiResponse).toMatchObject([{ data: { object: 'chat.completion.chunk' } }]);
    expect(record.anthropicResponse).toMatchObject([{ data: { type: 'content_block_delta' } }]);
    expect(record.upstreamUrl).toBe('https://openrouter.ai/api/v1/chat/completions');
    expect(record.upstreamStatus).toBe(200);
    expect(record.responseHeaders).toEqual({ 'content-type': 'text/event-stream' });
    expect(record.upstreamResponseHeaders).toEqual({ 'content-type': 'text/event-stream' });
  });

  it('records a non-streaming call with its JSON bodies', () => {
    const recorder = createTrafficRecorder();
    startExchange(recorder, 'json', { body: anthropicBody({ stream: false }) });
    recorder.routed('json', {
      requestedModel: 'm',
      provider: 'p',
      upstreamModel: 'u',
      rule: 'r',
      stream: false,
      estimatedInputTokens: 1,
    });
    const completion = { id: 'c', object: 'chat.completion', choices: [] };
    const message = { id: 'msg', type: 'message', content: [] };
    recorder.openaiResponse('json', completion);
    recorder.anthropicResponse('json', message, { 'content-type': 'application/json' });
    recorder.completed('json', OK_END);
    const record = recorder.get('json')!;
    expect(record.stream).toBe(false);
    expect(record.openaiResponse).toEqual(completion);
    expect(record.anthropicResponse).toEqual(message);
    expect(record.costUsd).toBeUndefined(); // no price known for "u"
  });
});
