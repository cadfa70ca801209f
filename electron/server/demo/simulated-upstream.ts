/**
 * The built-in simulated upstream of demo mode: an OpenAI-compatible server that lives in
 * the process, as a `fetch` function the openai SDK client is given (upstream-client.ts),
 * at the reserved origin http://simulated-upstream.invalid (the .invalid TLD never
 * resolves, RFC 6761, so this can never shadow a real server).
 *
 * Why in process rather than a loopback server: nothing listens, so there is no port to
 * pick, expose, firewall or close, and no other local program can reach it; the proxy still
 * goes through the SDK's whole HTTP path (request building, retries, SSE parsing, error
 * capture, aborts), because this answers with real `Response` objects whose bodies stream.
 *
 * It answers POST /v1/chat/completions (JSON or server-sent events, paced like a model:
 * headers first, a pause before the first token, then a token every few tens of ms) and
 * GET /v1/models. Failures now and then: every `failEvery`-th distinct request (by its model and
 * messages) fails, 429 and 500 in turn, for its first two attempts, so the proxy's own
 * retry fails too and the client sees the error, and the client's retry then succeeds,
 * the way a real rate limit or hiccup plays out. Answers are seeded by the request, so
 * the same request always gets the same answer.
 */
import { createHash, randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { ChatCompletionCreateParams } from 'openai/resources/chat/completions';
import type { UpstreamFetch } from '../upstream-client.ts';
import {
  planCompletion,
  requestedFailure,
  simulatedFailure,
  type SimulatedAnswer,
} from './simulated-answer.ts';
import {
  completionBody,
  errorBody,
  streamFrames,
  type Pause,
  type WireMeta,
} from './simulated-wire.ts';

export const SIMULATED_UPSTREAM_ORIGIN = 'http://simulated-upstream.invalid';
export const SIMULATED_BASE_URL = `${SIMULATED_UPSTREAM_ORIGIN}/v1`;
export const SIMULATED_MODELS = ['simulated-large', 'simulated-small'] as const;
/** On every answer, so the inspector's Headers tab says it too. */
export const SIMULATED_HEADER = 'x-simulated-upstream';

export interface SimulatedPace {
  /** Until the response headers. */
  headersMs: number;
  /** Until the first chunk (time to first token). */
  firstTokenMs: number;
  /** Between two tokens. */
  tokenMs: number;
  /** At a change of block (reasoning to text, the next tool call). */
  boundaryMs: number;
}

/** About what a fast hosted model does. Each pause varies by ±40%. */
export const REALISTIC_PACE: SimulatedPace = {
  headersMs: 150,
  firstTokenMs: 450,
  tokenMs: 28,
  boundaryMs: 120,
};

export const INSTANT_PACE: SimulatedPace = {
  headersMs: 0,
  firstTokenMs: 0,
  tokenMs: 0,
  boundaryMs: 0,
};

/** A JSON answer arrives when a stream would have ended, but never later than this. */
const MAX_JSON_WAIT_MS = 3000;

export interface SimulatedUpstreamOptions {
  pace?: SimulatedPace;
  /** Every Nth distinct request fails (429 and 500 in turn); 0 for never. Default 7. */
  failEvery?: number;
}

export interface SimulatedUpstream {
  fetch: UpstreamFetch;
  /** Chat Completions requests answered so far (failures included). */
  requests(): number;
}

export function isSimulatedUrl(url: string): boolean {
  return url === SIMULATED_UPSTREAM_ORIGIN || url.startsWith(`${SIMULATED_UPSTREAM_ORIGIN}/`);
}

/** mulberry32: a tiny seeded generator, enough for picking words. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function jitter(ms: number): number {
  return ms === 0 ? 0 : Math.round(ms * (0.6 + 0.8 * Math.random()));
}

function pauseMs(pause: Pause, pace: SimulatedPace): number {
  switch (pause) {
    case 'first':
      return jitter(pace.firstTokenMs);
    case 'token':
      return jitter(pace.tokenMs);
    case 'boundary':
      return jitter(pace.boundaryMs);
    case 'none':
      return 0;
  }
}

function baseHeaders(model: string | undefined, contentType: string): Headers {
  const headers = new Headers({
    'content-type': contentType,
    'x-request-id': `req_sim_${randomBytes(8).toString('hex')}`,
    [SIMULATED_HEADER]: 'demo mode: no model was called',
  });
  if (model) headers.set('openai-model', model);
  return headers;
}

function jsonResponse(status: number, body: unknown, headers: Headers): Response {
  return new Response(JSON.stringify(body), { status, headers });
}

function notFound(message: string): Response {
  return jsonResponse(
    404,
    { error: { message, type: 'invalid_request_error', param: null, code: 'not_found' } },
    baseHeaders(undefined, 'application/json'),
  );
}

function badRequest(message: string): Response {
  return jsonResponse(
    400,
    { error: { message, type: 'invalid_request_error', param: null, code: null } },
    baseHeaders(undefined, 'application/json'),
  );
}

async function requestParts(
  input: string | URL | Request,
  init: RequestInit | undefined,
): Promise<{ url: URL; method: string; body: string; signal: AbortSignal | undefined }> {
  const request = input instanceof Request ? input : undefined;
  const url = new URL(request ? request.url : String(input));
  const method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
  const rawBody = init?.body ?? request?.body ?? null;
  const body =
    typeof rawBody === 'string'
      ? rawBody
      : rawBody === null
        ? ''
        : await new Response(rawBody).text();
  return { url, method, body, signal: init?.signal ?? request?.signal ?? undefined };
}

export function createSimulatedUpstream(options: SimulatedUpstreamOptions = {}): SimulatedUpstream {
  const pace = options.pace ?? REALISTIC_PACE;
  const failEvery = options.failEvery ?? 7;
  let requests = 0;
  let distinct = 0;
  let failures = 0;
  const seen = new Set<string>();
  /** Requests chosen to fail, with the attempts still to fail. */
  const failing = new Map<string, { status: 429 | 500; left: number }>();

  function decide(body: ChatCompletionCreateParams, fingerprint: string): SimulatedAnswer {
    const asked = requestedFailure(body);
    if (asked) return asked;
    const pending = failing.get(fingerprint);
    if (pending) {
      if (--pending.left <= 0) failing.delete(fingerprint);
      return simulatedFailure(pending.status, body.model);
    }
    if (!seen.has(fingerprint)) {
      if (seen.size >= 10_000) seen.clear(); // a long demo session: forget, stay bounded
      seen.add(fingerprint);
      distinct++;
      if (failEvery > 0 && distinct % failEvery === 0) {
        const status = failures++ % 2 === 0 ? 429 : 500;
        failing.set(fingerprint, { status, left: 1 });
        return simulatedFailure(status, body.model);
      }
    }
    return planCompletion(body, seededRandom(parseInt(fingerprint.slice(0, 8), 16)));
  }

  async function chatCompletions(text: string, signal: AbortSignal | undefined): Promise<Response> {
    let body: ChatCompletionCreateParams;
    try {
      body = JSON.parse(text) as ChatCompletionCreateParams;
    } catch {
      return badRequest('We could not parse the JSON body of your request. (simulated upstream)');
    }
    if (
      typeof body !== 'object' ||
      body === null ||
      !Array.isArray(body.messages) ||
      typeof body.model !== 'string'
    ) {
      return badRequest("The request needs 'model' and 'messages'. (simulated upstream)");
    }
    requests++;
    const fingerprint = createHash('sha256')
      .update(JSON.stringify([body.model, body.messages]))
      .digest('hex');
    const answer = decide(body, fingerprint);
    await delay(jitter(pace.headersMs), undefined, { signal });

    if (answer.kind === 'error') {
      const headers = baseHeaders(body.model, 'application/json');
      if (answer.status === 429) headers.set('retry-after', '1');
      return jsonResponse(answer.status, errorBody(answer), headers);
    }
    const meta: WireMeta = {
      id: `chatcmpl-sim${randomBytes(12).toString('hex')}`,
      created: Math.floor(Date.now() / 1000),
      model: body.model,
    };
    const random = seededRandom(parseInt(fingerprint.slice(8, 16), 16));
    const includeUsage = body.stream === true && body.stream_options?.include_usage === true;
    const frames = streamFrames(answer, meta, random, includeUsage);

    if (body.stream !== true) {
      const generation = frames.reduce((sum, frame) => sum + pauseMs(frame.pause, pace), 0);
      await delay(Math.min(generation, MAX_JSON_WAIT_MS), undefined, { signal });
      return jsonResponse(
        200,
        completionBody(answer, meta),
        baseHeaders(body.model, 'application/json'),
      );
    }

    const local = new AbortController();
    const stop = signal ? AbortSignal.any([signal, local.signal]) : local.signal;
    const encoder = new TextEncoder();
    let next = 0;
    const stream = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          const frame = frames[next++];
          if (!frame) {
            controller.enqueue(encoder.encode('data: [DONE]\n\n'));
            controller.close();
            return;
          }
          await delay(pauseMs(frame.pause, pace), undefined, { signal: stop });
          controller.enqueue(encoder.encode(`data: ${JSON.stringify(frame.chunk)}\n\n`));
        },
        cancel() {
          local.abort();
        },
      },
      { highWaterMark: 0 },
    );
    const headers = baseHeaders(body.model, 'text/event-stream; charset=utf-8');
    headers.set('cache-control', 'no-cache');
    return new Response(stream, { status: 200, headers });
  }

  const fetch: UpstreamFetch = async (input, init) => {
    const { url, method, body, signal } = await requestParts(input, init);
    signal?.throwIfAborted();
    const path = url.pathname.replace(/\/+$/, '');
    if (method === 'POST' && path === '/v1/chat/completions') return chatCompletions(body, signal);
    if (method === 'GET' && path === '/v1/models') {
      return jsonResponse(
        200,
        {
          object: 'list',
          data: SIMULATED_MODELS.map((id) => ({
            id,
            object: 'model',
            created: 0,
            owned_by: 'anthropic-proxy-demo',
          })),
        },
        baseHeaders(undefined, 'application/json'),
      );
    }
    return notFound(`Unknown request URL: ${method} ${url.pathname}. (simulated upstream)`);
  };

  return { fetch, requests: () => requests };
}
