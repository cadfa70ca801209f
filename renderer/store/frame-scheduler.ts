/**
 * Flushes once per animation frame, with a timeout fallback: a hidden tab gets no frames,
 * and events must still be applied (and memory released) while nobody looks.
 */
import type { FlushScheduler } from './event-queue.ts';

export function frameScheduler(fallbackMs = 500): FlushScheduler {
  return {
    schedule(flush) {
      let done = false;
      const run = () => {
        if (done) return;
        done = true;
        cancelAnimationFrame(frame);
        clearTimeout(timer);
        flush();
      };
      const frame = requestAnimationFrame(run);
      const timer = setTimeout(run, fallbackMs);
      return () => {
        done = true;
        cancelAnimationFrame(frame);
        clearTimeout(timer);
      };
    },
  };
}
