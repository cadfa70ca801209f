/**
 * Failures after the 200 was sent: an `error` event and no `message_stop`, so the SDK
 * throws instead of returning a truncated answer as complete. Covers a connection cut
 * mid-stream, OpenRouter's error object inside a 200 stream, and EOF without finish_reason.
 */
import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import {
  answerChunks,
  cutMidStream,
  errorInStream,
  jsonAnswer,
  streamChunks,
} from '../support/mock-openai-upstream.ts';
import { postJson } from '../support/raw-http.ts';
import { useProxyWithMockUpstream } from '../support/start-test-proxy.ts';

const rig = useProxyWithMockUpstream();

const params = {
  model: 'claude-sonnet-4-6',
  max_tokens: 64,
  messages: [{ role: 'user' as const, content: 'Hi' }],
};

async function streamFailure(): Promise<Error> {
  const error = await rig.proxy.client.messages
    .stream(params)
    .finalMessage()
    .then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

function eventNames(sse: string): string[] {
  return [...sse.matchAll(/^event: (\S+)$/gm)].map((match) => match[1]!);
}

describe('failures inside a started stream', () => {
  it('makes the SDK throw when the upstream connection is cut mid-stream', async () => {
    rig.upstream.enqueue(cutMidStream({ text: 'This answer will be cut off' }, 2));
    const error = await streamFailure();
    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect(error.message).toContain('broke off');
  });

  it('sends an error event and no message_stop after a cut', async () => {
    rig.upstream.enqueue(cutMidStream({ text: 'This answer will be cut off' }, 2));
    const res = await postJson(rig.proxy.url, '/v1/messages', { ...params, stream: true });
    expect(res.status).toBe(200);
    const names = eventNames(res.text);
    expect(names[0]).toBe('message_start');
    expect(names.at(-1)).toBe('error');
    expect(names).not.toContain('message_stop');
    expect(res.text).toMatch(/"type":"api_error"/);
  });

  it('turns an error object inside a 200 stream into an error event with its message', async () => {
    rig.upstream.enqueue(
      errorInStream({ code: 502, message: 'Provider disconnected unexpectedly' }),
    );
    const error = await streamFailure();
    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect(error.message).toContain('Provider disconnected unexpectedly');
    expect((error as InstanceType<typeof Anthropic.APIError>).error).toMatchObject({
      type: 'error',
      error: { type: 'overloaded_error' },
    });
  });

  it('reports a stream that ends without finish_reason as an error, not end_turn', async () => {
    const chunks = answerChunks({ text: 'Half an answ' }).slice(0, 3);
    rig.upstream.enqueue(streamChunks(chunks, { done: false }));
    const res = await postJson(rig.proxy.url, '/v1/messages', { ...params, stream: true });
    const names = eventNames(res.text);
    expect(names.at(-1)).toBe('error');
    expect(names).not.toContain('message_stop');
    expect(names).not.toContain('message_delta');
  });

  it('keeps serving after stream failures', async () => {
    rig.upstream.enqueue(jsonAnswer({ text: 'fine again' }));
    const message = await rig.proxy.client.messages.create(params);
    expect(message.content).toMatchObject([{ type: 'text', text: 'fine again' }]);
  });
});
