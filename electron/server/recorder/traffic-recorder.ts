/**
 * The traffic recorder: the proxy's ExchangeTap, and the source both inspector transports
 * (HTTP/SSE here, IPC in Electron) read from.
 *
 * Hot path: the tap methods only store references and read the clock (performance.now by
 * default, once per call: the chunks of one upstream read, or the events of one write, share
 * their arrival offset). Stream items, the JSON text the proxy handed over, go off the JS heap
 * as one UTF-8 buffer per batch (stream-items.ts), which the garbage collector never walks.
 * No JSON parsing, no redaction, no listener calls there; they never throw. Everything else happens in one batching step that a timer runs at most every
 * `batchMs` (default 75 ms) while something changed: it pushes exchange-started /
 * exchange-updated (the new chunks and events since the last push) / exchange-completed to
 * the subscribers, parsed and redacted; it sizes newly completed exchanges (the memory their
 * records retain, estimated once; see size-estimate.ts and stream-items.ts), truncates huge
 * bodies in the record, and evicts the oldest completed exchanges beyond `maxExchanges` or `maxBytes`.
 * In-flight exchanges are never evicted and are not counted in the byte budget until they
 * complete; a stream past `maxStreamItems` items stops growing its record (the count of
 * dropped items shows as `truncated`). A call that fails or is aborted lands like any other.
 *
 * Update payload invariant (for the UI's de-duplication): the items of an exchange-updated
 * payload are the items with indices [count - n, count) of that exchange's lists, where
 * count is summary.openaiChunkCount / anthropicEventCount of the same payload and n the
 * number of items sent. A listener subscribing mid-stream gets only later items; it reads
 * the earlier ones with get().
 */
import type { ExchangeEnd, ExchangeRoute, ExchangeStart, ExchangeTap } from '../exchange-tap.ts';
import type { BridgeEvents } from '../../../shared/bridge.ts';
import type {
  ExchangeRecord,
  ExchangeSummary,
  TruncatedBody,
} from '../../../shared/traffic/exchange-record.ts';
import type { TranslationNote } from '../../../shared/translate/translation-note.ts';
import {
  entrySecrets,
  fullRecord,
  newEntry,
  summarize,
  timedItems,
  type ExchangeEntry,
} from './exchange-entry.ts';
import { searchEntries, type ExchangeSearchResult, type SearchLimits } from './exchange-search.ts';
import { estimateBytes, truncateBody } from './size-estimate.ts';
import type { StreamItems } from './stream-items.ts';

/** The bridge events the recorder produces, plus `cleared` (transports answer it with a fresh snapshot). */
export type RecorderEvents = Pick<
  BridgeEvents,
  'exchange-started' | 'exchange-updated' | 'exchange-completed' | 'exchanges-evicted'
> & { cleared: Record<string, never> };
export type RecorderEventName = keyof RecorderEvents;
export type RecorderEventArgs = {
  [K in RecorderEventName]: [name: K, payload: RecorderEvents[K]];
}[RecorderEventName];
export type RecorderListener = (...args: RecorderEventArgs) => void;

export interface TrafficRecorderOptions {
  /** Most exchanges kept (default 1000). */
  maxExchanges?: number;
  /**
   * Byte budget of all completed records, as the JS heap they retain (default 100 MB, as the
   * settings' inspector.maxMemoryMb default).
   */
  maxBytes?: number;
  /** A single body (or one stream list) larger than this is truncated in the record (default 5 MB). */
  maxBodyBytes?: number;
  /** Chunks or events kept per stream before further ones are only counted (default 50,000). */
  maxStreamItems?: number;
  /** Batching period of pushes to subscribers (default 75 ms, within the 50–100 ms contract). */
  batchMs?: number;
  /** Strings to hide wherever they occur (the configured upstream keys); read at redaction time. */
  secrets?: () => readonly string[];
  /** Monotonic clock in ms for the marks (default performance.now). */
  now?: () => number;
  /** Called when the batching step fails; it never reaches the proxy. */
  onError?: (error: unknown) => void;
}

