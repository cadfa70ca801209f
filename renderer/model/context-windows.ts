/**
 * Context window sizes of well-known upstream models, for the context composition's gauge.
 * Matched on the model id (provider prefixes like "openai/" or "deepseek/" ignored); an
 * unknown model simply shows no gauge rather than a guessed one. Sizes in tokens, from the
 * providers' model pages (Nov 2026).
 */

const WINDOWS: readonly [RegExp, number][] = [
  [/^gpt-5/, 400_000],
  [/^gpt-4\.1/, 1_047_576],
  [/^gpt-4o/, 128_000],
  [/^gpt-4-turbo/, 128_000],
  [/^o[134](-mini|-pro)?\b/, 200_000],
  [/^claude-/, 200_000],
  [/^deepseek/, 128_000],
  [/^gemini-(2\.5|3)/, 1_048_576],
  [/^gemini-2\.0/, 1_048_576],
  [/^(meta-llama\/)?llama-3\.[123]/, 128_000],
  [/^(llama-4|meta-llama\/llama-4)/, 1_000_000],
  [/^qwen3?-coder/, 262_144],
  [/^qwen/, 131_072],
  [/^kimi-k2/, 262_144],
  [/^glm-4\.[56]/, 131_072],
  [/^mistral-large/, 131_072],
  [/^codestral/, 256_000],
  [/^grok-4/, 256_000],
];

export function contextWindowOf(model: string | undefined): number | undefined {
  if (!model) return undefined;
  const id = model
    .toLowerCase()
    .replace(/^[a-z0-9_-]+\/(?=[a-z])/, (prefix) => (prefix === 'meta-llama/' ? prefix : ''));
  for (const [pattern, size] of WINDOWS) if (pattern.test(id)) return size;
  return undefined;
}
