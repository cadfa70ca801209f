/**
 * Groups exchanges into Claude Code sessions (the summary's sessionId: the
 * x-claude-code-session-id header, else the session in metadata.user_id, resolved by the
 * recorder) and totals each session. Exchanges without a session id form one group of their
 * own so nothing disappears from the sessions view.
 */
import type { ExchangeSummary } from '../../shared/traffic/exchange-record.ts';
import { isErrorExchange, reportedInputTokens } from './exchange-view.ts';

export const NO_SESSION = '(no session)';

export interface SessionView {
  id: string;
  /** Exchange ids, oldest first. */
  exchangeIds: string[];
  turns: number;
  errors: number;
  inputTokens: number;
  outputTokens: number;
  costUsd?: number;
  firstAt: number;
  lastAt: number;
  /** From the first call's arrival to the last call's end (or arrival while it runs). */
  durationMs: number;
  /** Upstream models used (requested ids where unrouted), in order of first use. */
  models: string[];
  client?: string;
}

/**
 * @param summaries in any order; each session's turns come out oldest first and the
 *   sessions most recently active first.
 */
export function groupSessions(summaries: Iterable<ExchangeSummary>): SessionView[] {
  const groups = new Map<string, ExchangeSummary[]>();
  for (const s of summaries) {
    const key = s.sessionId ?? NO_SESSION;
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(s);
  }
  const sessions: SessionView[] = [];
  for (const [id, list] of groups) {
    list.sort((a, b) => a.timings.receivedAt - b.timings.receivedAt);
    const models: string[] = [];
    let inputTokens = 0;
    let outputTokens = 0;
    let cost: number | undefined;
    let errors = 0;
    let lastEnd = 0;
    for (const s of list) {
      const model = s.upstreamModel ?? s.requestedModel;
      if (model && !models.includes(model)) models.push(model);
      inputTokens += reportedInputTokens(s) ?? s.tokens.estimatedInput;
      outputTokens += s.tokens.output ?? 0;
      if (s.costUsd !== undefined) cost = (cost ?? 0) + s.costUsd;
      if (isErrorExchange(s)) errors += 1;
      lastEnd = Math.max(lastEnd, s.timings.receivedAt + (s.timings.done ?? 0));
    }
    const firstAt = list[0]!.timings.receivedAt;
    const lastAt = list[list.length - 1]!.timings.receivedAt;
    sessions.push({
      id,
      exchangeIds: list.map((s) => s.id),
      turns: list.length,
      errors,
      inputTokens,
      outputTokens,
      costUsd: cost,
      firstAt,
      lastAt,
      durationMs: lastEnd - firstAt,
      models,
      client: list.find((s) => s.client)?.client,
    });
  }
  // Real sessions first, most recently active on top; loose calls gathered at the end.
  return sessions.sort(
    (a, b) => Number(a.id === NO_SESSION) - Number(b.id === NO_SESSION) || b.lastAt - a.lastAt,
  );
}

/**
 * The exchange of the same session that came just before this one: "what's new" compares
 * against it. Claude Code interleaves side calls (titles, summaries) with the main loop in one
 * session, so a previous call to the same requested model wins over a closer call to another.
 */
export function previousInSession(
  target: ExchangeSummary,
  summaries: Iterable<ExchangeSummary>,
): ExchangeSummary | undefined {
  if (target.sessionId === undefined) return undefined;
  let sameModel: ExchangeSummary | undefined;
  let any: ExchangeSummary | undefined;
  const before = (a: ExchangeSummary, b: ExchangeSummary) =>
    a.timings.receivedAt < b.timings.receivedAt ||
    (a.timings.receivedAt === b.timings.receivedAt && a.id < b.id);
  for (const s of summaries) {
    if (s.id === target.id || s.sessionId !== target.sessionId || !before(s, target)) continue;
    if (!any || before(any, s)) any = s;
    if (s.requestedModel === target.requestedModel && (!sameModel || before(sameModel, s)))
      sameModel = s;
  }
  return sameModel ?? any;
}