export interface RecorderStats {
  exchanges: number;
  inFlight: number;
  /** Estimated heap bytes of the completed records (in-flight ones are not counted yet). */
  approxBytes: number;
  evictedTotal: number;
  /** Open subscriptions (one per open inspector transport). */
  subscribers: number;
}

export interface TrafficRecorder extends ExchangeTap {
  /** Summaries, newest first, redacted. */
  list(): ExchangeSummary[];
  /** The full record, redacted; read-only (it may share unchanged parts with the recorder). */
  get(id: string): ExchangeRecord | undefined;
  clear(): void;
  /**
   * Ids whose bodies contain `query` (case-insensitive, redacted as shown), newest first;
   * scans in short slices between which the proxy runs, within `limits` (exchange-search.ts).
   */
  search(query: string, limits?: SearchLimits): Promise<ExchangeSearchResult>;
  subscribe(listener: RecorderListener): () => void;
  stats(): RecorderStats;
  /** Runs the batching step now instead of waiting for the timer (tests, shutdown). */
  flush(): void;
  /** Stops the timer and drops the subscribers. */
  dispose(): void;
}

export const RECORDER_DEFAULTS = {
  maxExchanges: 1000,
  maxBytes: 100 * 1024 * 1024,
  maxBodyBytes: 5 * 1024 * 1024,
  maxStreamItems: 50_000,
  batchMs: 75,
} as const;

/**
 * What an exchange costs beyond what size() walks: the entry, its marks, the start and
 * upstream wrappers, its slot in the map. Calibrated so that a tiny call's estimate matches
 * the heap it retains (tests/unit/recorder/measure-recorder-heap.ts); the walk's small
 * overcounts (slack of objects the proxy built) pay for part of it.
 */
const ENTRY_BYTES = 200;

/**
 * Whether an event's JSON text is a content_block_delta. Looking for the type member in the
 * text is exact: inside a JSON string its quotes would be escaped, and no other event nests
 * an object of that type.
 */
function isContentDelta(event: string): boolean {
  return event.includes('"type":"content_block_delta"');
}

