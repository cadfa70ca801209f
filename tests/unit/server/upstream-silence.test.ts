import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeStreamFailure } from '../../../electron/server/upstream-failure.ts';
import {
  UpstreamSilenceError,
  watchUpstreamSilence,
} from '../../../electron/server/upstream-silence.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('watchUpstreamSilence', () => {
  it('aborts with an UpstreamSilenceError once the upstream stayed silent for the timeout', () => {
    const watch = watchUpstreamSilence(1000);
    vi.advanceTimersByTime(999);
    expect(watch.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(watch.signal.aborted).toBe(true);
    expect(watch.signal.reason).toBeInstanceOf(UpstreamSilenceError);
    expect((watch.signal.reason as Error).message).toBe(
      'The upstream sent nothing for 1 s (STREAM_IDLE_TIMEOUT_MS); the stream was abandoned',
    );
  });

  it('starts the silence over whenever something arrives', () => {
    const watch = watchUpstreamSilence(1000);
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(800);
      watch.heard();
    }
    expect(watch.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1000);
    expect(watch.signal.aborted).toBe(true);
  });

  it('does not count time spent waiting for a slow client, and restarts the clock after it', async () => {
    const watch = watchUpstreamSilence(1000);
    vi.advanceTimersByTime(900);
    let drained!: () => void;
    const paused = watch.pauseDuring(new Promise<void>((resolve) => (drained = resolve)));
    vi.advanceTimersByTime(5000);
    expect(watch.signal.aborted).toBe(false);
    drained();
    await paused;
    vi.advanceTimersByTime(999);
    expect(watch.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(watch.signal.aborted).toBe(true);
  });

  it('never fires once stopped, even when stopped during a pause', async () => {
    const watch = watchUpstreamSilence(1000);
    let drained!: () => void;
    const paused = watch.pauseDuring(new Promise<void>((resolve) => (drained = resolve)));
    watch.stop();
    drained();
    await paused;
    vi.advanceTimersByTime(10_000);
    expect(watch.signal.aborted).toBe(false);
  });

  it('is reported inside a stream as a 504 timeout_error with its message', () => {
    expect(describeStreamFailure(new UpstreamSilenceError(120_000))).toEqual({
      status: 504,
      type: 'timeout_error',
      message:
        'The upstream sent nothing for 120 s (STREAM_IDLE_TIMEOUT_MS); the stream was abandoned',
    });
  });
});
