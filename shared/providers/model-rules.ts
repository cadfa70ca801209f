/**
 * Facts about upstream model families that change how a request must look, keyed on the
 * model id. Matching uses the id's last path segment in lower case, so "openai/o3",
 * "azure/gpt-5" and "O3" all match "o3". Limits are the documented maximum output tokens;
 * sending more is a 400 ("Invalid max_tokens value", CLIProxyAPI#599). Checked Nov 2026.
 */

export function bareModelId(model: string): string {
  const id = model.toLowerCase();
  return id.slice(id.lastIndexOf('/') + 1);
}

/** OpenAI o-series and gpt-5: max_completion_tokens only, default sampling only. */
export function isOpenAIReasoningModel(model: string): boolean {
  return /^(o\d|gpt-5)/.test(bareModelId(model));
}

const OPENAI_OUTPUT_LIMITS: readonly [RegExp, number][] = [
  [/^(gpt-4o|chatgpt-4o)/, 16384],
  [/^gpt-4\.1/, 32768],
  [/^(gpt-4|gpt-3\.5)/, 4096],
  [/^o1-mini/, 65536],
  [/^o\d/, 100000],
  [/^gpt-5/, 128000],
];

export function openAIMaxOutputTokens(model: string): number | undefined {
  const id = bareModelId(model);
  return OPENAI_OUTPUT_LIMITS.find(([pattern]) => pattern.test(id))?.[1];
}

/** deepseek-chat tops out at 8K output, deepseek-reasoner at 64K. */
export function deepSeekMaxOutputTokens(model: string): number | undefined {
  const id = bareModelId(model);
  if (id === 'deepseek-chat') return 8192;
  if (id === 'deepseek-reasoner') return 64000;
  return undefined;
}

/** deepseek-reasoner thinks on every call, whatever the request says. */
export function isDeepSeekReasoner(model: string): boolean {
  return bareModelId(model) === 'deepseek-reasoner';
}

/** The original R1 400'd when reasoning_content was sent back; later models require it. */
export function isDeepSeekR1(model: string): boolean {
  return /(^|[-_])r1([-_:]|$)/.test(bareModelId(model));
}

/** Mistral's chat template (vLLM, Mistral's API) wants tool-call ids of exactly 9 chars. */
export function isMistralFamily(model: string): boolean {
  return /mistral|mixtral|codestral|devstral|magistral|ministral|pixtral/.test(bareModelId(model));
}

/** Gemini before 2.5 has no thinking, and Gemini 3 is the first to need thought signatures. */
export function geminiGeneration(model: string): number | undefined {
  const match = /gemini-(\d+(?:\.\d+)?)/.exec(bareModelId(model));
  return match ? Number(match[1]) : undefined;
}

/** Groq: gpt-oss takes reasoning_effort; output limits differ per model, 32K is the common one. */
export function isGroqGptOss(model: string): boolean {
  return bareModelId(model).startsWith('gpt-oss');
}

export function groqMaxOutputTokens(model: string): number {
  const id = bareModelId(model);
  if (id.startsWith('gpt-oss')) return 65536;
  if (id.startsWith('kimi-k2')) return 16384;
  return 32768;
}

/** Groq serves images only to its vision models (Llama 4). */
export function isGroqVisionModel(model: string): boolean {
  return /llama-4|vision/.test(bareModelId(model));
}
