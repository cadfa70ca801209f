/**
 * The settings screen's checks of one provider. "Test connection" lists the provider's
 * models (GET {base}/models) and times a one-word completion. The capability check runs one
 * small real call per capability Claude Code relies on and reports each as pass (works),
 * fail (the call worked, the capability is missing) or error (the call itself failed).
 */
import { performance } from 'node:perf_hooks';
import type { Tool } from '@anthropic-ai/sdk/resources/messages';
import type { ChatCompletionChunk, ChatCompletionMessage } from 'openai/resources/chat/completions';
import type {
  Capability,
  CapabilityReport,
  CapabilityResult,
  ProviderTestResult,
} from '../../../shared/settings/provider-checks.ts';
import type { ProviderSettings } from '../../../shared/settings/settings-schema.ts';
import type { UpstreamClients } from '../upstream-client.ts';
import { describeUpstreamFailure } from '../upstream-failure.ts';
import type { ProviderChecker } from './settings-bridge-api.ts';
import {
  answerText,
  runProbe,
  type ProbeContext,
  type ProbeOutcome,
  type ProbeRequest,
} from './upstream-probe.ts';
import { planForProvider } from './upstream-plan.ts';

const PING: ProbeRequest = {
  max_tokens: 16,
  messages: [{ role: 'user', content: 'Reply with exactly one word: pong' }],
};

const WEATHER_TOOL: Tool = {
  name: 'get_weather',
  description: 'Current weather for a city.',
  input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};

/** A 16×16 solid red PNG. */
const RED_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFklEQVR42mO4KyhIEmIY1TCqYfhqAABd+f8BJaOHRAAAAABJRU5ErkJggg==';

function short(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

export async function testProviderConnection(
  ctx: ProbeContext,
  model: string | undefined,
): Promise<ProviderTestResult> {
  const [models, completion] = await Promise.all([
    listModels(ctx),
    model === undefined
      ? Promise.resolve({
          ok: false,
          ms: 0,
          error: 'No model to try: enter one, or add one to a route.',
        })
      : ping(ctx, model),
  ]);
  return { ok: models.ok && completion.ok, models, completion };
}

async function listModels(ctx: ProbeContext): Promise<ProviderTestResult['models']> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  const { target, publicUrl } = planForProvider(ctx.provider, '', {
    timeoutMs: ctx.timeoutMs,
    maxRetries: 0,
  });
  try {
    const page = await ctx.clients
      .clientFor(target)
      .models.list({ signal: AbortSignal.timeout(ctx.timeoutMs) });
    const ids = page.data.map((entry) => entry.id).sort((a, b) => a.localeCompare(b));
    return { ok: true, ms: ms(), status: 200, ids };
  } catch (thrown) {
    const failure = describeUpstreamFailure(thrown, {
      upstreamUrl: publicUrl,
      timeoutMs: ctx.timeoutMs,
      aborted: false,
    });
    const error =
      failure.kind === 'aborted'
        ? `No answer within ${ctx.timeoutMs} ms`
        : ctx.redact(
            failure.kind === 'http'
              ? `${failure.status}: ${failure.error.message}`
              : failure.error.message,
          );
    return {
      ok: false,
      ms: ms(),
      ids: [],
      error,
      ...(failure.kind === 'http' ? { status: failure.status } : {}),
    };
  }
}

async function ping(ctx: ProbeContext, model: string): Promise<ProviderTestResult['completion']> {
  const outcome = await runProbe(ctx, model, PING);
  const base = {
    ms: outcome.ms,
    model,
    ...(outcome.status === undefined ? {} : { status: outcome.status }),
  };
  if (outcome.error !== undefined) return { ...base, ok: false, error: outcome.error };
  const reply = short(answerText(outcome));
  return reply
    ? { ...base, ok: true, reply }
    : { ...base, ok: false, error: 'The model answered with no text.' };
}

type Verdict = Pick<CapabilityResult, 'outcome' | 'detail'>;

function result(
  capability: Capability,
  outcome: ProbeOutcome,
  judge: (outcome: ProbeOutcome) => Verdict,
): CapabilityResult {
  const verdict: Verdict =
    outcome.error !== undefined ? { outcome: 'error', detail: outcome.error } : judge(outcome);
  return { capability, ms: outcome.ms, ...verdict };
}

function message(outcome: ProbeOutcome): ChatCompletionMessage | undefined {
  return outcome.completion?.choices[0]?.message;
}

function toolCalls(outcome: ProbeOutcome): { name: string; arguments: string }[] {
  return (message(outcome)?.tool_calls ?? []).flatMap((call) =>
    call.type === 'function' ? [call.function] : [],
  );
}

function hasUsage(chunks: readonly ChatCompletionChunk[]): boolean {
  return chunks.some((chunk) => chunk.usage !== undefined && chunk.usage !== null);
}

