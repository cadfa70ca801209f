import { describe, expect, it } from 'vitest';
import { claudeCodeEnvLines } from '../../../../renderer/settings/claude-code-env.ts';

describe('Claude Code env lines', () => {
  it('point Claude Code at the proxy with any token when no client key is set', () => {
    expect(
      claudeCodeEnvLines({ host: '127.0.0.1', port: 8080, clientKey: { set: false } }),
    ).toEqual([
      "export ANTHROPIC_BASE_URL='http://127.0.0.1:8080'",
      "export ANTHROPIC_AUTH_TOKEN='anthropic-proxy'",
      "export ANTHROPIC_DEFAULT_HAIKU_MODEL='claude-haiku-4-5'",
    ]);
  });

  it('use a placeholder for a client key, never the key', () => {
    const lines = claudeCodeEnvLines({
      host: '0.0.0.0',
      port: 9000,
      clientKey: { set: true, last4: 'abcd' },
    });
    expect(lines[0]).toBe("export ANTHROPIC_BASE_URL='http://127.0.0.1:9000'");
    expect(lines[1]).toBe("export ANTHROPIC_AUTH_TOKEN='<your client key>'");
  });

  it('prefer the address the proxy really listens on', () => {
    const lines = claudeCodeEnvLines(
      { host: '127.0.0.1', port: 0, clientKey: { set: false } },
      'http://127.0.0.1:43123',
    );
    expect(lines[0]).toBe("export ANTHROPIC_BASE_URL='http://127.0.0.1:43123'");
  });
});
