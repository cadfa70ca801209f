/**
 * The overview's waterfall: the phases of one call laid out on a shared time axis, from the
 * recorder's marks (received → upstream sent → upstream headers → first token → done). A
 * call still running is drawn up to `now`, its open phase flagged as live.
 */
import type { ExchangeSummary } from '../../shared/traffic/exchange-record.ts';

export type PhaseKey = 'translate' | 'upstream-wait' | 'first-token' | 'body';

export interface TimelinePhase {
  key: PhaseKey;
  label: string;
  startMs: number;
  endMs: number;
  /** Left edge and width as fractions of the whole axis. */
  offset: number;
  width: number;
  live: boolean;
}

export interface TimelineMark {
  label: string;
  atMs?: number;
}

export interface TimelineView {
  totalMs: number;
  live: boolean;
  phases: TimelinePhase[];
  marks: TimelineMark[];
}

/**
 * @param nowEpochMs the current time, used only while the call runs.
 */
export function buildTimeline(summary: ExchangeSummary, nowEpochMs: number): TimelineView {
  const t = summary.timings;
  const running = summary.state === 'pending' || summary.state === 'streaming';
  const end = t.done ?? (running ? Math.max(0, nowEpochMs - t.receivedAt) : lastMark(summary));
  const bodyLabel = summary.stream ? 'Streaming' : 'Response body';
  const candidates: { key: PhaseKey; label: string; start?: number; end?: number }[] = [
    { key: 'translate', label: 'Translate & route', start: 0, end: t.upstreamSent },
    {
      key: 'upstream-wait',
      label: 'Waiting for upstream headers',
      start: t.upstreamSent,
      end: t.upstreamHeaders,
    },
    // A JSON answer has no first token of its own: its body follows the headers.
    ...(summary.stream || t.firstToken !== undefined
      ? [
          {
            key: 'first-token' as const,
            label: 'Waiting for first token',
            start: t.upstreamHeaders,
            end: t.firstToken,
          },
        ]
      : []),
    {
      key: 'body',
      label: bodyLabel,
      start: t.firstToken ?? (summary.stream ? undefined : t.upstreamHeaders),
      end: t.done,
    },
  ];
  const total = Math.max(end, 1);
  const phases: TimelinePhase[] = [];
  for (const c of candidates) {
    if (c.start === undefined) continue;
    const isOpen = c.end === undefined;
    // An open phase is live while the call runs; otherwise (an error, an abort) it ended
    // with the call.
    const phaseEnd = c.end ?? end;
    if (isOpen && phases.some((p) => p.live)) continue;
    phases.push({
      key: c.key,
      label: c.label,
      startMs: c.start,
      endMs: phaseEnd,
      offset: c.start / total,
      width: Math.max(0, phaseEnd - c.start) / total,
      live: isOpen && running,
    });
    if (isOpen) break;
  }
  return {
    totalMs: end,
    live: running,
    phases,
    marks: [
      { label: 'Received', atMs: 0 },
      { label: 'Upstream request sent', atMs: t.upstreamSent },
      { label: 'Upstream headers', atMs: t.upstreamHeaders },
      { label: 'First token', atMs: t.firstToken },
      { label: 'Done', atMs: t.done },
    ],
  };
}

function lastMark(summary: ExchangeSummary): number {
  const t = summary.timings;
  return Math.max(0, t.upstreamSent ?? 0, t.upstreamHeaders ?? 0, t.firstToken ?? 0);
}
