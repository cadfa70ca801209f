/** The phases of a call as bars on one time axis, with the marks listed beneath. */
import type { ExchangeSummary } from '../../../shared/traffic/exchange-record.ts';
import { formatDuration } from '../../model/format.ts';
import { buildTimeline } from '../../model/timeline-view.ts';

export function TimelineWaterfall({ summary, now }: { summary: ExchangeSummary; now: number }) {
  const timeline = buildTimeline(summary, now);
  return (
    <div className="waterfall" data-testid="waterfall">
      {timeline.phases.length === 0 && <p className="muted">No phase recorded yet.</p>}
      {timeline.phases.map((p) => (
        <div key={p.key} className="wf-row">
          <span className="wf-label">{p.label}</span>
          <span className="wf-track">
            <span
              className={`wf-bar wf-${p.key} ${p.live ? 'live' : ''}`}
              style={{ left: `${p.offset * 100}%`, width: `max(2px, ${p.width * 100}%)` }}
            />
          </span>
          <span className="wf-duration mono">{formatDuration(p.endMs - p.startMs)}</span>
        </div>
      ))}
      <div className="wf-marks mono">
        {timeline.marks.map((m) => (
          <span key={m.label} className={m.atMs === undefined ? 'muted' : ''}>
            {m.label} <b>{m.atMs === undefined ? '—' : `${Math.round(m.atMs)} ms`}</b>
          </span>
        ))}
      </div>
    </div>
  );
}
