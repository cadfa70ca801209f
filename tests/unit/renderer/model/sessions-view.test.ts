import { describe, expect, it } from 'vitest';
import {
  groupSessions,
  NO_SESSION,
  previousInSession,
} from '../../../../renderer/model/sessions-view.ts';
import { summary } from '../summary-factory.ts';

const at = (receivedAt: number, extra = {}) => ({ receivedAt, done: 100, ...extra });

describe('groupSessions', () => {
  it('groups by session, totals each one and lists the turns oldest first', () => {
    const s1a = summary({
      sessionId: 's1',
      timings: at(1000),
      tokens: { estimatedInput: 9, input: 50, cacheRead: 50, output: 10 },
      costUsd: 0.01,
    });
    const s1b = summary({
      sessionId: 's1',
      timings: at(3000),
      tokens: { estimatedInput: 9, input: 60, output: 5 },
      costUsd: 0.02,
      upstreamModel: 'other',
    });
    const s2 = summary({ sessionId: 's2', timings: at(2000), state: 'error', status: 500 });
    const loose = summary({ timings: at(500) });
    const sessions = groupSessions([s1b, s2, s1a, loose]);
    expect(sessions.map((s) => s.id)).toEqual(['s1', 's2', NO_SESSION]);
    const s1 = sessions[0]!;
    expect(s1.exchangeIds).toEqual([s1a.id, s1b.id]);
    expect(s1.turns).toBe(2);
    expect(s1.inputTokens).toBe(160);
    expect(s1.outputTokens).toBe(15);
    expect(s1.costUsd).toBeCloseTo(0.03);
    expect(s1.durationMs).toBe(2100);
    expect(s1.models).toEqual(['gpt-5-mini', 'other']);
    expect(sessions[1]!.errors).toBe(1);
  });
});

describe('previousInSession', () => {
  it('picks the latest earlier call of the same session, preferring the same requested model', () => {
    const main1 = summary({
      sessionId: 's',
      timings: at(1000),
      requestedModel: 'claude-sonnet-4-6',
    });
    const side = summary({ sessionId: 's', timings: at(1500), requestedModel: 'claude-haiku-4-5' });
    const main2 = summary({
      sessionId: 's',
      timings: at(2000),
      requestedModel: 'claude-sonnet-4-6',
    });
    const other = summary({
      sessionId: 't',
      timings: at(1900),
      requestedModel: 'claude-sonnet-4-6',
    });
    const all = [main1, side, main2, other];
    expect(previousInSession(main2, all)).toBe(main1);
    expect(previousInSession(side, all)).toBe(main1);
    expect(previousInSession(main1, all)).toBeUndefined();
    expect(previousInSession(summary(), all)).toBeUndefined();
  });
});
