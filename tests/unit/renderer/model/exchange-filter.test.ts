import { describe, expect, it } from 'vitest';
import {
  emptyFilters,
  isFilterActive,
  matchesFilters,
  modelOptions,
} from '../../../../renderer/model/exchange-filter.ts';
import { summary } from '../summary-factory.ts';

describe('matchesFilters', () => {
  const ok = summary({ requestedModel: 'claude-sonnet-4-6', upstreamModel: 'gpt-5', stream: true });
  const rateLimited = summary({
    state: 'error',
    status: 429,
    stream: false,
    error: { type: 'rate_limit_error', message: 'Too many requests' },
  });
  const midStreamFailure = summary({
    state: 'error',
    status: 200,
    error: { type: 'api_error', message: 'upstream cut' },
  });
  const live = summary({ state: 'streaming' });

  it('lets everything through with no filter', () => {
    expect(isFilterActive(emptyFilters)).toBe(false);
    expect([ok, rateLimited, live].every((s) => matchesFilters(s, emptyFilters))).toBe(true);
  });

  it('matches the model against the requested and the upstream id', () => {
    expect(matchesFilters(ok, { ...emptyFilters, model: 'gpt-5' })).toBe(true);
    expect(matchesFilters(ok, { ...emptyFilters, model: 'claude-sonnet-4-6' })).toBe(true);
    expect(matchesFilters(ok, { ...emptyFilters, model: 'other' })).toBe(false);
  });

  it('filters by status class, errors only (including failures inside a 200 stream) and stream mode', () => {
    expect(matchesFilters(rateLimited, { ...emptyFilters, status: 'client-error' })).toBe(true);
    expect(matchesFilters(ok, { ...emptyFilters, status: 'client-error' })).toBe(false);
    expect(matchesFilters(midStreamFailure, { ...emptyFilters, status: 'server-error' })).toBe(
      true,
    );
    expect(matchesFilters(live, { ...emptyFilters, status: 'live' })).toBe(true);
    expect(matchesFilters(midStreamFailure, { ...emptyFilters, errorsOnly: true })).toBe(true);
    expect(matchesFilters(ok, { ...emptyFilters, errorsOnly: true })).toBe(false);
    expect(matchesFilters(rateLimited, { ...emptyFilters, stream: 'stream' })).toBe(false);
    expect(matchesFilters(rateLimited, { ...emptyFilters, stream: 'non-stream' })).toBe(true);
  });

  it('searches summary text, and body text only when given', () => {
    expect(matchesFilters(rateLimited, { ...emptyFilters, text: 'too MANY' })).toBe(true);
    expect(matchesFilters(ok, { ...emptyFilters, text: 'secret word' })).toBe(false);
    expect(
      matchesFilters(ok, { ...emptyFilters, text: 'secret word' }, '{"content":"the secret word"}'),
    ).toBe(true);
  });

  it('offers each model id once, sorted', () => {
    expect(modelOptions([ok, summary({ requestedModel: 'a', upstreamModel: 'gpt-5' })])).toEqual([
      'a',
      'claude-sonnet-4-6',
      'gpt-5',
    ]);
  });
});
