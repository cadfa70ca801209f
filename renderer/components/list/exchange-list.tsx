/**
 * The virtualized exchange list (@tanstack/react-virtual, fixed-height rows): only the rows
 * in view exist in the DOM, whatever the number recorded. Oldest at the top, live end at the
 * bottom; it follows new rows only while scrolled to the bottom. Keyboard: ↑/↓ or k/j move
 * the selection, Home/End jump, Enter moves focus to the detail pane, Escape closes it.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { selectVisibleIds } from '../../store/selectors.ts';
import { useInspector } from '../../store/store-context.ts';
import { EmptyState } from './empty-state.tsx';
import { ExchangeRow } from './exchange-row.tsx';
import { HEADER_HEIGHT, ROW_HEIGHT } from './list-columns.ts';
import { ListHeader } from './list-header.tsx';
import '../../styles/list.css';

export function ExchangeList() {
  const ids = useInspector(selectVisibleIds);
  const total = useInspector((s) => s.exchanges.ids.length);
  const paused = useInspector((s) => s.paused);
  const selectedId = useInspector((s) => s.selectedId);
  const select = useInspector((s) => s.select);
  const scrollRef = useRef<HTMLDivElement>(null);
  const followLiveEnd = useRef(true);

  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    paddingStart: HEADER_HEIGHT,
    overscan: 12,
  });

  // Follow the live end only if the user was already there when the rows arrived.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (el && followLiveEnd.current) el.scrollTop = el.scrollHeight;
  }, [ids.length]);

  const onScroll = () => {
    const el = scrollRef.current;
    if (el) followLiveEnd.current = el.scrollTop + el.clientHeight >= el.scrollHeight - ROW_HEIGHT;
  };

  const onSelect = useCallback((id: string) => select(id), [select]);

  const move = (to: number) => {
    if (ids.length === 0) return;
    const index = Math.max(0, Math.min(ids.length - 1, to));
    select(ids[index]);
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const current = selectedId ? ids.indexOf(selectedId) : -1;
    switch (e.key) {
      case 'ArrowDown':
      case 'j':
        move(current === -1 ? ids.length - 1 : current + 1);
        break;
      case 'ArrowUp':
      case 'k':
        move(current === -1 ? ids.length - 1 : current - 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(ids.length - 1);
        break;
      case 'Enter':
        if (current === -1) move(ids.length - 1);
        document.querySelector<HTMLElement>('[data-detail-focus]')?.focus();
        break;
      case 'Escape':
        select(undefined);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  if (ids.length === 0) {
    // Rows exist but none is shown: only the filters can hide rows.
    const reason = total > 0 ? 'filtered' : paused ? 'paused' : 'no-traffic';
    return <EmptyState reason={reason} />;
  }

  return (
    <div
      ref={scrollRef}
      className="list-scroll"
      role="grid"
      aria-label="Exchanges"
      aria-rowcount={ids.length + 1}
      tabIndex={0}
      onScroll={onScroll}
      onKeyDown={onKeyDown}
      data-testid="exchange-list"
    >
      <div className="list-canvas" style={{ height: virtualizer.getTotalSize() }}>
        <ListHeader />
        {virtualizer.getVirtualItems().map((item) => {
          const id = ids[item.index]!;
          return (
            <ExchangeRow
              key={id}
              id={id}
              index={item.index}
              top={item.start}
              selected={id === selectedId}
              onSelect={onSelect}
            />
          );
        })}
      </div>
    </div>
  );
}