export function createTrafficRecorder(options: TrafficRecorderOptions = {}): TrafficRecorder {
  const maxExchanges = options.maxExchanges ?? RECORDER_DEFAULTS.maxExchanges;
  const maxBytes = options.maxBytes ?? RECORDER_DEFAULTS.maxBytes;
  const maxBodyBytes = options.maxBodyBytes ?? RECORDER_DEFAULTS.maxBodyBytes;
  const maxStreamItems = options.maxStreamItems ?? RECORDER_DEFAULTS.maxStreamItems;
  const batchMs = options.batchMs ?? RECORDER_DEFAULTS.batchMs;
  const now = options.now ?? (() => performance.now());

  /** Insertion order is age order: the first entries are the oldest. */
  const entries = new Map<string, ExchangeEntry>();
  const listeners = new Set<RecorderListener>();
  let dirty: ExchangeEntry[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let totalBytes = 0;
  let evictedTotal = 0;

  function markDirty(entry: ExchangeEntry): void {
    entry.dirty = true;
    dirty.push(entry);
    if (timer === undefined) {
      timer = setTimeout(flush, batchMs);
      timer.unref?.();
    }
  }

  function configuredSecrets(): readonly string[] {
    try {
      return options.secrets?.() ?? [];
    } catch (error) {
      options.onError?.(error);
      return [];
    }
  }

  function emit(...args: RecorderEventArgs): void {
    for (const listener of listeners) {
      try {
        listener(...args);
      } catch (error) {
        options.onError?.(error);
      }
    }
  }

  function announce(entry: ExchangeEntry, configured: readonly string[]): void {
    const secrets = entrySecrets(entry, configured);
    const summary = summarize(entry, secrets);
    const justStarted = !entry.announced;
    const completing = entry.end !== undefined && !entry.completionAnnounced;
    if (justStarted) emit('exchange-started', summary);
    const newItems =
      entry.chunks.length > entry.flushedChunks || entry.events.length > entry.flushedEvents;
    // A summary-only change is worth an update unless started/completed already carries it.
    if (newItems || (!justStarted && !completing)) {
      emit('exchange-updated', {
        summary,
        openaiChunks: timedItems(entry.chunks, entry.flushedChunks, secrets),
        anthropicEvents: timedItems(entry.events, entry.flushedEvents, secrets),
      });
    }
    if (completing) emit('exchange-completed', summary);
  }

  function size(entry: ExchangeEntry): void {
    // Long strings the translated request shares with the client's are counted once.
    const seen = new Set<string>();
    let bytes =
      ENTRY_BYTES +
      estimateBytes(entry.start.path) +
      estimateBytes(entry.start.clientHeaders) +
      estimateBytes(entry.route) +
      estimateBytes(entry.end);
    const request = truncateBody(entry.start.anthropicRequest, maxBodyBytes, seen);
    // The start object belongs to the proxy: replace it, never mutate it.
    if (request.truncated) {
      entry.start = { ...entry.start, anthropicRequest: request.value };
      seen.clear(); // the record no longer holds the request's long strings
    }
    bytes += request.bytes;
    if (entry.upstream) {
      const body = truncateBody(entry.upstream.body, maxBodyBytes, seen);
      if (body.truncated) entry.upstream = { ...entry.upstream, body: body.value };
      bytes +=
        body.bytes +
        estimateBytes(entry.upstream.headers) +
        estimateBytes(entry.upstream.notes) +
        estimateBytes(entry.upstream.url);
    }
    if (entry.hasOpenaiBody) {
      const body = truncateBody(entry.openaiBody, maxBodyBytes);
      entry.openaiBody = body.value;
      bytes += body.bytes;
      entry.truncated ||= body.truncated;
    }
    if (entry.hasAnthropicBody) {
      const body = truncateBody(entry.anthropicBody, maxBodyBytes);
      entry.anthropicBody = body.value;
      bytes += body.bytes;
      entry.truncated ||= body.truncated;
    }
    const chunksCut = truncateStream(entry.chunks);
    const eventsCut = truncateStream(entry.events);
    bytes += entry.chunks.bytes + entry.events.bytes;
    bytes += estimateBytes(entry.responseHeaders) + estimateBytes(entry.upstreamResponseHeaders);
    entry.truncated ||= request.truncated || chunksCut || eventsCut;
    entry.bytes = bytes;
    entry.sized = true;
    totalBytes += bytes;
  }

  /** Cuts a stream list over maxBodyBytes to what fits, plus a marker; true when it did. */
  function truncateStream(items: StreamItems): boolean {
    const originalBytes = items.bytes;
    const dropped = items.truncate(maxBodyBytes, (omittedItems) => {
      const marker: TruncatedBody = { __truncated: true, originalBytes, omittedItems };
      return JSON.stringify(marker);
    });
    return dropped > 0;
  }

  function evictOverflow(): void {
    if (entries.size <= maxExchanges && totalBytes <= maxBytes) return;
    const ids: string[] = [];
    for (const entry of entries.values()) {
      if (entries.size <= maxExchanges && totalBytes <= maxBytes) break;
      if (!entry.end) continue; // in flight: kept until it completes
      remove(entry);
      ids.push(entry.id);
    }
    evictedTotal += ids.length;
    if (ids.length > 0 && listeners.size > 0) emit('exchanges-evicted', { ids });
  }

  function remove(entry: ExchangeEntry): void {
    entries.delete(entry.id);
    if (entry.sized) totalBytes -= entry.bytes;
  }

  function flush(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const batch = dirty;
    dirty = [];
    const configured = listeners.size > 0 ? configuredSecrets() : [];
    for (const entry of batch) {
      entry.dirty = false;
      if (entries.get(entry.id) !== entry) continue; // cleared or replaced meanwhile
      try {
        if (listeners.size > 0) announce(entry, configured);
        entry.announced = true;
        entry.flushedChunks = entry.chunks.length;
        entry.flushedEvents = entry.events.length;
        if (entry.end) {
          entry.completionAnnounced = true;
          if (!entry.sized) size(entry);
        }
      } catch (error) {
        options.onError?.(error);
      }
    }
    evictOverflow();
  }

  /**
   * Appends one batch of stream items (one upstream read's chunks, one write's events), all
   * at this moment's offset, which it returns; items past maxStreamItems are only counted.
   */
  function append(entry: ExchangeEntry, items: StreamItems, batch: readonly string[]): number {
    const offset = now() - entry.t0;
    const kept = items.append(batch, offset, maxStreamItems - items.length);
    entry.droppedItems += batch.length - kept;
    return offset;
  }

  /** Stages are accepted until the batching step has sized (sealed) the completed exchange. */
  function live(id: string): ExchangeEntry | undefined {
    const entry = entries.get(id);
    return entry && !entry.sized ? entry : undefined;
  }

  return {
    started(start: ExchangeStart): void {
      const previous = entries.get(start.id);
      if (previous) remove(previous);
      const entry = newEntry(start, now());
      entries.set(start.id, entry);
      markDirty(entry);
    },
    routed(id: string, route: ExchangeRoute): void {
      const entry = live(id);
      if (!entry) return;
      entry.route = route;
      if (!entry.dirty) markDirty(entry);
    },
    upstreamRequest(
      id: string,
      body: unknown,
      headers: Record<string, string>,
      notes: readonly TranslationNote[],
      url?: string,
    ): void {
      const entry = live(id);
      if (!entry) return;
      entry.upstream = { body, headers, notes, url };
      entry.marks.upstreamSent = now() - entry.t0;
      if (!entry.dirty) markDirty(entry);
    },
    upstreamResponseHeaders(id: string, status: number, headers: Record<string, string>): void {
      const entry = live(id);
      if (!entry) return;
      entry.upstreamStatus = status;
      entry.upstreamResponseHeaders = headers;
      entry.marks.upstreamHeaders = now() - entry.t0;
      if (!entry.dirty) markDirty(entry);
    },
    openaiChunks(id: string, chunks: readonly string[]): void {
      const entry = live(id);
      if (!entry || chunks.length === 0) return;
      append(entry, entry.chunks, chunks);
      if (!entry.dirty) markDirty(entry);
    },
    anthropicEvents(id: string, events: readonly string[]): void {
      const entry = live(id);
      if (!entry || events.length === 0) return;
      const offset = append(entry, entry.events, events);
      // Only until found: a stream's first token comes in its first reads.
      if (entry.marks.firstToken === undefined && events.some(isContentDelta))
        entry.marks.firstToken = offset;
      if (!entry.dirty) markDirty(entry);
    },
    openaiResponse(id: string, body: unknown): void {
      const entry = live(id);
      if (!entry) return;
      entry.hasOpenaiBody = true;
      entry.openaiBody = body;
      if (!entry.dirty) markDirty(entry);
    },
    anthropicResponse(id: string, body: unknown, headers: Record<string, string>): void {
      const entry = live(id);
      if (!entry) return;
      if (body !== undefined) {
        entry.hasAnthropicBody = true;
        entry.anthropicBody = body;
      }
      entry.responseHeaders = headers;
      if (!entry.dirty) markDirty(entry);
    },
    completed(id: string, end: ExchangeEnd): void {
      const entry = live(id);
      if (!entry || entry.end) return;
      entry.end = end;
      entry.marks.done = now() - entry.t0;
      if (!entry.dirty) markDirty(entry);
    },

    list(): ExchangeSummary[] {
      const configured = configuredSecrets();
      const out: ExchangeSummary[] = [];
      for (const entry of entries.values())
        out.push(summarize(entry, entrySecrets(entry, configured)));
      return out.reverse();
    },
    get(id: string): ExchangeRecord | undefined {
      const entry = entries.get(id);
      return entry ? fullRecord(entry, entrySecrets(entry, configuredSecrets())) : undefined;
    },
    search(query, limits) {
      return searchEntries([...entries.values()].reverse(), query, configuredSecrets(), limits);
    },
    clear(): void {
      entries.clear();
      dirty = [];
      totalBytes = 0;
      emit('cleared', {});
    },
    subscribe(listener: RecorderListener): () => void {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    stats(): RecorderStats {
      let inFlight = 0;
      for (const entry of entries.values()) if (!entry.end) inFlight++;
      return {
        exchanges: entries.size,
        inFlight,
        approxBytes: totalBytes,
        evictedTotal,
        subscribers: listeners.size,
      };
    },
    flush,
    dispose(): void {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      listeners.clear();
    },
  };
}