/** Reasoning text under any of the names upstreams use, or a reasoning token count. */
function showsReasoning(outcome: ProbeOutcome): boolean {
  const extra = (message(outcome) ?? {}) as Record<string, unknown>;
  const text = [extra.reasoning_content, extra.reasoning].some(
    (value) => typeof value === 'string' && value.trim() !== '',
  );
  const details = Array.isArray(extra.reasoning_details) && extra.reasoning_details.length > 0;
  const tokens = outcome.completion?.usage?.completion_tokens_details?.reasoning_tokens ?? 0;
  return text || details || tokens > 0;
}

function judgeToolCall(outcome: ProbeOutcome): Verdict {
  const call = toolCalls(outcome).find((candidate) => candidate.name === WEATHER_TOOL.name);
  if (!call)
    return { outcome: 'fail', detail: `Answered in text instead: "${short(answerText(outcome))}"` };
  try {
    const args = JSON.parse(call.arguments || '{}') as Record<string, unknown>;
    return typeof args.city === 'string'
      ? { outcome: 'pass', detail: `Called ${call.name}(${call.arguments})` }
      : {
          outcome: 'fail',
          detail: `Called ${call.name} without the required city: ${call.arguments}`,
        };
  } catch {
    return {
      outcome: 'fail',
      detail: `Called ${call.name} with arguments that are not JSON: ${short(call.arguments)}`,
    };
  }
}

export async function checkCapabilities(
  ctx: ProbeContext,
  model: string,
): Promise<CapabilityReport> {
  const [text, stream, tool, parallel, reasoning, image] = await Promise.all([
    runProbe(ctx, model, PING),
    runProbe(ctx, model, { ...PING, stream: true }),
    runProbe(ctx, model, {
      max_tokens: 256,
      tools: [WEATHER_TOOL],
      messages: [
        { role: 'user', content: 'What is the weather in Paris? Use the get_weather tool.' },
      ],
    }),
    runProbe(ctx, model, {
      max_tokens: 256,
      tools: [WEATHER_TOOL],
      messages: [
        {
          role: 'user',
          content:
            'Get the weather in Paris and in Tokyo: call get_weather once per city, both calls in this one reply.',
        },
      ],
    }),
    runProbe(ctx, model, {
      max_tokens: 2048,
      thinking: { type: 'enabled', budget_tokens: 1024 },
      messages: [
        {
          role: 'user',
          content:
            'How many times does the letter r occur in "strawberry"? Answer with the number.',
        },
      ],
    }),
    runProbe(ctx, model, {
      max_tokens: 16,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: RED_PNG } },
            { type: 'text', text: 'What colour is this image? Answer with one word.' },
          ],
        },
      ],
    }),
  ]);

  const results: CapabilityResult[] = [
    result('text', text, (o) => {
      const reply = short(answerText(o));
      return reply
        ? { outcome: 'pass', detail: `Answered "${reply}"` }
        : { outcome: 'fail', detail: 'No text in the answer' };
    }),
    result('streaming', stream, (o) => {
      const pieces = (o.chunks ?? []).filter((chunk) => chunk.choices[0]?.delta.content).length;
      return pieces > 0
        ? { outcome: 'pass', detail: `Text arrived in ${pieces} chunk${pieces === 1 ? '' : 's'}` }
        : { outcome: 'fail', detail: 'The stream carried no text' };
    }),
    result('toolCall', tool, judgeToolCall),
    result('parallelToolCalls', parallel, (o) => {
      const count = toolCalls(o).length;
      return count >= 2
        ? { outcome: 'pass', detail: `${count} calls in one reply` }
        : {
            outcome: 'fail',
            detail:
              count === 1
                ? 'One call per reply (Claude Code still works, more slowly)'
                : 'No tool call',
          };
    }),
    result('reasoning', reasoning, (o) =>
      showsReasoning(o)
        ? { outcome: 'pass', detail: 'Reasoning came back (text or token count)' }
        : {
            outcome: 'fail',
            detail: 'No reasoning in the answer: thinking requests run without it',
          },
    ),
    result('imageInput', image, (o) => {
      const reply = short(answerText(o));
      return /red/i.test(reply)
        ? { outcome: 'pass', detail: `Saw the red test image ("${reply}")` }
        : { outcome: 'fail', detail: `Did not see the red test image: "${reply}"` };
    }),
    result('streamUsage', stream, (o) =>
      hasUsage(o.chunks ?? [])
        ? { outcome: 'pass', detail: 'Token usage arrived at the end of the stream' }
        : { outcome: 'fail', detail: 'No usage in the stream: token counts are estimated' },
    ),
  ];
  return { provider: ctx.provider.id, model, results };
}

export interface ProviderCheckerOptions {
  clients: UpstreamClients;
  redact: (text: string) => string;
  /** Per probe call (default 60 s: a reasoning model may think for a while). */
  timeoutMs?: number;
}

export function createProviderChecker(options: ProviderCheckerOptions): ProviderChecker {
  const context = (provider: ProviderSettings): ProbeContext => ({
    provider,
    clients: options.clients,
    redact: options.redact,
    timeoutMs: options.timeoutMs ?? 60_000,
  });
  return {
    test: (provider, model) => testProviderConnection(context(provider), model),
    capabilities: (provider, model) => checkCapabilities(context(provider), model),
  };
}
