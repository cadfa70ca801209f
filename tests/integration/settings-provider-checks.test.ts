import type { ChatCompletionCreateParams } from 'openai/resources/chat/completions';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  CapabilityReport,
  ProviderTestResult,
} from '../../shared/settings/provider-checks.ts';
import { toPublicSettings } from '../../shared/settings/public-settings.ts';
import {
  answerChunks,
  httpError,
  jsonAnswer,
  streamAnswer,
  streamChunks,
  type MockBehaviour,
} from '../support/mock-openai-upstream.ts';
import {
  PROVIDER_KEY,
  startSettingsTestServer,
  type SettingsTestServer,
} from './settings-test-server.ts';

let server: SettingsTestServer;
beforeEach(async () => {
  server = await startSettingsTestServer();
});
afterEach(() => server.close());

const PARIS = { id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' };
const TOKYO = { id: 'call_2', name: 'get_weather', arguments: '{"city":"Tokyo"}' };

function listModels(): MockBehaviour {
  return ({ res }) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        object: 'list',
        data: [
          { id: 'mock-small', object: 'model' },
          { id: 'mock-big', object: 'model' },
        ],
      }),
    );
  };
}

/** Answers every probe the way a fully capable model would. */
const capable: MockBehaviour = (ctx) => {
  if (ctx.request.path.endsWith('/models')) return listModels()(ctx);
  const body = ctx.request.body as ChatCompletionCreateParams;
  const text = JSON.stringify(body.messages);
  if (body.tools)
    return jsonAnswer({ toolCalls: text.includes('Tokyo') ? [PARIS, TOKYO] : [PARIS] })(ctx);
  if (body.reasoning_effort)
    return jsonAnswer({ reasoning: 'Count the r letters.', text: '3' })(ctx);
  if (text.includes('image_url')) return jsonAnswer({ text: 'Red' })(ctx);
  return body.stream ? streamAnswer({ text: 'pong' })(ctx) : jsonAnswer({ text: 'pong' })(ctx);
};

/** A model that only chats: no tools, no reasoning, no eyes, no usage in streams. */
const textOnly: MockBehaviour = (ctx) => {
  const body = ctx.request.body as ChatCompletionCreateParams;
  if (JSON.stringify(body.messages).includes('image_url')) {
    return httpError(400, { error: { message: 'image input is not supported by this model' } })(
      ctx,
    );
  }
  if (body.stream) return streamChunks(answerChunks({ text: 'pong' }).slice(0, -1))(ctx);
  return jsonAnswer({ text: body.tools ? 'It is sunny in Paris, I think.' : 'pong' })(ctx);
};

async function post<T>(
  path: string,
  body: unknown,
): Promise<{ status: number; text: string; json: T }> {
  const response = await server.api(path, { method: 'POST', body: JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) as T };
}

