/**
 * The shape of the inspector's one zustand store, assembled from slices (exchanges, records,
 * selection, filters, body search, ui, status, commands). Types only, so every slice can name the whole
 * state without importing the others.
 */
import type { BridgeApi, ProxyStatus } from '../../shared/bridge.ts';
import type { ExchangeFilters } from '../model/exchange-filter.ts';
import type { ExchangesState, LiveUpdate, QueuedEvent } from './exchanges-reducer.ts';
import type { RecordEntry } from './records-reducer.ts';

export type DetailTab =
  | 'overview'
  | 'conversation'
  | 'whats-new'
  | 'context'
  | 'anthropic-request'
  | 'openai-request'
  | 'openai-response'
  | 'anthropic-response'
  | 'headers'
  | 'diff';

export type InspectorView = 'traffic' | 'sessions' | 'settings';

export interface ExchangesSlice {
  exchanges: ExchangesState;
  /** Applies one flushed batch of bridge events (held instead while paused). */
  ingest(batch: readonly QueuedEvent[]): void;
}

export interface RecordsSlice {
  records: Readonly<Record<string, RecordEntry>>;
  /** Loads (or refreshes the use of) a full record; no-op while one is loaded and current. */
  loadRecord(id: string): void;
  followUpdates(updates: readonly LiveUpdate[]): void;
  dropRecords(ids: readonly string[]): void;
}

export interface SelectionSlice {
  selectedId?: string;
  detailTab: DetailTab;
  select(id: string | undefined): void;
  setDetailTab(tab: DetailTab): void;
}

export interface FiltersSlice {
  filters: ExchangeFilters;
  setFilters(patch: Partial<ExchangeFilters>): void;
  resetFilters(): void;
}

export interface BodySearchState {
  /** The trimmed query `ids` answer; '' when no search is active. */
  query: string;
  /** Ids whose recorded bodies contain `query`, as of the last answer. */
  ids?: ReadonlySet<string>;
  /** A search is on its way (the shown result may be for an older query). */
  pending: boolean;
  /** Why the last search failed. */
  error?: string;
}

export interface BodySearchSlice {
  bodySearch: BodySearchState;
  /** Asks the proxy which exchanges have `text` in their bodies; '' clears. */
  searchBodies(text: string): Promise<void>;
}

export interface UiSlice {
  view: InspectorView;
  selectedSessionId?: string;
  paused: boolean;
  /** Events held back while paused, applied on resume. */
  held: readonly QueuedEvent[];
  /** More events arrived while paused than are held: resume reloads the list instead. */
  heldOverflow: boolean;
  setView(view: InspectorView): void;
  selectSession(id: string | undefined): void;
  setPaused(paused: boolean): void;
}

export interface StatusSlice {
  status?: ProxyStatus;
  setStatus(status: ProxyStatus): void;
}

export interface CommandsSlice {
  /** Clears the proxy's recorded traffic (and the list). */
  clearAll(): Promise<void>;
  exportExchanges(format: 'json' | 'har', ids?: string[]): Promise<string>;
  /** Reloads the list and status from the proxy (after a pause overflowed). */
  resync(): Promise<void>;
  /** Turns the proxy's demo mode on (the empty state's "Try the demo"). */
  startDemo(): Promise<void>;
}

export type InspectorState = ExchangesSlice &
  RecordsSlice &
  SelectionSlice &
  FiltersSlice &
  BodySearchSlice &
  UiSlice &
  StatusSlice &
  CommandsSlice;

/** What slices need from outside the store. */
export interface StoreDeps {
  bridge: BridgeApi;
  /** Bounds: list size like the server's, and full records kept in memory. */
  maxExchanges: number;
  maxRecords: number;
  heldLimit: number;
}
