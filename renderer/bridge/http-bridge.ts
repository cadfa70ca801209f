/**
 * The headless transport: the Bridge contract over the inspector's HTTP API (fetch, with the
 * page's token in X-Inspector-Token) and its server-sent events (EventSource, which cannot
 * send headers, so the token rides in the query). One EventSource serves every subscription
 * and opens with the first one; the browser reconnects it by itself and the server answers
 * each connection with a fresh snapshot. While it is down, subscribers of `status` hear the
 * last status with state "error", so the UI can say the proxy is unreachable.
 */
import type { Bridge, BridgeEventName, BridgeEvents, ProxyStatus } from '../../shared/bridge.ts';
import type {
  SaveSettingsResult,
  SettingsSnapshot,
} from '../../shared/settings/public-settings.ts';
import type { ExchangeRecord, ExchangeSummary } from '../../shared/traffic/exchange-record.ts';

const EVENT_NAMES: readonly BridgeEventName[] = [
  'snapshot',
  'exchange-started',
  'exchange-updated',
  'exchange-completed',
  'exchanges-evicted',
  'status',
];

export interface HttpBridgeOptions {
  /** e.g. "/inspector/api" (no trailing slash). */
  apiBase: string;
  token: string;
}

/** The API base and token of the page this script runs in (/inspector/?token=…). */
export function httpBridgeOptionsFromLocation(location: Location): HttpBridgeOptions {
  const path = location.pathname.replace(/\/(index\.html)?$/, '');
  return { apiBase: `${path}/api`, token: new URLSearchParams(location.search).get('token') ?? '' };
}

type Listener = (payload: never) => void;

function jsonBody(method: 'PUT' | 'POST', body: unknown): RequestInit {
  return { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

export function createHttpBridge({ apiBase, token }: HttpBridgeOptions): Bridge {
  const listeners = new Map<BridgeEventName, Set<Listener>>();
  let source: EventSource | undefined;
  let lastStatus: ProxyStatus | undefined;

  /** Statuses in `answered` come back as responses; any other failure throws its message. */
  async function request(
    path: string,
    init: RequestInit = {},
    answered: readonly number[] = [404],
  ): Promise<Response> {
    const response = await fetch(`${apiBase}${path}`, {
      ...init,
      headers: { 'X-Inspector-Token': token, ...init.headers },
      cache: 'no-store',
    });
    if (!response.ok && !answered.includes(response.status)) {
      let message = `${response.status} ${response.statusText}`;
      try {
        const body = (await response.json()) as { error?: { message?: string } };
        message = body.error?.message ?? message;
      } catch {
        // Not JSON: keep the status line.
      }
      throw new Error(message);
    }
    return response;
  }

  function emit<K extends BridgeEventName>(name: K, payload: BridgeEvents[K]): void {
    if (name === 'status') lastStatus = payload as ProxyStatus;
    if (name === 'snapshot') lastStatus = (payload as BridgeEvents['snapshot']).status;
    for (const listener of listeners.get(name) ?? [])
      (listener as (p: BridgeEvents[K]) => void)(payload);
  }

  function open(): void {
    const es = new EventSource(`${apiBase}/events?token=${encodeURIComponent(token)}`);
    for (const name of EVENT_NAMES) {
      es.addEventListener(name, (event) => {
        emit(name, JSON.parse((event as MessageEvent<string>).data) as BridgeEvents[typeof name]);
      });
    }
    es.addEventListener('error', () => {
      const closed = es.readyState === EventSource.CLOSED;
      emit('status', {
        ...(lastStatus ?? { version: '', demo: false, upstreamConfigured: true }),
        state: 'error',
        message: closed
          ? 'The inspector lost its connection to the proxy (reload the page to retry).'
          : 'The inspector lost its connection to the proxy; reconnecting…',
      });
    });
    source = es;
  }

  return {
    async listExchanges() {
      return (await (await request('/exchanges')).json()) as ExchangeSummary[];
    },
    async getExchange(id) {
      const response = await request(`/exchanges/${encodeURIComponent(id)}`);
      if (response.status === 404) return undefined;
      return (await response.json()) as ExchangeRecord;
    },
    async clearExchanges() {
      await request('/exchanges', { method: 'DELETE' });
    },
    async exportExchanges(format, ids) {
      const query = new URLSearchParams({ format });
      if (ids) query.set('ids', ids.join(','));
      return (await request(`/export?${query}`)).text();
    },
    async getStatus() {
      return (await (await request('/status')).json()) as ProxyStatus;
    },
    async searchExchanges(query) {
      const found = (await (
        await request(`/exchanges?${new URLSearchParams({ q: query })}`, {}, [])
      ).json()) as ExchangeSummary[];
      return found.map((summary) => summary.id);
    },
    async startDemo() {
      return (await (await request('/demo', { method: 'POST' }, [])).json()) as ProxyStatus;
    },
    async getSettings() {
      return (await (await request('/settings')).json()) as SettingsSnapshot;
    },
    async saveSettings(update) {
      // A 400 carries the field errors the form shows: an answer, not a failure.
      const response = await request('/settings', jsonBody('PUT', update), [400]);
      return (await response.json()) as SaveSettingsResult;
    },
    async testProvider(id, check = {}) {
      const response = await request(
        `/providers/${encodeURIComponent(id)}/test`,
        jsonBody('POST', check),
        [],
      );
      return (await response.json()) as Awaited<ReturnType<Bridge['testProvider']>>;
    },
    async checkCapabilities(id, check = {}) {
      const path = `/providers/${encodeURIComponent(id)}/capabilities`;
      const response = await request(path, jsonBody('POST', check), []);
      return (await response.json()) as Awaited<ReturnType<Bridge['checkCapabilities']>>;
    },
    async testRoute(routeTest) {
      const response = await request('/routes/test', jsonBody('POST', routeTest), []);
      return (await response.json()) as Awaited<ReturnType<Bridge['testRoute']>>;
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as Listener);
      if (!source) open();
      return () => {
        set.delete(listener as Listener);
        if ([...listeners.values()].every((s) => s.size === 0)) {
          source?.close();
          source = undefined;
        }
      };
    },
  };
}
