/**
 * POST /v1/messages (also `?beta=true`, which Claude Code always adds): validate, estimate
 * tokens, route the model (the settings in effect, read per call), translate, call the
 * upstream, and answer either as JSON or as a stream (stream-pump.ts). A route's fallback
 * gets one try when the upstream answers 429/5xx or cannot be reached, before any byte
 * went to the client. Each stage goes to the tap as it happens; the raw body is
 * recorded before validation so refused requests show up in the inspector too. Every
 * failure before the first byte is answered in Anthropic's shape with the upstream's
 * wording (upstream-failure.ts); nothing a call does can stop the server.
 */
import type { Request, Response } from 'express';
import type { ChatCompletion } from 'openai/resources/chat/completions';
import { requestFactsOf, resolveRoute } from '../../shared/routing/route-rules.ts';
import { countRequestTokens } from '../../shared/tokens/token-counter.ts';
import {
  translateRequest,
  type RequestTranslation,
} from '../../shared/translate/request-translator.ts';
import type { TranslationNote } from '../../shared/translate/translation-note.ts';
import { translateResponse } from '../../shared/translate/response-translator.ts';
import { createStreamState } from '../../shared/translate/stream-translator.ts';
import { parseMessagesRequest } from '../../shared/validation/anthropic-request-schema.ts';
import { ProxyCall } from './proxy-call.ts';
import type { ProxyContext } from './proxy-context.ts';
import { fallbackReason, planUpstream, type UpstreamPlan } from './settings/upstream-plan.ts';
import { headersOf } from './sse-writer.ts';
import { pumpStream } from './stream-pump.ts';
import {
  callChatCompletions,
  upstreamRequestHeaders,
  type UpstreamAnswer,
} from './upstream-client.ts';
import { describeMalformedCompletion, describeUpstreamFailure } from './upstream-failure.ts';

function estimateTokens(
  ctx: ProxyContext,
  request: Parameters<typeof countRequestTokens>[0],
  id: string,
): number {
  try {
    return countRequestTokens(request).total;
  } catch (error) {
    ctx.logger.warn({ reqId: id, err: error }, 'token estimate failed');
    return 0;
  }
}

