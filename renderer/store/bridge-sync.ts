/**
 * Wires a bridge's events into the store: every event goes to the queue, and each flush hands
 * one batch to `ingest`. Returns a disconnect function that unsubscribes and drops the queue.
 */
import type { Bridge, BridgeEventName } from '../../shared/bridge.ts';
import { createEventQueue, type FlushScheduler } from './event-queue.ts';
import type { QueuedEvent } from './exchanges-reducer.ts';
import type { InspectorStore } from './inspector-store.ts';

const EVENT_NAMES: readonly BridgeEventName[] = [
  'snapshot',
  'exchange-started',
  'exchange-updated',
  'exchange-completed',
  'exchanges-evicted',
  'status',
];

export function connectBridge(
  bridge: Bridge,
  store: InspectorStore,
  scheduler: FlushScheduler,
): () => void {
  const queue = createEventQueue((batch) => store.getState().ingest(batch), scheduler);
  const unsubscribers = EVENT_NAMES.map((name) =>
    bridge.on(name, (payload) => queue.push({ name, payload } as QueuedEvent)),
  );
  return () => {
    for (const off of unsubscribers) off();
    queue.dispose();
  };
}
