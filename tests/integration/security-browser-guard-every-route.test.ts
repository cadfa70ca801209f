/**
 * What a web page can make a browser send to a proxy on 127.0.0.1, tried on every route of
 * the headless app (security-routes.ts): a foreign Host (DNS rebinding), a cross-site or
 * opaque Origin, another local app's origin, `Sec-Fetch-Site: cross-site`, and the bodies a
 * page may POST without a CORS preflight (text/plain, urlencoded form, multipart form). Each
 * is refused with 403 permission_error before it does anything: no upstream call, no
 * settings change, no cleared traffic, no demo mode. The same requests without the attack
 * pass, so the table cannot pass by refusing everything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockUpstream, type MockUpstream } from '../support/mock-openai-upstream.ts';
import { EVERY_ROUTE, send, withToken, type RouteCase } from './security-routes.ts';
import { startSecurityApp, type SecurityApp } from './security-test-app.ts';

let upstream: MockUpstream;
let running: SecurityApp;
let port: number;

beforeAll(async () => {
  upstream = await startMockUpstream();
  running = await startSecurityApp({ upstreamUrl: upstream.url });
  port = running.app.proxy.port;
});
afterAll(async () => {
  await running?.close();
  await upstream?.close();
});

interface Attack {
  name: string;
  headers: () => Record<string, string>;
  /** Replaces the body's content type (and sends a body even on a GET route, as a POST). */
  bodyType?: string;
}

const ATTACKS: readonly Attack[] = [
  { name: 'a foreign Host (DNS rebinding)', headers: () => ({ host: `evil.example:${port}` }) },
  {
    name: 'a rebinding Host and its own Origin',
    headers: () => ({ host: `evil.example:${port}`, origin: `http://evil.example:${port}` }),
  },
  { name: 'a cross-site Origin', headers: () => ({ origin: 'https://evil.example' }) },
  { name: 'the opaque Origin "null"', headers: () => ({ origin: 'null' }) },
  {
    name: "another local app's Origin",
    headers: () => ({ origin: `http://127.0.0.1:${port + 1}` }),
  },
  { name: 'Sec-Fetch-Site: cross-site', headers: () => ({ 'sec-fetch-site': 'cross-site' }) },
  { name: 'a text/plain body', headers: () => ({}), bodyType: 'text/plain;charset=UTF-8' },
  {
    name: 'an urlencoded form body',
    headers: () => ({}),
    bodyType: 'application/x-www-form-urlencoded',
  },
  {
    name: 'a multipart form body',
    headers: () => ({}),
    bodyType: 'multipart/form-data; boundary=----x',
  },
];

function authorised(route: RouteCase): string {
  return route.inspectorApi || route.inspectorPage
    ? withToken(route.path, running.token)
    : route.path;
}

function requestFor(route: RouteCase, attack?: Attack) {
  const hasBody = route.body !== undefined || attack?.bodyType !== undefined;
  // A page sends form and text bodies without a preflight only with POST, so a route of
  // another method (GET, HEAD, OPTIONS) gets a POST; PUT and DELETE keep theirs.
  const method =
    attack?.bodyType !== undefined && route.method !== 'PUT' && route.method !== 'DELETE'
      ? 'POST'
      : route.method;
  return {
    method,
    path: authorised(route),
    headers: {
      ...(hasBody && { 'content-type': attack?.bodyType ?? 'application/json' }),
      ...attack?.headers(),
    },
    ...(hasBody && { body: JSON.stringify(route.body ?? { any: 'thing' }) }),
  };
}

/** What the attacks must not have changed. */
async function observable() {
  const settings = await send(running.url, {
    method: 'GET',
    path: withToken('/inspector/api/settings', running.token),
  });
  return {
    upstreamCalls: upstream.requests.length,
    exchanges: running.app.inspector.recorder.list().length,
    settings: settings.text,
    demo: running.app.demo.enabled(),
  };
}

describe('browser attacks on every route', () => {
  const rows = EVERY_ROUTE.flatMap((route) =>
    ATTACKS.map((attack) => ({
      label: `${route.method} ${route.path}: ${attack.name}`,
      route,
      attack,
    })),
  );

  it('refuse each one with 403 permission_error, and none of them changes anything', async () => {
    // One recorded call first, so "clear exchanges" would have something to clear.
    const seed = await send(
      running.url,
      requestFor(EVERY_ROUTE.find((r) => r.name === 'messages')!),
    );
    expect(seed.status).toBe(200);
    const before = await observable();
    const failures: string[] = [];
    for (const { label, route, attack } of rows) {
      const answer = await send(running.url, requestFor(route, attack)).catch((error: Error) => {
        throw new Error(`${label}: ${error.message}`);
      });
      const shaped =
        answer.json !== undefined &&
        (answer.json as { error?: { type?: string } }).error?.type === 'permission_error';
      // HEAD answers carry no body; their status is the proof.
      if (answer.status !== 403 || (route.method !== 'HEAD' && !shaped))
        failures.push(`${label}: ${answer.status} ${answer.text.slice(0, 120)}`);
    }
    expect(failures).toEqual([]);
    expect(await observable()).toEqual(before);
    expect(rows.length).toBe(EVERY_ROUTE.length * ATTACKS.length);
  });

  it('let the same requests through without the attack (the table is not refusing everything)', async () => {
    // Demo mode last: it changes where later calls go.
    const ordered = [...EVERY_ROUTE].sort(
      (a, b) => Number(a.name === 'demo') - Number(b.name === 'demo'),
    );
    const answers: string[] = [];
    for (const route of ordered) {
      const answer = await send(running.url, requestFor(route));
      if (answer.status === 403 || answer.status === 401)
        answers.push(
          `${route.method} ${route.path}: ${answer.status} ${answer.text.slice(0, 120)}`,
        );
    }
    expect(answers).toEqual([]);
    expect(running.app.demo.enabled()).toBe(true);
  });

  it('let a same-origin page through (the inspector itself)', async () => {
    const answer = await send(running.url, {
      method: 'GET',
      path: withToken('/inspector/api/status', running.token),
      headers: { origin: `http://127.0.0.1:${port}`, 'sec-fetch-site': 'same-origin' },
    });
    expect(answer.status).toBe(200);
  });
});
