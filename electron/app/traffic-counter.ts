/**
 * The tray's numbers, kept from the recorder's bridge events: calls in flight (for the busy
 * icon) and today's finished calls and errors (for the menu line). Counting events instead of
 * reading the recorder's list keeps the counts right after old records are evicted.
 *
 * "Today" is the local calendar day of the machine; the counts restart at midnight. A call
 * counts as an error when it ended in the error state or with an HTTP status of 400 or more.
 */
import type { BridgeEventMessage } from '../../shared/ipc-channels.ts';
import type { ExchangeSummary } from '../../shared/traffic/exchange-record.ts';

export interface TrafficCounts {
  inFlight: number;
  today: { calls: number; errors: number };
}

export interface TrafficCounter {
  handle(message: BridgeEventMessage): void;
  counts(): TrafficCounts;
}

const isOpen = (summary: ExchangeSummary) =>
  summary.state === 'pending' || summary.state === 'streaming';

const isError = (summary: ExchangeSummary) =>
  summary.state === 'error' || (summary.status ?? 0) >= 400;

function dayKey(epochMs: number): string {
  const date = new Date(epochMs);
  return `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
}

export function createTrafficCounter(now: () => number = Date.now): TrafficCounter {
  const open = new Set<string>();
  let day = dayKey(now());
  let calls = 0;
  let errors = 0;

  function rollOver(): void {
    const today = dayKey(now());
    if (today !== day) {
      day = today;
      calls = 0;
      errors = 0;
    }
  }

  function finished(summary: ExchangeSummary): void {
    open.delete(summary.id);
    rollOver();
    if (dayKey(summary.timings.receivedAt) !== day) return;
    calls += 1;
    if (isError(summary)) errors += 1;
  }

  return {
    handle(message) {
      switch (message.event) {
        case 'snapshot':
          // After a clear (or on connect) the open set is whatever the recorder still has
          // open; today's totals are history and survive a clear of the list.
          open.clear();
          for (const summary of message.payload.exchanges) {
            if (isOpen(summary)) open.add(summary.id);
          }
          return;
        case 'exchange-started':
          open.add(message.payload.id);
          return;
        case 'exchange-completed':
          finished(message.payload);
          return;
        case 'exchanges-evicted':
          for (const id of message.payload.ids) open.delete(id);
          return;
        case 'exchange-updated':
        case 'status':
          return;
        default: {
          const unreachable: never = message;
          throw new Error(`Unhandled bridge event ${JSON.stringify(unreachable)}`);
        }
      }
    },
    counts() {
      rollOver();
      return { inFlight: open.size, today: { calls, errors } };
    },
  };
}
