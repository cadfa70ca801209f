/**
 * Fuzz of the request translator: random valid Anthropic requests (every block kind, tool
 * and thinking mode, see anthropic-request-arbitrary.ts), for every provider preset with
 * the upstream models that switch its quirks on, and for arbitrary quirk combinations (a
 * user can override each quirk in the settings). translateRequest must never throw, and its
 * output must pass the structural OpenAI check of openai-request-validator.ts, map every
 * tool name back to one the client used, and leave the client's request untouched.
 * FUZZ_RUNS cases per property (FC_NUM_RUNS; `npm run fuzz` runs 10,000).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PROVIDER_PRESET_IDS,
  quirksFor,
  type ProviderPresetId,
} from '../../shared/providers/provider-presets.ts';
import type { ProviderQuirks } from '../../shared/providers/provider-quirks.ts';
import type { AnthropicMessagesRequest } from '../../shared/translate/anthropic-request-types.ts';
import { translateRequest } from '../../shared/translate/request-translator.ts';
import { originalToolName } from '../../shared/translate/tool-name-alias.ts';
import type { UpstreamMessage } from '../../shared/translate/upstream-request-types.ts';
import { parseMessagesRequest } from '../../shared/validation/anthropic-request-schema.ts';
import { anthropicRequestArb } from './anthropic-request-arbitrary.ts';
import { fuzzParameters, fuzzTimeout } from './fuzz-runs.ts';
import { openAIRequestProblems } from './openai-request-validator.ts';

/** Upstream models that turn each preset's model-dependent quirks on and off. */
const MODELS: Record<ProviderPresetId, readonly string[]> = {
  openrouter: ['anthropic/claude-sonnet-4.5', 'openai/o3', 'deepseek/deepseek-r1'],
  openai: ['gpt-4o', 'gpt-4.1', 'o3', 'gpt-5', 'gpt-3.5-turbo'],
  deepseek: ['deepseek-chat', 'deepseek-reasoner', 'deepseek-r1'],
  gemini: ['gemini-2.0-flash', 'gemini-2.5-pro', 'gemini-3-pro-preview', 'gemini-flash-latest'],
  groq: ['llama-4-scout', 'gpt-oss-120b', 'kimi-k2-instruct', 'qwen3-32b'],
  ollama: ['qwen3:8b', 'mistral-small'],
  lmstudio: ['llama-3.1-8b'],
  vllm: ['mistralai/Mistral-Large', 'Qwen/Qwen3-32B'],
  litellm: ['o4-mini', 'claude-proxy'],
  custom: ['gpt-5-mini', 'devstral', 'anything'],
};

const presetTarget = fc
  .constantFrom(...PROVIDER_PRESET_IDS)
  .chain((preset) =>
    fc.record({ preset: fc.constant(preset), model: fc.constantFrom(...MODELS[preset]) }),
  );

/** Any quirk combination the settings could produce (each quirk can be overridden). */
const anyQuirks: fc.Arbitrary<ProviderQuirks> = fc.record(
  {
    maxCompletionTokensField: fc.boolean(),
    maxTokensCap: fc.integer({ min: 1, max: 200_000 }),
    reasoningRequest: fc.constantFrom('reasoning_effort', 'openrouter', 'deepseek', 'none'),
    reasoningEcho: fc.constantFrom('none', 'reasoning_content', 'reasoning', 'reasoning_details'),
    echoReasoningOnlyAroundToolCalls: fc.boolean(),
    keepTopK: fc.boolean(),
    dropSamplingParams: fc.boolean(),
    dropToolChoiceWithThinking: fc.boolean(),
    geminiSchemaCleaning: fc.boolean(),
    maxToolCallIdLength: fc.constantFrom(9, 16, 40, 64),
    supportsImages: fc.boolean(),
    supportsFileParts: fc.boolean(),
    extraHeaders: fc.constant({}),
    alwaysThinks: fc.boolean(),
    geminiThoughtSignatures: fc.boolean(),
  },
  {
    requiredKeys: [
      'maxCompletionTokensField',
      'reasoningRequest',
      'reasoningEcho',
      'echoReasoningOnlyAroundToolCalls',
      'keepTopK',
      'dropSamplingParams',
      'dropToolChoiceWithThinking',
      'geminiSchemaCleaning',
      'maxToolCallIdLength',
      'supportsImages',
      'supportsFileParts',
      'extraHeaders',
    ],
  },
);

function thinkingOn(request: AnthropicMessagesRequest, quirks: ProviderQuirks): boolean {
  const type = (request.thinking as { type?: unknown } | null | undefined)?.type;
  return (
    quirks.alwaysThinks === true ||
    type === 'enabled' ||
    type === 'adaptive' ||
    type === 'between_tools'
  );
}

/** Every tool name the client used, in definitions and in tool_use blocks. */
function clientToolNames(request: AnthropicMessagesRequest): Set<string> {
  const names = new Set<string>();
  for (const tool of request.tools ?? []) {
    const name = (tool as { name?: unknown }).name;
    if (typeof name === 'string') names.add(name);
  }
  for (const message of request.messages) {
    if (typeof message.content === 'string') continue;
    for (const block of message.content) if (block.type === 'tool_use') names.add(block.name);
  }
  return names;
}

function upstreamToolNames(messages: readonly UpstreamMessage[], tools: unknown): string[] {
  const names = ((tools ?? []) as { function: { name: string } }[]).map(
    (tool) => tool.function.name,
  );
  for (const message of messages) {
    if (message.role !== 'assistant') continue;
    for (const call of message.tool_calls ?? []) names.push(call.function.name);
  }
  return names;
}

/** Translates and returns every problem with the result (an empty list is a pass). */
function check(request: AnthropicMessagesRequest, quirks: ProviderQuirks): string[] {
  expect(parseMessagesRequest(request).ok).toBe(true);
  const before = JSON.stringify(request);
  const { body, toolNames } = translateRequest(request, {
    upstreamModel: 'upstream-model',
    quirks,
  });
  const problems = openAIRequestProblems({
    body,
    quirks,
    requestedMaxTokens: request.max_tokens,
    stream: request.stream === true,
    thinkingOn: thinkingOn(request, quirks),
  });
  if (JSON.stringify(request) !== before) problems.push('request: the client request was changed');
  const known = clientToolNames(request);
  for (const name of upstreamToolNames(body.messages, body.tools)) {
    if (!known.has(originalToolName(toolNames, name)))
      problems.push(`tool name ${name}: maps back to no name the client used`);
  }
  const again = translateRequest(request, { upstreamModel: 'upstream-model', quirks });
  if (JSON.stringify(again.body) !== JSON.stringify(body))
    problems.push('body: a second translation of the same request differs');
  return problems;
}

describe('request translator fuzz', () => {
  it(
    'turns any valid request into a valid OpenAI request for every preset and model',
    () => {
      fc.assert(
        fc.property(anthropicRequestArb, presetTarget, (request, { preset, model }) => {
          expect(
            check(request, quirksFor(preset, model, { referrerUrl: 'https://example.org' })),
          ).toEqual([]);
        }),
        fuzzParameters(),
      );
    },
    fuzzTimeout(5),
  );

  it(
    'turns any valid request into a valid OpenAI request under any quirk combination',
    () => {
      fc.assert(
        fc.property(anthropicRequestArb, anyQuirks, (request, quirks) => {
          expect(check(request, quirks)).toEqual([]);
        }),
        fuzzParameters(),
      );
    },
    fuzzTimeout(5),
  );
});
