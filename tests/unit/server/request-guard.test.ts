import { describe, expect, it } from 'vitest';
import { hostnameOf, isLoopbackHostname } from '../../../electron/server/request-guard.ts';

describe('hostnameOf', () => {
  it.each([
    ['localhost:8080', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
    ['[::1]:8080', '::1'],
    ['[::1]', '::1'],
    ['Example.COM:80', 'example.com'],
  ])('%s → %s', (header, hostname) => {
    expect(hostnameOf(header)).toBe(hostname);
  });
});

describe('isLoopbackHostname', () => {
  it.each(['localhost', 'app.localhost', '127.0.0.1', '127.1.2.3', '::1'])('accepts %s', (name) => {
    expect(isLoopbackHostname(name)).toBe(true);
  });
  it.each([
    'evil.example',
    'localhost.evil.example',
    '128.0.0.1',
    '10.0.0.1',
    '0.0.0.0',
    '127.0.0.1.nip.io',
  ])('refuses %s', (name) => {
    expect(isLoopbackHostname(name)).toBe(false);
  });
});