describe('POST /inspector/api/providers/:id/test', () => {
  it('lists the models and times a tiny completion with the stored key', async () => {
    server.upstream.setHandler(capable);
    const { json, text } = await post<ProviderTestResult>('/providers/mock/test', {});
    expect(json).toMatchObject({
      ok: true,
      models: { ok: true, ids: ['mock-big', 'mock-small'] },
      completion: { ok: true, model: 'mock-big', reply: 'pong' },
    });
    expect(json.completion.ms).toBeGreaterThanOrEqual(0);
    expect(text).not.toContain(PROVIDER_KEY);
    const paths = server.upstream.requests
      .map((request) => `${request.method} ${request.path}`)
      .sort();
    expect(paths).toEqual(['GET /v1/models', 'POST /v1/chat/completions']);
    expect(
      server.upstream.requests.every(
        (request) => request.headers.authorization === `Bearer ${PROVIDER_KEY}`,
      ),
    ).toBe(true);
  });

  it('tests the unsaved form: a replaced key and another model, without saving them', async () => {
    server.upstream.setHandler(capable);
    const draft = { ...toPublicSettings(server.service.get()).providers[0] };
    draft.apiKey = {
      set: true,
      last4: '1234',
      replace: 'sk-typed-in-the-form-0000',
    } as typeof draft.apiKey;
    const { json } = await post<ProviderTestResult>('/providers/mock/test', {
      model: 'mock-small',
      draft,
    });
    expect(json.completion).toMatchObject({ ok: true, model: 'mock-small' });
    expect(server.upstream.requests[0].headers.authorization).toBe(
      'Bearer sk-typed-in-the-form-0000',
    );
    expect(server.service.get().providers[0].apiKey).toBe(PROVIDER_KEY);
  });

  it('says clearly when the provider cannot be reached', async () => {
    const draft = {
      ...toPublicSettings(server.service.get()).providers[0],
      baseUrl: 'http://127.0.0.1:9/v1',
    };
    const { json } = await post<ProviderTestResult>('/providers/mock/test', { draft });
    expect(json.ok).toBe(false);
    expect(json.models.error).toContain('127.0.0.1:9');
    expect(json.completion.error).toContain('127.0.0.1:9');
  });

  it('passes on the upstream wording of an HTTP error, never the key', async () => {
    server.upstream.setHandler(
      httpError(401, { error: { message: `Incorrect API key provided: ${PROVIDER_KEY}` } }),
    );
    const { json, text } = await post<ProviderTestResult>('/providers/mock/test', {});
    expect(json.completion).toMatchObject({
      ok: false,
      status: 401,
      error: expect.stringContaining('Incorrect API key provided'),
    });
    expect(text).not.toContain(PROVIDER_KEY);
  });

  it('answers 404 for an unknown provider and 400 for a draft of another one', async () => {
    expect((await post('/providers/nope/test', {})).status).toBe(404);
    const draft = toPublicSettings(server.service.get()).providers[0];
    expect((await post('/providers/other/test', { draft })).status).toBe(400);
  });
});

describe('POST /inspector/api/providers/:id/capabilities', () => {
  it('reports every capability of a capable model as passing', async () => {
    server.upstream.setHandler(capable);
    const { json } = await post<CapabilityReport>('/providers/mock/capabilities', {
      model: 'mock-big',
    });
    expect(json.provider).toBe('mock');
    expect(
      Object.fromEntries(json.results.map((result) => [result.capability, result.outcome])),
    ).toEqual({
      text: 'pass',
      streaming: 'pass',
      toolCall: 'pass',
      parallelToolCalls: 'pass',
      reasoning: 'pass',
      imageInput: 'pass',
      streamUsage: 'pass',
    });
  });

  it('tells missing capabilities (fail) from failed calls (error)', async () => {
    server.upstream.setHandler(textOnly);
    const { json } = await post<CapabilityReport>('/providers/mock/capabilities', {
      model: 'mock-big',
    });
    const byName = Object.fromEntries(json.results.map((result) => [result.capability, result]));
    expect(byName.text.outcome).toBe('pass');
    expect(byName.streaming.outcome).toBe('pass');
    expect(byName.toolCall).toMatchObject({
      outcome: 'fail',
      detail: expect.stringContaining('Answered in text'),
    });
    expect(byName.parallelToolCalls.outcome).toBe('fail');
    expect(byName.reasoning.outcome).toBe('fail');
    expect(byName.streamUsage.outcome).toBe('fail');
    expect(byName.imageInput).toMatchObject({
      outcome: 'error',
      detail: expect.stringContaining('image input is not supported'),
    });
  });

  it('sends the probes through the request translator with the provider quirks', async () => {
    server.upstream.setHandler(capable);
    await post('/providers/mock/capabilities', { model: 'mock-big' });
    const streamed = server.upstream.requests.find(
      (request) => (request.body as { stream?: boolean }).stream,
    );
    expect(streamed?.body).toMatchObject({
      model: 'mock-big',
      stream: true,
      stream_options: { include_usage: true },
    });
  });
});
