/**
 * Gives up on a started stream whose upstream has gone quiet: after STREAM_IDLE_TIMEOUT_MS
 * without a byte of the body, `signal` aborts with an UpstreamSilenceError, which the pump
 * hands to the body reader (cancelling the upstream request) and then reports as an `error`
 * event. Pings keep the client's connection open meanwhile, so without this a hung upstream
 * would hold the client until Node's fetch gave up after 300 s.
 *
 * Only time spent waiting for the upstream counts: while the pump waits for a slow client
 * to drain (and so does not read the upstream), the clock is stopped.
 */
/** STREAM_IDLE_TIMEOUT_MS when unset: well past any model's thinking pause, well before Node's 300 s. */
export const DEFAULT_STREAM_IDLE_TIMEOUT_MS = 120_000;

export class UpstreamSilenceError extends Error {
  override name = 'UpstreamSilenceError';
  readonly silentMs: number;

  constructor(silentMs: number) {
    super(
      `The upstream sent nothing for ${silentMs / 1000} s (STREAM_IDLE_TIMEOUT_MS); the stream was abandoned`,
    );
    this.silentMs = silentMs;
  }
}

export interface UpstreamSilenceWatch {
  /** Aborts, with an UpstreamSilenceError as its reason, once the upstream stayed silent too long. */
  readonly signal: AbortSignal;
  /** Something arrived: the silence starts over. */
  heard(): void;
  /** Stops the clock while `pending` (a write to a slow client) runs, then starts it over. */
  pauseDuring(pending: Promise<void>): Promise<void>;
  stop(): void;
}

export function watchUpstreamSilence(timeoutMs: number): UpstreamSilenceWatch {
  const controller = new AbortController();
  const expire = (): void => controller.abort(new UpstreamSilenceError(timeoutMs));
  // A refreshed timer costs far less than a new one per read; a cleared one cannot be
  // refreshed, so a pause arms a new one.
  let timer = setTimeout(expire, timeoutMs);
  let stopped = false;
  return {
    signal: controller.signal,
    heard() {
      timer.refresh();
    },
    async pauseDuring(pending) {
      clearTimeout(timer);
      try {
        await pending;
      } finally {
        if (!stopped) timer = setTimeout(expire, timeoutMs);
      }
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