export function createMessagesRoute(ctx: ProxyContext) {
  const { config, tap, logger } = ctx;
  const runtime = { timeoutMs: config.apiTimeoutMs, maxRetries: config.maxRetries };

  return async function messages(req: Request, res: Response): Promise<void> {
    const call = new ProxyCall(req, res, tap, logger);
    try {
      await handle(req, res, call);
    } catch (error) {
      // A bug in translation or in the proxy itself: answer, record, keep serving.
      logger.error({ reqId: call.id, err: error }, 'call failed inside the proxy');
      const message = error instanceof Error ? error.message : String(error);
      call.fail({
        status: 500,
        type: 'api_error',
        message: ctx.redact(`Internal proxy error: ${message}`),
      });
    }
  };

  async function handle(req: Request, res: Response, call: ProxyCall): Promise<void> {
    tap.started({
      id: call.id,
      receivedAt: call.receivedAt,
      method: req.method,
      path: req.originalUrl,
      clientHeaders: req.headers,
      anthropicRequest: req.body as unknown,
    });
    logger.debug(
      { reqId: call.id, headers: req.headers, body: req.body as unknown },
      'anthropic request',
    );

    const parsed = parseMessagesRequest(req.body);
    if (!parsed.ok) {
      call.fail({ status: 400, type: 'invalid_request_error', message: parsed.message });
      return;
    }
    const request = parsed.value;
    call.requestedModel = request.model;
    call.stream = request.stream === true;

    const estimatedInputTokens = estimateTokens(ctx, request, call.id);
    const settings = ctx.settings();
    const route = resolveRoute(settings, requestFactsOf(request, estimatedInputTokens));
    const routed = (target: { provider: string; model: string }, rule: string): void => {
      call.upstreamModel = target.model;
      call.rule = rule;
      tap.routed(call.id, {
        requestedModel: request.model,
        provider:
          settings.providers.find((provider) => provider.id === target.provider)?.name ??
          target.provider,
        upstreamModel: target.model,
        rule,
        stream: call.stream,
        estimatedInputTokens,
      });
    };
    routed(route, route.rule);
    const planned = planUpstream(settings, route, runtime);
    if (!planned.ok) {
      call.fail(planned.error);
      return;
    }

    let plan: UpstreamPlan = planned.plan;
    let fallback = route.fallback;
    const fallbackNotes: TranslationNote[] = [];
    let translated: RequestTranslation;
    let notes: TranslationNote[];
    let answer: UpstreamAnswer;
    for (;;) {
      translated = translateRequest(request, { upstreamModel: plan.model, quirks: plan.quirks });
      notes = [...fallbackNotes, ...translated.notes];
      call.notes = notes;
      tap.upstreamRequest(
        call.id,
        translated.body,
        upstreamRequestHeaders(plan.target, plan.maskedKey),
        notes,
        plan.url,
      );
      logger.debug({ reqId: call.id, body: translated.body }, 'openai request');
      try {
        answer = await callChatCompletions(
          ctx.upstream.clientFor(plan.target),
          translated.body,
          call.signal,
        );
        break;
      } catch (thrown) {
        const failure = describeUpstreamFailure(thrown, {
          upstreamUrl: plan.publicUrl,
          timeoutMs: config.apiTimeoutMs,
          aborted: call.clientGone,
        });
        const reason = fallback && fallbackReason(failure);
        const next = fallback && reason ? planUpstream(settings, fallback, runtime) : undefined;
        if (fallback && next?.ok) {
          logger.info({ reqId: call.id }, `${plan.provider.name} ${reason}; trying the fallback`);
          fallbackNotes.push({
            kind: 'changed',
            field: 'model',
            detail: `fallback: ${plan.model} on ${plan.provider.name} ${reason}, sent to ${fallback.model} on ${next.plan.provider.name}`,
          });
          routed(fallback, `${route.rule} → fallback`);
          plan = next.plan;
          fallback = undefined;
          continue;
        }
        switch (failure.kind) {
          case 'aborted':
            call.finish({ status: 499, aborted: true });
            return;
          case 'http':
            call.upstreamRequestId =
              failure.headers['x-request-id'] ?? failure.headers['x-generation-id'];
            tap.upstreamResponseHeaders(call.id, failure.status, failure.headers);
            tap.openaiResponse(call.id, failure.body);
            call.fail({ ...failure.error, message: ctx.redact(failure.error.message) });
            return;
          case 'unreachable':
            call.fail({ ...failure.error, message: ctx.redact(failure.error.message) });
            return;
        }
      }
    }

    call.upstreamRequestId = answer.headers['x-request-id'] ?? answer.headers['x-generation-id'];
    tap.upstreamResponseHeaders(call.id, answer.status, answer.headers);

    if (answer.kind === 'stream' && /^text\/html\b/i.test(answer.headers['content-type'] ?? '')) {
      // A web page where a stream should be (a captive portal, a base URL that points at a
      // website): say so before any event, as for a JSON call, instead of an empty stream.
      const page = await new Response(answer.body).text();
      tap.openaiResponse(call.id, page);
      const malformed = describeMalformedCompletion(page, plan.publicUrl)!;
      call.fail({ ...malformed, message: ctx.redact(malformed.message) });
      return;
    }

    if (answer.kind === 'stream') {
      const state = createStreamState({
        requestedModel: request.model,
        toolNames: translated.toolNames,
        estimatedInputTokens,
      });
      call.finish(
        await pumpStream({
          call,
          res,
          upstream: answer.body,
          state,
          tap,
          pingIntervalMs: config.pingIntervalMs,
          idleTimeoutMs: config.streamIdleTimeoutMs,
          redact: ctx.redact,
        }),
      );
      return;
    }

    tap.openaiResponse(call.id, answer.body);
    logger.debug({ reqId: call.id, body: answer.body }, 'openai response');
    const malformed = describeMalformedCompletion(answer.body, plan.publicUrl);
    if (malformed) {
      call.fail({ ...malformed, message: ctx.redact(malformed.message) });
      return;
    }
    call.markFirstChunk();
    const message = translateResponse(answer.body as ChatCompletion, {
      requestedModel: request.model,
      toolNames: translated.toolNames,
      estimatedInputTokens,
      notes,
    });
    res.status(200).type('application/json');
    tap.anthropicResponse(call.id, message, headersOf(res));
    res.send(JSON.stringify(message));
    call.finish({ status: 200, stopReason: message.stop_reason, usage: message.usage });
  }
}
