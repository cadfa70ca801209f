/**
 * Collects bridge events for the renderer and sends them at most once per interval, so a
 * burst of streaming chunks costs a handful of IPC messages instead of one per event.
 *
 * A flush keeps the exact emission order: it cuts the queue into runs of the same event name
 * and sends each run as one message (an array of payloads) on that event's `main:*` channel.
 * IPC keeps message order, so `exchange-started` always reaches the renderer before the
 * first `exchange-updated` of that id.
 */
import type { BridgeEventName, BridgeEvents } from '../../shared/bridge.ts';
import { eventChannel } from '../../shared/ipc-channels.ts';
import type { EventChannel } from '../../shared/ipc-channels.ts';

/** The push side of the IPC transport: where a flushed batch goes. */
export type BatchSender = (channel: EventChannel, batch: unknown[]) => void;

export interface EventBatcher {
  push<K extends BridgeEventName>(event: K, payload: BridgeEvents[K]): void;
  /** Sends everything queued now (used before a snapshot reply, and on shutdown). */
  flush(): void;
  /** Drops the queue and the pending timer. */
  dispose(): void;
}

export interface EventBatcherOptions {
  send: BatchSender;
  /** At most one flush per this many ms; the bridge contract says ~50–100 ms. */
  intervalMs?: number;
}

export function createEventBatcher({ send, intervalMs = 50 }: EventBatcherOptions): EventBatcher {
  let queue: { event: BridgeEventName; payload: unknown }[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  function flush(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const pending = queue;
    queue = [];
    let start = 0;
    for (let i = 1; i <= pending.length; i++) {
      if (i === pending.length || pending[i]!.event !== pending[start]!.event) {
        send(
          eventChannel(pending[start]!.event),
          pending.slice(start, i).map((item) => item.payload),
        );
        start = i;
      }
    }
  }

  return {
    push(event, payload) {
      queue.push({ event, payload });
      timer ??= setTimeout(flush, intervalMs);
    },
    flush,
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      queue = [];
    },
  };
}
