/**
 * The one contract between the proxy side (recorder, settings, server control) and the
 * inspector UI. Two transports implement it: HTTP + server-sent events in headless mode and
 * IPC inside Electron. Drift between them is a compile error because both declare these
 * types; the UI only ever sees a `Bridge`.
 */
import type {
  CapabilityReport,
  ProviderCheckRequest,
  ProviderTestResult,
  RouteTestRequest,
  RouteTestResult,
} from './settings/provider-checks.ts';
import type {
  SaveSettingsResult,
  SettingsSnapshot,
  SettingsUpdate,
} from './settings/public-settings.ts';
import type { ExchangeRecord, ExchangeSummary, TimedItem } from './traffic/exchange-record.ts';

export interface ProxyStatus {
  state: 'running' | 'stopped' | 'error';
  /** e.g. "http://127.0.0.1:8080"; undefined while stopped. */
  url?: string;
  message?: string;
  version: string;
  /** True when the built-in simulated upstream answers calls. */
  demo: boolean;
  upstreamConfigured: boolean;
}

/** Events pushed from the proxy side, batched (at most one push per ~50–100 ms). */
export interface BridgeEvents {
  /** Sent once on connect, and after a clear. Newest first. */
  snapshot: { exchanges: ExchangeSummary[]; status: ProxyStatus };
  /** May name an id the snapshot already holds (it started just before): treat it as an upsert. */
  'exchange-started': ExchangeSummary;
  /**
   * New state of the summary plus the chunks/events that arrived since the last update. The
   * items are those with indices [count - n, count) of the exchange's lists, where count is
   * summary.openaiChunkCount / anthropicEventCount and n the number of items sent: a client
   * that fetched the full record meanwhile can drop the ones it already has.
   */
  'exchange-updated': {
    summary: ExchangeSummary;
    openaiChunks: TimedItem[];
    anthropicEvents: TimedItem[];
  };
  'exchange-completed': ExchangeSummary;
  /** Ids evicted by the memory bounds (oldest completed first; calls in flight are kept). */
  'exchanges-evicted': { ids: string[] };
  status: ProxyStatus;
}

export type BridgeEventName = keyof BridgeEvents;

/**
 * Settings, providers and routes. One implementation serves both transports
 * (electron/server/settings/settings-bridge-api.ts). Keys never cross: settings come as a
 * SettingsSnapshot ({ set, last4 } per key) and go back with `replace` for a new key.
 */
export interface SettingsBridgeApi {
  getSettings(): Promise<SettingsSnapshot>;
  /** Applies and stores the update; field errors come back as `{ ok: false, errors }` and change nothing. */
  saveSettings(update: SettingsUpdate): Promise<SaveSettingsResult>;
  /** Lists the provider's models and times a tiny completion (the form's draft when given). */
  testProvider(id: string, request?: ProviderCheckRequest): Promise<ProviderTestResult>;
  /** One small real call per capability (text, streaming, tools, reasoning, images, usage). */
  checkCapabilities(id: string, request?: ProviderCheckRequest): Promise<CapabilityReport>;
  /** Which provider, model and rule would serve a call with these facts. */
  testRoute(request: RouteTestRequest): Promise<RouteTestResult>;
}

export interface BridgeApi extends SettingsBridgeApi {
  listExchanges(): Promise<ExchangeSummary[]>;
  getExchange(id: string): Promise<ExchangeRecord | undefined>;
  clearExchanges(): Promise<void>;
  /** A JSON or HAR 1.2 document of the given exchanges (all when ids is omitted). */
  exportExchanges(format: 'json' | 'har', ids?: string[]): Promise<string>;
  getStatus(): Promise<ProxyStatus>;
  /**
   * Ids of the recorded exchanges whose bodies (the four forms; headers are not searched)
   * contain `query`, case-insensitive, newest first. The proxy caps the work per search
   * (see electron/server/recorder/exchange-search.ts): past the cap, the oldest are not searched.
   */
  searchExchanges(query: string): Promise<string[]>;
  /**
   * Turns demo mode on: every call goes to the built-in simulated upstream (the user's
   * settings are left as they are) and a few sample calls are sent. Answers the new status.
   */
  startDemo(): Promise<ProxyStatus>;
}

export interface Bridge extends BridgeApi {
  /** Subscribes to one event; returns the unsubscribe function. */
  on<K extends BridgeEventName>(event: K, listener: (payload: BridgeEvents[K]) => void): () => void;
}
