/**
 * A stream as a timeline: one fixed-height row per chunk or event (arrival offset, gap since
 * the previous one, type, a short summary), virtualized so a long answer's thousands of
 * items stay cheap, and the selected item's JSON below. New items appear live.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import type { TimedItem } from '../../../shared/traffic/exchange-record.ts';
import { buildTimelineItems } from '../../model/stream-timeline.ts';
import { JsonViewer } from './json-viewer.tsx';

const ROW = 22;

interface StreamTimelineViewerProps {
  items: readonly TimedItem[];
  describe: (data: unknown) => { type: string; detail: string; isError: boolean };
  label: string;
}

export function StreamTimelineViewer({ items, describe, label }: StreamTimelineViewerProps) {
  const rows = useMemo(() => buildTimelineItems(items, describe), [items, describe]);
  const [selected, setSelected] = useState<number>();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW,
    overscan: 10,
  });
  const picked = selected !== undefined ? rows[selected] : undefined;
  return (
    <div className="timeline-viewer">
      <div className="section-title">
        {label} <span className="muted">({rows.length})</span>
      </div>
      <div className="timeline-head mono">
        <span className="tl-offset">offset</span>
        <span className="tl-gap">+gap</span>
        <span className="tl-type">type</span>
        <span className="tl-detail">content</span>
      </div>
      <div className="timeline-scroll" ref={scrollRef} data-testid={`timeline-${label}`}>
        <div className="timeline-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((v) => {
            const row = rows[v.index]!;
            return (
              <div
                key={v.index}
                className={`timeline-row mono ${row.isError ? 'tone-error' : ''} ${selected === v.index ? 'selected' : ''}`}
                style={{ transform: `translateY(${v.start}px)` }}
                onClick={() => setSelected(selected === v.index ? undefined : v.index)}
              >
                <span className="tl-offset">{row.offsetMs} ms</span>
                <span className="tl-gap muted">+{row.gapMs}</span>
                <span className={`tl-type tl-type-${row.type}`}>{row.type}</span>
                <span className="tl-detail">{row.detail}</span>
              </div>
            );
          })}
        </div>
      </div>
      {picked && (
        <div className="timeline-picked">
          <JsonViewer
            value={picked.data}
            label={`#${picked.index} at ${picked.offsetMs} ms`}
            searchable={false}
          />
        </div>
      )}
    </div>
  );
}
