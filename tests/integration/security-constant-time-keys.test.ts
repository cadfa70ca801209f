/**
 * The client key and the inspector token are compared in constant time: every check goes
 * through crypto.timingSafeEqual, and always over two SHA-256 digests of equal length, so
 * the time taken says nothing about how much of a guess was right, nor about the key's
 * length. Presented values of any length (empty, one byte, the key plus one, 8 KB) are
 * compared without throwing (timingSafeEqual throws on unequal lengths) and refused; the
 * right value passes.
 */
import type * as NodeCrypto from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

const compared = vi.hoisted(() => ({ calls: [] as [number, number][], threw: 0 }));

vi.mock('node:crypto', async (importOriginal) => {
  const crypto = await importOriginal<typeof NodeCrypto>();
  return {
    ...crypto,
    timingSafeEqual(a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView): boolean {
      compared.calls.push([a.byteLength, b.byteLength]);
      try {
        return crypto.timingSafeEqual(a, b);
      } catch (error) {
        compared.threw += 1;
        throw error;
      }
    },
  };
});

import { startMockUpstream, type MockUpstream } from '../support/mock-openai-upstream.ts';
import { send } from './security-routes.ts';
import { PLANTED_CLIENT_KEY, startSecurityApp, type SecurityApp } from './security-test-app.ts';

let upstream: MockUpstream;
let running: SecurityApp;

beforeAll(async () => {
  upstream = await startMockUpstream();
  running = await startSecurityApp({
    upstreamUrl: upstream.url,
    env: { CLIENT_API_KEY: PLANTED_CLIENT_KEY },
  });
});
afterAll(async () => {
  await running?.close();
  await upstream?.close();
});
beforeEach(() => {
  compared.calls.length = 0;
  compared.threw = 0;
});

function guesses(secret: string): string[] {
  return [
    'x',
    secret.slice(0, 1),
    secret.slice(0, -1),
    `${secret}x`,
    `${secret.slice(0, -1)}${secret.endsWith('0') ? '1' : '0'}`,
    'k'.repeat(8 * 1024),
  ];
}

const SHA256_BYTES = 32;

function expectDigestComparisons(count: number): void {
  expect(compared.threw).toBe(0);
  expect(compared.calls).toHaveLength(count);
  for (const lengths of compared.calls) expect(lengths).toEqual([SHA256_BYTES, SHA256_BYTES]);
}

describe('constant-time key checks', () => {
  it('compares every client key guess as two equal-length digests, and refuses it', async () => {
    const wrong = guesses(PLANTED_CLIENT_KEY);
    for (const guess of wrong) {
      const ways: Record<string, string>[] = [
        { 'x-api-key': guess },
        { authorization: `Bearer ${guess}` },
      ];
      for (const headers of ways) {
        const answer = await send(running.url, { method: 'GET', path: '/v1/models', headers });
        expect(answer.status, guess.slice(0, 20)).toBe(401);
      }
    }
    expectDigestComparisons(wrong.length * 2);
  });

  it('lets the right client key through the same comparison', async () => {
    const answer = await send(running.url, {
      method: 'GET',
      path: '/v1/models',
      headers: { 'x-api-key': PLANTED_CLIENT_KEY },
    });
    expect(answer.status).toBe(200);
    expectDigestComparisons(1);
  });

  it('compares every inspector token guess the same way, as header or query', async () => {
    const wrong = guesses(running.token);
    for (const guess of wrong) {
      const byHeader = await send(running.url, {
        method: 'GET',
        path: '/inspector/api/status',
        headers: { 'x-inspector-token': guess },
      });
      const byQuery = await send(running.url, {
        method: 'GET',
        path: `/inspector/api/status?token=${encodeURIComponent(guess)}`,
      });
      expect([byHeader.status, byQuery.status]).toEqual([401, 401]);
    }
    expectDigestComparisons(wrong.length * 2);
    const right = await send(running.url, {
      method: 'GET',
      path: '/inspector/api/status',
      headers: { 'x-inspector-token': running.token },
    });
    expect(right.status).toBe(200);
  });
});
