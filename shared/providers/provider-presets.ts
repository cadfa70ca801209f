/**
 * The upstreams this proxy knows by name, and the ProviderQuirks each needs for a given model
 * (protocol-checklist §6). The request translator reads only the quirks, so a new provider is
 * a new entry here. Unknown servers get `custom`: plain OpenAI-compatible, `reasoning_effort`
 * for thinking and no reasoning echo, the choice least likely to 400.
 *
 * Choices worth knowing:
 * - OpenRouter echoes reasoning as `reasoning_details`, not `reasoning`: the details carry
 *   the signatures and encrypted blocks that Anthropic and Gemini models behind OpenRouter
 *   need back during tool use; plain `reasoning` text loses them.
 * - top_k is kept where the server documents it: OpenRouter, vLLM, Ollama, LM Studio.
 * - The o-series/gpt-5 rules also apply to `custom` and `litellm`, which often front Azure
 *   or OpenAI itself; OpenRouter normalises them on its side.
 * - Mistral-family models on self-hosted or custom servers get 9-char tool-call ids.
 */
import type { ProviderQuirks } from './provider-quirks.ts';
import {
  deepSeekMaxOutputTokens,
  geminiGeneration,
  groqMaxOutputTokens,
  isDeepSeekR1,
  isDeepSeekReasoner,
  isGroqGptOss,
  isGroqVisionModel,
  isMistralFamily,
  isOpenAIReasoningModel,
  openAIMaxOutputTokens,
} from './model-rules.ts';

/** Every preset id, in the order a settings form lists them. */
export const PROVIDER_PRESET_IDS = [
  'openrouter',
  'openai',
  'deepseek',
  'gemini',
  'groq',
  'ollama',
  'lmstudio',
  'vllm',
  'litellm',
  'custom',
] as const;

export type ProviderPresetId = (typeof PROVIDER_PRESET_IDS)[number];

export const PRESETS: Record<ProviderPresetId, { label: string; defaultBaseUrl: string }> = {
  openrouter: { label: 'OpenRouter', defaultBaseUrl: 'https://openrouter.ai/api/v1' },
  openai: { label: 'OpenAI', defaultBaseUrl: 'https://api.openai.com/v1' },
  deepseek: { label: 'DeepSeek', defaultBaseUrl: 'https://api.deepseek.com/v1' },
  gemini: {
    label: 'Google Gemini (OpenAI endpoint)',
    defaultBaseUrl: 'https://generativelanguage.googleapis.com/v1beta/openai',
  },
  groq: { label: 'Groq', defaultBaseUrl: 'https://api.groq.com/openai/v1' },
  // 127.0.0.1 rather than localhost: these servers listen on IPv4 loopback by default.
  ollama: { label: 'Ollama', defaultBaseUrl: 'http://127.0.0.1:11434/v1' },
  lmstudio: { label: 'LM Studio', defaultBaseUrl: 'http://127.0.0.1:1234/v1' },
  vllm: { label: 'vLLM', defaultBaseUrl: 'http://127.0.0.1:8000/v1' },
  litellm: { label: 'LiteLLM', defaultBaseUrl: 'http://127.0.0.1:4000/v1' },
  custom: { label: 'Custom (OpenAI-compatible)', defaultBaseUrl: '' },
};

export const OPENROUTER_APP_TITLE = 'Anthropic Proxy';

const HOST_PRESETS: readonly [string, ProviderPresetId][] = [
  ['openrouter.ai', 'openrouter'],
  ['api.openai.com', 'openai'],
  ['api.deepseek.com', 'deepseek'],
  ['generativelanguage.googleapis.com', 'gemini'],
  ['api.groq.com', 'groq'],
];

const PORT_PRESETS: Record<string, ProviderPresetId> = { '11434': 'ollama', '1234': 'lmstudio' };

/** Guesses the preset from a base URL; anything unrecognised is `custom`. */
export function detectPresetFromBaseUrl(baseUrl: string): ProviderPresetId {
  // No URL global in shared/'s type environment; an authority regex is enough here.
  const authority = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)(?::(\d+))?/i.exec(
    baseUrl.trim(),
  );
  if (!authority) return 'custom';
  const host = authority[1].toLowerCase();
  const port = authority[2];
  for (const [domain, preset] of HOST_PRESETS) {
    if (host === domain || host.endsWith(`.${domain}`)) return preset;
  }
  return (port !== undefined && PORT_PRESETS[port]) || 'custom';
}

