import { describe, expect, it } from 'vitest';
import {
  detectPresetFromBaseUrl,
  PRESETS,
  PROVIDER_PRESET_IDS,
  quirksFor,
  type ProviderPresetId,
} from '../../../shared/providers/provider-presets.ts';
import type { ProviderQuirks } from '../../../shared/providers/provider-quirks.ts';

describe('detectPresetFromBaseUrl', () => {
  it.each<[string, ProviderPresetId]>([
    ['https://openrouter.ai/api/v1', 'openrouter'],
    ['https://api.openai.com/v1', 'openai'],
    ['https://api.deepseek.com', 'deepseek'],
    ['https://api.deepseek.com/v1/', 'deepseek'],
    ['https://generativelanguage.googleapis.com/v1beta/openai/', 'gemini'],
    ['https://api.groq.com/openai/v1', 'groq'],
    ['HTTPS://API.GROQ.COM/openai/v1', 'groq'],
    ['http://localhost:11434/v1', 'ollama'],
    ['http://ollama:11434', 'ollama'],
    ['http://127.0.0.1:1234/v1', 'lmstudio'],
    ['http://[::1]:1234/v1', 'lmstudio'],
    ['http://localhost:8000/v1', 'custom'],
    ['https://my-proxy.example.com/v1', 'custom'],
    ['https://openrouter.ai.evil.example/v1', 'custom'],
    ['https://user:pass@api.openai.com/v1', 'openai'],
    ['not a url', 'custom'],
    ['', 'custom'],
  ])('%s → %s', (url, preset) => {
    expect(detectPresetFromBaseUrl(url)).toBe(preset);
  });
});

