/**
 * The inspector's token on every inspector route (security-routes.ts): without it, with a
 * wrong one (as ?token= or X-Inspector-Token, shorter, longer, a prefix, another case), or
 * smuggled past the mount with path tricks (case, double slash, dot segments, an encoded
 * slash, a trailing slash), the page and every API call answer 401 and do nothing; with it,
 * in either place, they answer. The token's gate sits in front of the whole API, unknown
 * paths included, so a route added later is covered too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockUpstream, type MockUpstream } from '../support/mock-openai-upstream.ts';
import { EVERY_ROUTE, send, withToken, type RouteCase } from './security-routes.ts';
import { startSecurityApp, type SecurityApp } from './security-test-app.ts';

let upstream: MockUpstream;
let running: SecurityApp;

beforeAll(async () => {
  upstream = await startMockUpstream();
  running = await startSecurityApp({ upstreamUrl: upstream.url });
});
afterAll(async () => {
  await running?.close();
  await upstream?.close();
});

/** What a refused call must not have changed. */
async function observable() {
  return {
    settings: JSON.stringify(running.app.settings.service.get()),
    demo: running.app.demo.enabled(),
    exchanges: running.app.inspector.recorder.list().length,
    upstreamCalls: upstream.requests.length,
  };
}

const GUARDED = EVERY_ROUTE.filter((route) => route.inspectorApi || route.inspectorPage);

function call(route: RouteCase, path: string, headers: Record<string, string> = {}) {
  return send(running.url, {
    method: route.method,
    path,
    headers: {
      ...(route.body !== undefined && { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(route.body !== undefined && { body: JSON.stringify(route.body) }),
  });
}

function wrongTokens(token: string): string[] {
  return [
    '',
    'x',
    token.slice(0, -1),
    `${token}x`,
    token.toUpperCase(),
    `${token.slice(0, -1)}${token.at(-1) === 'a' ? 'b' : 'a'}`,
    'a'.repeat(4096),
  ];
}

describe('the inspector token on every inspector route', () => {
  it('is required: missing or wrong, as query or header, every route answers 401 and changes nothing', async () => {
    expect(GUARDED.length).toBeGreaterThan(15);
    const before = await observable();
    const failures: string[] = [];
    for (const route of GUARDED) {
      const attempts = [
        call(route, route.path),
        ...wrongTokens(running.token).flatMap((wrong) => [
          call(route, withToken(route.path, wrong)),
          call(route, route.path, { 'x-inspector-token': wrong }),
        ]),
      ];
      for (const answer of await Promise.all(attempts)) {
        if (answer.status !== 401)
          failures.push(
            `${route.method} ${route.path}: ${answer.status} ${answer.text.slice(0, 80)}`,
          );
      }
    }
    expect(failures).toEqual([]);
    expect(await observable()).toEqual(before);
  });

  it('answers with the token, as ?token= or as X-Inspector-Token', async () => {
    const failures: string[] = [];
    // Demo mode last: it changes where later calls go.
    const ordered = [...GUARDED].sort(
      (a, b) => Number(a.name === 'demo') - Number(b.name === 'demo'),
    );
    for (const route of ordered) {
      const byQuery = await call(route, withToken(route.path, running.token));
      const byHeader = await call(route, route.path, { 'x-inspector-token': running.token });
      for (const answer of [byQuery, byHeader])
        if (answer.status === 401 || answer.status === 403)
          failures.push(`${route.method} ${route.path}: ${answer.status}`);
    }
    expect(failures).toEqual([]);
  });

  it.each([
    '/INSPECTOR/API/status',
    '/Inspector/api/settings',
    '//inspector/api/settings',
    '/inspector//api/settings',
    '/inspector/./api/settings',
    '/inspector/assets/../api/settings',
    '/inspector/api/settings/',
    '/inspector/api/./settings',
    '/inspector/api%2Fsettings',
    '/inspector%2Fapi%2Fsettings',
    '/inspector/api/exchanges/..%2Fsettings',
  ])('gives nothing away for the path trick %s without the token', async (path) => {
    const answer = await send(running.url, { method: 'GET', path });
    // Refused, or no such route; never the data.
    expect([401, 403, 404]).toContain(answer.status);
    expect(answer.text).not.toMatch(/"providers"|"server"|"version"|"state"/);
  });

  it('keeps an event stream shut to a wrong token (EventSource carries it as ?token=)', async () => {
    const answer = await send(running.url, {
      method: 'GET',
      path: withToken('/inspector/api/events', 'nope'),
      headers: { accept: 'text/event-stream' },
    });
    expect(answer.status).toBe(401);
    expect(answer.contentType).not.toContain('text/event-stream');
  });
});
