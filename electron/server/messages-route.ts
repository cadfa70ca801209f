/**
 * POST /v1/messages (also `?beta=true`, which Claude Code always adds): validate, estimate
 * tokens, route the model, translate, call the upstream, and answer either as JSON or as a
 * stream (stream-pump.ts). Each stage goes to the tap as it happens; the raw body is
 * recorded before validation so refused requests show up in the inspector too. Every
 * failure before the first byte is answered in Anthropic's shape with the upstream's
 * wording (upstream-failure.ts); nothing a call does can stop the server.
 */
import type { Request, Response } from 'express';
import type { ChatCompletion } from 'openai/resources/chat/completions';
import type { MappedError } from '../../shared/errors/anthropic-errors.ts';
import { OPENROUTER_APP_TITLE, quirksFor } from '../../shared/providers/provider-presets.ts';
import { routeModel } from '../../shared/routing/model-router.ts';
import { countRequestTokens } from '../../shared/tokens/token-counter.ts';
import { translateRequest } from '../../shared/translate/request-translator.ts';
import { translateResponse } from '../../shared/translate/response-translator.ts';
import { createStreamState } from '../../shared/translate/stream-translator.ts';
import { parseMessagesRequest } from '../../shared/validation/anthropic-request-schema.ts';
import { ProxyCall } from './proxy-call.ts';
import type { ProxyContext } from './proxy-context.ts';
import { publicUpstreamUrl } from './proxy-config.ts';
import { maskSecret } from './secret-redactor.ts';
import { headersOf } from './sse-writer.ts';
import { pumpStream } from './stream-pump.ts';
import {
  callChatCompletions,
  upstreamRequestHeaders,
  type UpstreamTarget,
} from './upstream-client.ts';
import { describeMalformedCompletion, describeUpstreamFailure } from './upstream-failure.ts';

const NOT_CONFIGURED: MappedError = {
  status: 500,
  type: 'api_error',
  message:
    'No upstream is configured for this proxy. Set OPENAI_API_KEY (and BASE_URL for a provider other than ' +
    'OpenAI, e.g. BASE_URL=https://openrouter.ai/api/v1), in the environment or in a .env file, then restart it.',
  shouldRetry: false,
};

/**
 * REFERRER_URL set by the user means "attribute my calls": the OpenRouter preset adds the
 * headers itself, and any other upstream (a custom domain or gateway in front of
 * OpenRouter) gets them too; servers that do not know them ignore them.
 */
function referrerHeaders(referrerUrl: string | undefined): Record<string, string> {
  return referrerUrl ? { 'HTTP-Referer': referrerUrl, 'X-Title': OPENROUTER_APP_TITLE } : {};
}

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
  const upstreamUrl = publicUpstreamUrl(config.baseUrl);

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
    const route = routeModel(request.model, ctx.routes);
    call.upstreamModel = route.model;
    call.rule = route.rule;
    tap.routed(call.id, {
      requestedModel: request.model,
      provider: route.provider,
      upstreamModel: route.model,
      rule: route.rule,
      stream: call.stream,
      estimatedInputTokens,
    });
    if (!config.upstreamConfigured) {
      call.fail(NOT_CONFIGURED);
      return;
    }

    const quirks = quirksFor(
      ctx.provider,
      route.model,
      config.referrerUrl ? { referrerUrl: config.referrerUrl } : {},
    );
    const translated = translateRequest(request, { upstreamModel: route.model, quirks });
    call.notes = translated.notes;
    const target: UpstreamTarget = {
      baseUrl: config.baseUrl,
      extraHeaders: { ...referrerHeaders(config.referrerUrl), ...quirks.extraHeaders },
      timeoutMs: config.apiTimeoutMs,
      maxRetries: config.maxRetries,
    };
    if (config.openaiApiKey) target.apiKey = config.openaiApiKey;
    const client = ctx.upstream.clientFor(target);
    tap.upstreamRequest(
      call.id,
      translated.body,
      upstreamRequestHeaders(
        target,
        config.openaiApiKey ? maskSecret(config.openaiApiKey) : '(none)',
      ),
      translated.notes,
      `${config.baseUrl}/chat/completions`,
    );
    logger.debug({ reqId: call.id, body: translated.body }, 'openai request');

    let answer: Awaited<ReturnType<typeof callChatCompletions>>;
    try {
      answer = await callChatCompletions(client, translated.body, call.signal);
    } catch (thrown) {
      const failure = describeUpstreamFailure(thrown, {
        upstreamUrl,
        timeoutMs: config.apiTimeoutMs,
        aborted: call.clientGone,
      });
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

    call.upstreamRequestId = answer.headers['x-request-id'] ?? answer.headers['x-generation-id'];
    tap.upstreamResponseHeaders(call.id, answer.status, answer.headers);

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
          upstream: answer.stream,
          state,
          tap,
          pingIntervalMs: config.pingIntervalMs,
          redact: ctx.redact,
        }),
      );
      return;
    }

    tap.openaiResponse(call.id, answer.body);
    logger.debug({ reqId: call.id, body: answer.body }, 'openai response');
    const malformed = describeMalformedCompletion(answer.body, upstreamUrl);
    if (malformed) {
      call.fail({ ...malformed, message: ctx.redact(malformed.message) });
      return;
    }
    call.markFirstChunk();
    const message = translateResponse(answer.body as ChatCompletion, {
      requestedModel: request.model,
      toolNames: translated.toolNames,
      estimatedInputTokens,
      notes: translated.notes,
    });
    res.status(200).type('application/json');
    tap.anthropicResponse(call.id, message, headersOf(res));
    res.send(JSON.stringify(message));
    call.finish({ status: 200, stopReason: message.stop_reason, usage: message.usage });
  }
}