describe('PRESETS', () => {
  it('lists every preset id with a label, and a default base URL for all but custom', () => {
    expect(Object.keys(PRESETS)).toEqual([...PROVIDER_PRESET_IDS]);
    for (const id of PROVIDER_PRESET_IDS) {
      expect(PRESETS[id].label).not.toBe('');
      if (id !== 'custom') expect(PRESETS[id].defaultBaseUrl).toMatch(/^https?:\/\//);
    }
  });

  it('has default base URLs that detect back to their own preset (where detectable)', () => {
    for (const id of [
      'openrouter',
      'openai',
      'deepseek',
      'gemini',
      'groq',
      'ollama',
      'lmstudio',
    ] as const) {
      expect(detectPresetFromBaseUrl(PRESETS[id].defaultBaseUrl)).toBe(id);
    }
  });
});

const PLAIN: ProviderQuirks = {
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

describe('quirksFor', () => {
  it.each<[string, ProviderPresetId, string, Partial<ProviderQuirks>]>([
    ['custom is plain OpenAI-compatible', 'custom', 'qwen3-coder', {}],
    ['litellm is plain OpenAI-compatible', 'litellm', 'claude-proxy-model', {}],
    [
      'OpenRouter: its reasoning style, reasoning_details echo, top_k, files, X-Title',
      'openrouter',
      'anthropic/claude-sonnet-4.5',
      {
        reasoningRequest: 'openrouter',
        reasoningEcho: 'reasoning_details',
        keepTopK: true,
        supportsFileParts: true,
        extraHeaders: { 'X-Title': 'Anthropic Proxy' },
      },
    ],
    [
      'OpenAI gpt-4o: no reasoning fields, 16K output, files',
      'openai',
      'gpt-4o',
      { reasoningRequest: 'none', maxTokensCap: 16384, supportsFileParts: true },
    ],
    [
      'OpenAI gpt-4.1: 32K output',
      'openai',
      'gpt-4.1-mini',
      { reasoningRequest: 'none', maxTokensCap: 32768, supportsFileParts: true },
    ],
    ...(['o1', 'o3', 'o4-mini', 'gpt-5', 'gpt-5.1-codex'] as const).map(
      (model): [string, ProviderPresetId, string, Partial<ProviderQuirks>] => [
        `OpenAI ${model}: max_completion_tokens, default sampling only`,
        'openai',
        model,
        {
          maxCompletionTokensField: true,
          dropSamplingParams: true,
          supportsFileParts: true,
          maxTokensCap: model.startsWith('gpt-5') ? 128000 : 100000,
        },
      ],
    ),
    [
      'custom o3 (e.g. Azure behind a custom URL): the o-series rules too',
      'custom',
      'azure/o3',
      { maxCompletionTokensField: true, dropSamplingParams: true },
    ],
    [
      'DeepSeek chat: 8K cap, reasoning_content around tool calls, no tool_choice while thinking, no images',
      'deepseek',
      'deepseek-chat',
      {
        reasoningRequest: 'deepseek',
        reasoningEcho: 'reasoning_content',
        echoReasoningOnlyAroundToolCalls: true,
        dropToolChoiceWithThinking: true,
        alwaysThinks: false,
        maxTokensCap: 8192,
        supportsImages: false,
      },
    ],
    [
      'DeepSeek reasoner: 64K cap, always thinks',
      'deepseek',
      'deepseek-reasoner',
      {
        reasoningRequest: 'deepseek',
        reasoningEcho: 'reasoning_content',
        echoReasoningOnlyAroundToolCalls: true,
        dropToolChoiceWithThinking: true,
        alwaysThinks: true,
        maxTokensCap: 64000,
        supportsImages: false,
      },
    ],
    [
      'DeepSeek R1: no reasoning echo (it 400s on it)',
      'deepseek',
      'deepseek-r1',
      {
        reasoningRequest: 'deepseek',
        reasoningEcho: 'none',
        echoReasoningOnlyAroundToolCalls: true,
        dropToolChoiceWithThinking: true,
        alwaysThinks: false,
        supportsImages: false,
      },
    ],
    [
      'Gemini 3: schema cleaning and thought signatures',
      'gemini',
      'gemini-3-pro-preview',
      { geminiSchemaCleaning: true, geminiThoughtSignatures: true },
    ],
    [
      'Gemini 2.5: schema cleaning, no thought signatures',
      'gemini',
      'gemini-2.5-flash',
      { geminiSchemaCleaning: true, geminiThoughtSignatures: false },
    ],
    [
      'Gemini 2.0: no thinking',
      'gemini',
      'gemini-2.0-flash',
      { geminiSchemaCleaning: true, reasoningRequest: 'none', geminiThoughtSignatures: false },
    ],
    [
      'Groq llama: 32K cap, no reasoning fields, no images',
      'groq',
      'llama-3.3-70b-versatile',
      { reasoningRequest: 'none', maxTokensCap: 32768, supportsImages: false },
    ],
    [
      'Groq gpt-oss: reasoning_effort, 64K cap',
      'groq',
      'openai/gpt-oss-120b',
      { maxTokensCap: 65536, supportsImages: false },
    ],
    [
      'Groq Llama 4: images',
      'groq',
      'meta-llama/llama-4-scout-17b-16e-instruct',
      { reasoningRequest: 'none', maxTokensCap: 32768 },
    ],
    ['Ollama: top_k', 'ollama', 'qwen3:30b', { keepTopK: true }],
    ['LM Studio: top_k', 'lmstudio', 'qwen/qwen3-coder-30b', { keepTopK: true }],
    [
      'vLLM: top_k and `reasoning` echo',
      'vllm',
      'Qwen/Qwen3-Coder-30B',
      { keepTopK: true, reasoningEcho: 'reasoning' },
    ],
    [
      'vLLM Mistral: 9-char tool-call ids',
      'vllm',
      'mistralai/Devstral-Small-2507',
      { keepTopK: true, reasoningEcho: 'reasoning', maxToolCallIdLength: 9 },
    ],
    [
      'custom Mistral: 9-char tool-call ids',
      'custom',
      'mistral-large-latest',
      { maxToolCallIdLength: 9 },
    ],
  ])('%s', (_name, preset, model, overrides) => {
    expect(quirksFor(preset, model)).toEqual({ ...PLAIN, ...overrides });
  });

  it('OpenRouter sends HTTP-Referer from the referrer URL, beside X-Title', () => {
    expect(
      quirksFor('openrouter', 'x/y', { referrerUrl: 'https://example.com' }).extraHeaders,
    ).toEqual({
      'HTTP-Referer': 'https://example.com',
      'X-Title': 'Anthropic Proxy',
    });
  });

  it('returns a fresh object each time, so callers may change it', () => {
    const first = quirksFor('custom', 'm');
    first.extraHeaders['X-Mine'] = '1';
    first.keepTopK = true;
    expect(quirksFor('custom', 'm')).toEqual(PLAIN);
  });
});
