/**
 * The read-only "exchange view": everything the list, the summary bar and the overview show
 * about one exchange, derived once from its summary. Views read these fields and never look
 * at the wire shapes themselves. Derivation is memoised per summary object, so a row
 * re-renders only when its exchange actually changed (the store replaces summaries, never
 * mutates them).
 */
import type { ExchangeSummary } from '../../shared/traffic/exchange-record.ts';
import { formatClock, formatCost, formatDuration, formatTokens } from './format.ts';

export type ExchangeTone = 'ok' | 'error' | 'live' | 'aborted';

export interface ExchangeView {
  id: string;
  summary: ExchangeSummary;
  time: string;
  requestedModel: string;
  upstreamModel: string;
  /** True when routing changed the model id. */
  modelChanged: boolean;
  provider: string;
  statusText: string;
  tone: ExchangeTone;
  isError: boolean;
  isLive: boolean;
  stream: boolean;
  durationMs?: number;
  duration: string;
  ttftMs?: number;
  ttft: string;
  /** Prompt tokens: the upstream's count (input + cache read + cache write), else the estimate. */
  inputTokens: number;
  inputIsEstimate: boolean;
  outputTokens?: number;
  cachedTokens?: number;
  tokensIn: string;
  tokensOut: string;
  cached: string;
  cost: string;
  stopReason: string;
  errorMessage?: string;
}

const cache = new WeakMap<ExchangeSummary, ExchangeView>();

/** The prompt size the upstream reported (the three Anthropic input fields sum to it). */
export function reportedInputTokens(summary: ExchangeSummary): number | undefined {
  const { input, cacheRead, cacheCreation } = summary.tokens;
  if (input === undefined) return undefined;
  return input + (cacheRead ?? 0) + (cacheCreation ?? 0);
}

export function isTerminal(summary: ExchangeSummary): boolean {
  return summary.state === 'complete' || summary.state === 'error' || summary.state === 'aborted';
}

export function isErrorExchange(summary: ExchangeSummary): boolean {
  return summary.state === 'error' || summary.error !== undefined || (summary.status ?? 0) >= 400;
}

function statusOf(summary: ExchangeSummary): { text: string; tone: ExchangeTone } {
  switch (summary.state) {
    case 'pending':
      return { text: 'pending', tone: 'live' };
    case 'streaming':
      return { text: summary.status ? `${summary.status} ⋯` : 'live', tone: 'live' };
    case 'aborted':
      return { text: 'aborted', tone: 'aborted' };
    case 'error':
      return { text: summary.status ? String(summary.status) : 'error', tone: 'error' };
    case 'complete':
      return {
        text: String(summary.status ?? 200),
        tone: isErrorExchange(summary) ? 'error' : 'ok',
      };
  }
}

export function deriveExchangeView(summary: ExchangeSummary): ExchangeView {
  const hit = cache.get(summary);
  if (hit) return hit;
  const { text, tone } = statusOf(summary);
  const reported = reportedInputTokens(summary);
  const inputTokens = reported ?? summary.tokens.estimatedInput;
  const cachedTokens = summary.tokens.cacheRead;
  const requestedModel = summary.requestedModel ?? '';
  const upstreamModel = summary.upstreamModel ?? '';
  const view: ExchangeView = {
    id: summary.id,
    summary,
    time: formatClock(summary.timings.receivedAt),
    requestedModel,
    upstreamModel,
    modelChanged: upstreamModel !== '' && upstreamModel !== requestedModel,
    provider: summary.provider ?? '',
    statusText: text,
    tone,
    isError: tone === 'error',
    isLive: tone === 'live',
    stream: summary.stream,
    durationMs: summary.timings.done,
    duration: formatDuration(summary.timings.done),
    ttftMs: summary.timings.firstToken,
    ttft: formatDuration(summary.timings.firstToken),
    inputTokens,
    inputIsEstimate: reported === undefined,
    outputTokens: summary.tokens.output,
    cachedTokens,
    tokensIn: `${reported === undefined ? '~' : ''}${formatTokens(inputTokens)}`,
    tokensOut: formatTokens(summary.tokens.output),
    cached: cachedTokens ? formatTokens(cachedTokens) : '',
    cost: formatCost(summary.costUsd),
    stopReason: summary.stopReason ?? '',
    errorMessage: summary.error?.message,
  };
  cache.set(summary, view);
  return view;
}
