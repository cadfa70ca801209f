/**
 * Bridge events are not applied one by one: a busy stream sends dozens per second and each
 * would re-render the list. They queue here and are handed over in one batch per flush,
 * which the scheduler times (once per animation frame in the app). A big backlog is handed
 * over in slices of `maxPerFlush` so one frame never does unbounded work.
 */
import type { QueuedEvent } from './exchanges-reducer.ts';

export interface FlushScheduler {
  /** Calls `flush` once, soon; returns a cancel function. */
  schedule(flush: () => void): () => void;
}

export interface EventQueue {
  push(event: QueuedEvent): void;
  /** Events waiting for the next flush. */
  size(): number;
  dispose(): void;
}

export function createEventQueue(
  onFlush: (batch: QueuedEvent[]) => void,
  scheduler: FlushScheduler,
  maxPerFlush = 5000,
): EventQueue {
  let queue: QueuedEvent[] = [];
  let cancel: (() => void) | undefined;

  const flush = () => {
    cancel = undefined;
    const batch = queue.length <= maxPerFlush ? queue : queue.slice(0, maxPerFlush);
    queue = queue.length <= maxPerFlush ? [] : queue.slice(maxPerFlush);
    if (queue.length > 0) cancel = scheduler.schedule(flush);
    if (batch.length > 0) onFlush(batch);
  };

  return {
    push(event) {
      queue.push(event);
      cancel ??= scheduler.schedule(flush);
    },
    size: () => queue.length,
    dispose() {
      cancel?.();
      cancel = undefined;
      queue = [];
    },
  };
}
