/**
 * Builders of ExchangeSummary/ExchangeRecord values for the renderer's unit tests: a
 * complete, valid object with only the fields a test cares about overridden.
 */
import type {
  ExchangeRecord,
  ExchangeSummary,
  TimedItem,
} from '../../../shared/traffic/exchange-record.ts';

let counter = 0;

export function summary(overrides: Partial<ExchangeSummary> = {}): ExchangeSummary {
  counter += 1;
  return {
    id: `ex-${counter}`,
    state: 'complete',
    method: 'POST',
    path: '/v1/messages',
    requestedModel: 'claude-sonnet-4-6',
    provider: 'openrouter',
    upstreamModel: 'gpt-5-mini',
    stream: true,
    status: 200,
    stopReason: 'end_turn',
    timings: {
      receivedAt: 1_700_000_000_000 + counter * 1000,
      upstreamSent: 2,
      upstreamHeaders: 40,
      firstToken: 90,
      done: 400,
    },
    tokens: { estimatedInput: 120, input: 100, output: 20 },
    notes: [],
    openaiChunkCount: 0,
    anthropicEventCount: 0,
    ...overrides,
  };
}

export function record(
  base: ExchangeSummary,
  overrides: Partial<ExchangeRecord> = {},
): ExchangeRecord {
  return {
    ...base,
    requestHeaders: { 'content-type': 'application/json' },
    anthropicRequest: {
      model: base.requestedModel,
      max_tokens: 100,
      messages: [{ role: 'user', content: 'hi' }],
    },
    ...overrides,
  };
}

export function items(from: number, to: number): TimedItem[] {
  const out: TimedItem[] = [];
  for (let i = from; i < to; i++) out.push({ offsetMs: i * 10, data: { n: i } });
  return out;
}
