import { describe, expect, it } from 'vitest';
import {
  claudeCodeEnv,
  clientHost,
  clientUrl,
  shellLines,
} from '../../../shared/claude-code/claude-code-env.ts';

describe('the environment that points Claude Code at the proxy', () => {
  it('names the proxy, a token and the haiku model, in that order', () => {
    expect(claudeCodeEnv('http://127.0.0.1:8080')).toEqual([
      ['ANTHROPIC_BASE_URL', 'http://127.0.0.1:8080'],
      ['ANTHROPIC_AUTH_TOKEN', 'anthropic-proxy'],
      ['ANTHROPIC_DEFAULT_HAIKU_MODEL', 'claude-haiku-4-5'],
    ]);
  });

  it('carries the client key where it may be shown, and a placeholder where it may not', () => {
    expect(claudeCodeEnv('http://127.0.0.1:8080', 'sk-client')[1]).toEqual([
      'ANTHROPIC_AUTH_TOKEN',
      'sk-client',
    ]);
    expect(claudeCodeEnv('http://127.0.0.1:8080', true)[1]).toEqual([
      'ANTHROPIC_AUTH_TOKEN',
      '<your client key>',
    ]);
  });

  it('dials wildcard binds over loopback and drops a trailing slash', () => {
    expect(clientUrl('http://0.0.0.0:8080/')).toBe('http://127.0.0.1:8080');
    expect(clientUrl('http://[::]:8080')).toBe('http://[::1]:8080');
    expect(clientUrl('http://192.168.1.5:8080')).toBe('http://192.168.1.5:8080');
    expect(clientUrl('http://0.0.0.0.example:8080')).toBe('http://0.0.0.0.example:8080');
    expect(clientHost('::')).toBe('[::1]');
    expect(clientHost('::1')).toBe('[::1]');
    expect(clientHost('localhost')).toBe('localhost');
  });

  it('quotes every value for the shell it is written for, whatever it holds', () => {
    const vars: [string, string][] = [['TOKEN', "it's $HOME `x`"]];
    expect(shellLines(vars)).toEqual([`export TOKEN='it'\\''s $HOME \`x\`'`]);
    expect(shellLines(vars, 'powershell')).toEqual([`$env:TOKEN = 'it''s $HOME \`x\`'`]);
  });
});
