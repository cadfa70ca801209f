/**
 * An in-memory BridgeApi for store tests: records are served from a map, and each
 * getExchange can be held open so a test controls exactly when a fetch completes.
 */
import type { BridgeApi, ProxyStatus } from '../../../../shared/bridge.ts';
import type {
  ExchangeRecord,
  ExchangeSummary,
} from '../../../../shared/traffic/exchange-record.ts';

export const runningStatus: ProxyStatus = {
  state: 'running',
  url: 'http://127.0.0.1:9',
  version: '0.1.0',
  demo: false,
  upstreamConfigured: true,
};

export interface FakeBridge extends BridgeApi {
  records: Map<string, ExchangeRecord>;
  summaries: ExchangeSummary[];
  calls: string[];
  /** What searchExchanges answers per query (none when absent). */
  bodyMatches: Map<string, string[]>;
  /** When set, getExchange waits for `release()` before answering. */
  hold: boolean;
  release(): void;
}

function settingsNotFaked(): Promise<never> {
  return Promise.reject(new Error('the inspector store made a settings call'));
}

export function fakeBridge(): FakeBridge {
  const waiting: (() => void)[] = [];
  const bridge: FakeBridge = {
    records: new Map(),
    summaries: [],
    calls: [],
    bodyMatches: new Map(),
    hold: false,
    release() {
      waiting.splice(0).forEach((go) => go());
    },
    async listExchanges() {
      bridge.calls.push('listExchanges');
      return bridge.summaries;
    },
    async getExchange(id) {
      bridge.calls.push(`getExchange ${id}`);
      if (bridge.hold) await new Promise<void>((resolve) => waiting.push(resolve));
      const r = bridge.records.get(id);
      return r && structuredClone(r);
    },
    async clearExchanges() {
      bridge.calls.push('clearExchanges');
    },
    async exportExchanges(format, ids) {
      bridge.calls.push(`export ${format} ${ids?.join(',') ?? 'all'}`);
      return '{}';
    },
    async getStatus() {
      bridge.calls.push('getStatus');
      return runningStatus;
    },
    async searchExchanges(query) {
      bridge.calls.push(`searchExchanges ${query}`);
      return bridge.bodyMatches.get(query) ?? [];
    },
    async startDemo() {
      bridge.calls.push('startDemo');
      return { ...runningStatus, demo: true };
    },
    // The settings half of the contract is not the inspector store's; reaching it is a bug.
    getSettings: settingsNotFaked,
    saveSettings: settingsNotFaked,
    testProvider: settingsNotFaked,
    checkCapabilities: settingsNotFaked,
    testRoute: settingsNotFaked,
  };
  return bridge;
}

/** Lets pending promise callbacks run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
