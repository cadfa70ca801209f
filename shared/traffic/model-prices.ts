/**
 * Rough cost estimates for a few well-known upstream models, so the inspector can show what a
 * call cost. These are list prices in USD per million tokens as published by the vendors in
 * 2025; they change, differ per provider and ignore discounts, so every figure derived from
 * them is an ESTIMATE. Unknown models (local ones, most OpenRouter ids) get no cost at all
 * rather than a guess. OpenRouter's `:free` variants cost nothing.
 */
import type { TokenCounts } from './exchange-record.ts';

export interface ModelPrice {
  /** USD per 1M uncached input tokens. */
  input: number;
  /** USD per 1M output tokens. */
  output: number;
  /** USD per 1M cached input tokens (cache reads); defaults to `input`. */
  cachedInput?: number;
}

export const MODEL_PRICES: Readonly<Record<string, ModelPrice>> = {
  'gpt-4o': { input: 2.5, output: 10, cachedInput: 1.25 },
  'gpt-4o-mini': { input: 0.15, output: 0.6, cachedInput: 0.075 },
  'gpt-4.1': { input: 2, output: 8, cachedInput: 0.5 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6, cachedInput: 0.1 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4, cachedInput: 0.025 },
  'o4-mini': { input: 1.1, output: 4.4, cachedInput: 0.275 },
  o3: { input: 2, output: 8, cachedInput: 0.5 },
  'deepseek-chat': { input: 0.28, output: 0.42, cachedInput: 0.028 },
  'deepseek-reasoner': { input: 0.28, output: 0.42, cachedInput: 0.028 },
};

/** A dated snapshot of a listed model (e.g. gpt-4o-2024-08-06) costs the same. */
const DATED_SUFFIX = /^-\d{4}-\d{2}-\d{2}$/;

export function modelPrice(upstreamModel: string | undefined): ModelPrice | undefined {
  if (!upstreamModel) return undefined;
  const lower = upstreamModel.toLowerCase();
  if (lower.endsWith(':free')) return { input: 0, output: 0 };
  // "openai/gpt-4o" (OpenRouter, LiteLLM) → "gpt-4o".
  const name = lower.slice(lower.lastIndexOf('/') + 1);
  const exact = MODEL_PRICES[name];
  if (exact) return exact;
  for (const [key, price] of Object.entries(MODEL_PRICES)) {
    if (name.startsWith(key) && DATED_SUFFIX.test(name.slice(key.length))) return price;
  }
  return undefined;
}

/**
 * Estimated USD for a finished call; undefined when the model's price or the reported usage
 * is unknown. Token counts follow Anthropic's convention: `input` excludes cache reads.
 */
export function estimateCostUsd(
  upstreamModel: string | undefined,
  tokens: TokenCounts,
): number | undefined {
  const price = modelPrice(upstreamModel);
  if (!price || tokens.input === undefined || tokens.output === undefined) return undefined;
  const cached = tokens.cacheRead ?? 0;
  const uncached = tokens.input + (tokens.cacheCreation ?? 0);
  const usd =
    uncached * price.input +
    cached * (price.cachedInput ?? price.input) +
    tokens.output * price.output;
  return usd / 1_000_000;
}
