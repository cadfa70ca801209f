/**
 * One small real call to a provider, made the way the proxy would make it: an Anthropic
 * request goes through the request translator with the provider's effective quirks, then
 * through the shared upstream client, so a check passes only if real traffic would. The
 * outcome keeps what the checks look at (the completion, or the chunks of a stream) and an
 * error in the upstream's own words.
 */
import { performance } from 'node:perf_hooks';
import type { ChatCompletion, ChatCompletionChunk } from 'openai/resources/chat/completions';
import type { ProviderSettings } from '../../../shared/settings/settings-schema.ts';
import type { AnthropicMessagesRequest } from '../../../shared/translate/anthropic-request-types.ts';
import { translateRequest } from '../../../shared/translate/request-translator.ts';
import { callChatCompletions, type UpstreamClients } from '../upstream-client.ts';
import { describeMalformedCompletion, describeUpstreamFailure } from '../upstream-failure.ts';
import { readChunkBatches } from '../upstream-sse-reader.ts';
import { planForProvider } from './upstream-plan.ts';

export interface ProbeContext {
  provider: ProviderSettings;
  clients: UpstreamClients;
  /** Per call, headers to last byte. */
  timeoutMs: number;
  /** Masks keys in error text before it leaves the proxy. */
  redact: (text: string) => string;
}

export interface ProbeOutcome {
  ms: number;
  status?: number;
  error?: string;
  completion?: ChatCompletion;
  chunks?: ChatCompletionChunk[];
}

export type ProbeRequest = Omit<AnthropicMessagesRequest, 'model'>;

export async function runProbe(
  ctx: ProbeContext,
  model: string,
  request: ProbeRequest,
): Promise<ProbeOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const plan = planForProvider(ctx.provider, model, { timeoutMs: ctx.timeoutMs, maxRetries: 0 });
  const { body } = translateRequest(
    { ...request, model },
    { upstreamModel: model, quirks: plan.quirks },
  );
  const upstreamUrl = plan.publicUrl;
  const signal = AbortSignal.timeout(ctx.timeoutMs);
  try {
    const answer = await callChatCompletions(ctx.clients.clientFor(plan.target), body, signal);
    if (answer.kind === 'stream') {
      const chunks: ChatCompletionChunk[] = [];
      for await (const read of readChunkBatches(answer.body, signal)) chunks.push(...read.chunks);
      return { ms: elapsed(), status: answer.status, chunks };
    }
    const malformed = describeMalformedCompletion(answer.body, upstreamUrl);
    if (malformed)
      return { ms: elapsed(), status: answer.status, error: ctx.redact(malformed.message) };
    return { ms: elapsed(), status: answer.status, completion: answer.body as ChatCompletion };
  } catch (thrown) {
    const failure = describeUpstreamFailure(thrown, {
      upstreamUrl,
      timeoutMs: ctx.timeoutMs,
      aborted: false,
    });
    switch (failure.kind) {
      case 'aborted':
        return { ms: elapsed(), error: `No answer within ${ctx.timeoutMs} ms` };
      case 'http':
        return {
          ms: elapsed(),
          status: failure.status,
          error: ctx.redact(`${failure.status}: ${failure.error.message}`),
        };
      case 'unreachable':
        return { ms: elapsed(), error: ctx.redact(failure.error.message) };
    }
  }
}

/** The answer's text, from a completion or the content deltas of a stream. */
export function answerText(outcome: ProbeOutcome): string {
  if (outcome.completion) return outcome.completion.choices[0]?.message.content ?? '';
  return (outcome.chunks ?? []).map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
}
