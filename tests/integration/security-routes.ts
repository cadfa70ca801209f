/**
 * Every route the headless app answers, for the table-driven security tests: the probes and
 * /v1 API of proxy-app.ts, the inspector page and assets of mount-inspector.ts, the
 * inspector API of inspector-api.ts, the settings API of settings-api.ts and the demo API.
 * A route added to the app without a row here is not covered: keep the list complete.
 * `send` speaks plain HTTP so a test can forge any header, and gives up on a body it does not
 * need (an event stream never ends by itself).
 */
import { request } from 'node:http';

export interface RouteCase {
  name: string;
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE' | 'OPTIONS';
  /** Path and query; inspector rows get the token added by the caller when it wants. */
  path: string;
  /** A JSON body, sent as application/json unless a test chooses another type. */
  body?: unknown;
  /** Under /inspector/api: behind the inspector token. */
  inspectorApi?: boolean;
  /** The inspector page: behind the token too. */
  inspectorPage?: boolean;
}

const message = {
  model: 'claude-sonnet-4-6',
  max_tokens: 16,
  messages: [{ role: 'user', content: 'hi' }],
};

export const EVERY_ROUTE: readonly RouteCase[] = [
  { name: 'health', method: 'GET', path: '/' },
  { name: 'health probe', method: 'HEAD', path: '/' },
  { name: 'hello probe', method: 'GET', path: '/api/hello' },
  { name: 'hello probe (HEAD)', method: 'HEAD', path: '/api/hello' },
  { name: 'messages', method: 'POST', path: '/v1/messages', body: message },
  { name: 'messages ?beta=true', method: 'POST', path: '/v1/messages?beta=true', body: message },
  { name: 'count_tokens', method: 'POST', path: '/v1/messages/count_tokens', body: message },
  { name: 'models', method: 'GET', path: '/v1/models?limit=1000' },
  { name: 'one model', method: 'GET', path: '/v1/models/claude-sonnet-4-6' },
  { name: 'preflight', method: 'OPTIONS', path: '/v1/messages' },
  { name: 'unknown path', method: 'GET', path: '/no/such/route' },
  { name: 'inspector page', method: 'GET', path: '/inspector/', inspectorPage: true },
  {
    name: 'inspector index.html',
    method: 'GET',
    path: '/inspector/index.html',
    inspectorPage: true,
  },
  { name: 'inspector asset', method: 'GET', path: '/inspector/assets/app.js' },
  { name: 'exchanges', method: 'GET', path: '/inspector/api/exchanges', inspectorApi: true },
  {
    name: 'exchange search',
    method: 'GET',
    path: '/inspector/api/exchanges?q=hi',
    inspectorApi: true,
  },
  {
    name: 'one exchange',
    method: 'GET',
    path: '/inspector/api/exchanges/req_nope',
    inspectorApi: true,
  },
  {
    name: 'clear exchanges',
    method: 'DELETE',
    path: '/inspector/api/exchanges',
    inspectorApi: true,
  },
  { name: 'events', method: 'GET', path: '/inspector/api/events', inspectorApi: true },
  { name: 'status', method: 'GET', path: '/inspector/api/status', inspectorApi: true },
  {
    name: 'export json',
    method: 'GET',
    path: '/inspector/api/export?format=json',
    inspectorApi: true,
  },
  {
    name: 'export har',
    method: 'GET',
    path: '/inspector/api/export?format=har',
    inspectorApi: true,
  },
  { name: 'settings', method: 'GET', path: '/inspector/api/settings', inspectorApi: true },
  {
    name: 'save settings',
    method: 'PUT',
    path: '/inspector/api/settings',
    body: { logLevel: 'debug' },
    inspectorApi: true,
  },
  {
    name: 'provider test',
    method: 'POST',
    path: '/inspector/api/providers/mock/test',
    body: {},
    inspectorApi: true,
  },
  {
    name: 'provider capabilities',
    method: 'POST',
    path: '/inspector/api/providers/mock/capabilities',
    body: {},
    inspectorApi: true,
  },
  {
    name: 'route test',
    method: 'POST',
    path: '/inspector/api/routes/test',
    body: { facts: { model: 'claude-sonnet-4-6' } },
    inspectorApi: true,
  },
  { name: 'demo', method: 'POST', path: '/inspector/api/demo', body: {}, inspectorApi: true },
  {
    name: 'unknown inspector API path',
    method: 'GET',
    path: '/inspector/api/no-such-route',
    inspectorApi: true,
  },
];

/** Adds ?token= (or &token=) to a path. */
export function withToken(path: string, token: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`;
}

export interface SentRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface Answer {
  status: number;
  contentType: string;
  /** The body when it is JSON, else undefined (event streams are not read). */
  json: unknown;
  text: string;
}

export function send(baseUrl: string, options: SentRequest): Promise<Answer> {
  // The path goes out byte for byte (a URL would resolve "//x" or "/a/../b" first).
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined)
      headers['content-length'] = String(Buffer.byteLength(options.body));
    // A fresh connection each time: a refused request's unread body may end its socket.
    const target = { hostname, port, path: options.path, method: options.method, headers };
    const req = request({ ...target, agent: false }, (res) => {
      const contentType = String(res.headers['content-type'] ?? '');
      if (contentType.startsWith('text/event-stream')) {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, contentType, json: undefined, text: '' });
        return;
      }
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () => {
        const text = Buffer.concat(parts).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text) as unknown;
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, contentType, json, text });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
