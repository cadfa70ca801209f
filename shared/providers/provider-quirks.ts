/**
 * How one upstream differs from plain OpenAI Chat Completions. The request translator reads
 * these flags and never sniffs provider names itself, so adding a provider means adding a
 * preset, not touching the translator.
 */
export type ReasoningRequestStyle =
  /** `reasoning_effort: low|medium|high` (OpenAI, most OpenAI-compatible servers). */
  | 'reasoning_effort'
  /** `reasoning: { effort | max_tokens }` (OpenRouter). */
  | 'openrouter'
  /** `thinking: { type: "enabled" }` plus `reasoning_effort` (DeepSeek). */
  | 'deepseek'
  /** Send no reasoning fields at all. */
  | 'none';

/** Where earlier thinking blocks go when they are echoed back in assistant messages. */
export type ReasoningEchoStyle = 'none' | 'reasoning_content' | 'reasoning' | 'reasoning_details';

export interface ProviderQuirks {
  /** Use `max_completion_tokens` instead of `max_tokens` (OpenAI o-series and gpt-5). */
  maxCompletionTokensField: boolean;
  /** Clamp max_tokens to this; undefined means no cap. */
  maxTokensCap?: number;
  reasoningRequest: ReasoningRequestStyle;
  reasoningEcho: ReasoningEchoStyle;
  /**
   * DeepSeek's rule: reasoning from assistant turns that made tool calls must be echoed in
   * every later request. When false, echo follows `reasoningEcho` for every assistant turn.
   */
  echoReasoningOnlyAroundToolCalls: boolean;
  /** Keep `top_k` (OpenRouter, vLLM, Ollama accept it). */
  keepTopK: boolean;
  /** Drop temperature/top_p/stop (OpenAI reasoning models accept only the defaults). */
  dropSamplingParams: boolean;
  /** Drop tool_choice when thinking is on (DeepSeek's reasoner rejects it). */
  dropToolChoiceWithThinking: boolean;
  /** Recursively clean tool JSON schemas for Gemini's OpenAI endpoint. */
  geminiSchemaCleaning: boolean;
  /** Longest tool-call id the upstream accepts (OpenAI: 40). */
  maxToolCallIdLength: number;
  /** Whether the model takes image input; false turns images into text placeholders. */
  supportsImages: boolean;
  /** Whether PDFs may be sent as `{type:"file"}` parts (OpenAI, OpenRouter). */
  supportsFileParts: boolean;
  /** Extra headers for every upstream call (e.g. OpenRouter's HTTP-Referer and X-Title). */
  extraHeaders: Record<string, string>;
  /**
   * The model reasons whatever the request says (deepseek-reasoner), so rules that apply
   * "when thinking is on" (dropToolChoiceWithThinking) apply to every request.
   */
  alwaysThinks?: boolean;
  /**
   * Gemini 3 rejects a tool-call history without `extra_content.google.thought_signature`
   * on the first call of each assistant turn; the translator sends the carried signature or
   * Google's documented placeholder.
   */
  geminiThoughtSignatures?: boolean;
}