/** Plain OpenAI-compatible behaviour; presets override what differs. */
const BASE_QUIRKS: ProviderQuirks = {
  maxCompletionTokensField: false,
  reasoningRequest: 'reasoning_effort',
  reasoningEcho: 'none',
  echoReasoningOnlyAroundToolCalls: false,
  keepTopK: false,
  dropSamplingParams: false,
  dropToolChoiceWithThinking: false,
  geminiSchemaCleaning: false,
  maxToolCallIdLength: 40,
  supportsImages: true,
  supportsFileParts: false,
  extraHeaders: {},
};

const MISTRAL_TOOL_CALL_ID_LENGTH = 9;

function openAIModelQuirks(model: string): Partial<ProviderQuirks> {
  const reasoning = isOpenAIReasoningModel(model);
  return reasoning ? { maxCompletionTokensField: true, dropSamplingParams: true } : {};
}

function selfHostedQuirks(model: string): Partial<ProviderQuirks> {
  return isMistralFamily(model) ? { maxToolCallIdLength: MISTRAL_TOOL_CALL_ID_LENGTH } : {};
}

function presetQuirks(
  preset: ProviderPresetId,
  model: string,
  referrerUrl: string | undefined,
): Partial<ProviderQuirks> {
  switch (preset) {
    case 'openrouter':
      return {
        reasoningRequest: 'openrouter',
        reasoningEcho: 'reasoning_details',
        keepTopK: true,
        supportsFileParts: true,
        extraHeaders: {
          ...(referrerUrl && { 'HTTP-Referer': referrerUrl }),
          'X-Title': OPENROUTER_APP_TITLE,
        },
      };
    case 'openai':
      return {
        ...openAIModelQuirks(model),
        // Chat models without reasoning 400 on reasoning_effort.
        reasoningRequest: isOpenAIReasoningModel(model) ? 'reasoning_effort' : 'none',
        maxTokensCap: openAIMaxOutputTokens(model),
        supportsFileParts: true,
      };
    case 'deepseek':
      return {
        reasoningRequest: 'deepseek',
        reasoningEcho: isDeepSeekR1(model) ? 'none' : 'reasoning_content',
        echoReasoningOnlyAroundToolCalls: true,
        dropToolChoiceWithThinking: true,
        alwaysThinks: isDeepSeekReasoner(model),
        maxTokensCap: deepSeekMaxOutputTokens(model),
        supportsImages: false,
      };
    case 'gemini': {
      const generation = geminiGeneration(model);
      return {
        geminiSchemaCleaning: true,
        // Before 2.5 Gemini has no thinking; unknown ids ("gemini-flash-latest") are current.
        reasoningRequest:
          generation !== undefined && generation < 2.5 ? 'none' : 'reasoning_effort',
        geminiThoughtSignatures: generation === undefined || generation >= 3,
      };
    }
    case 'groq':
      return {
        reasoningRequest: isGroqGptOss(model) ? 'reasoning_effort' : 'none',
        maxTokensCap: groqMaxOutputTokens(model),
        supportsImages: isGroqVisionModel(model),
      };
    case 'ollama':
    case 'lmstudio':
      return { keepTopK: true, ...selfHostedQuirks(model) };
    case 'vllm':
      return { keepTopK: true, reasoningEcho: 'reasoning', ...selfHostedQuirks(model) };
    case 'litellm':
    case 'custom':
      return { ...openAIModelQuirks(model), ...selfHostedQuirks(model) };
  }
}

export function quirksFor(
  preset: ProviderPresetId,
  upstreamModel: string,
  opts: { referrerUrl?: string } = {},
): ProviderQuirks {
  const overrides = presetQuirks(preset, upstreamModel, opts.referrerUrl);
  const quirks: ProviderQuirks = { ...BASE_QUIRKS, extraHeaders: {}, ...overrides };
  // Leave optional fields absent rather than present-but-undefined.
  for (const key of Object.keys(quirks) as (keyof ProviderQuirks)[]) {
    if (quirks[key] === undefined) delete quirks[key];
  }
  return quirks;
}
