/** The env lines "Copy Claude Code Setup" puts on the clipboard. */
import { describe, expect, it } from 'vitest';
import { claudeCodeSetupLines } from '../../../../electron/app/claude-code-setup.ts';

describe('Claude Code setup lines', () => {
  it('exports the base URL and a placeholder token on macOS and Linux', () => {
    expect(claudeCodeSetupLines({ url: 'http://127.0.0.1:8080', platform: 'darwin' })).toBe(
      "export ANTHROPIC_BASE_URL='http://127.0.0.1:8080'\nexport ANTHROPIC_AUTH_TOKEN='anthropic-proxy'\nexport ANTHROPIC_DEFAULT_HAIKU_MODEL='claude-haiku-4-5'\n",
    );
  });

  it('uses the client key as the token when one is set, quoted for the shell', () => {
    expect(
      claudeCodeSetupLines({ url: 'http://127.0.0.1:9000', clientKey: "k'ey", platform: 'linux' }),
    ).toContain("export ANTHROPIC_AUTH_TOKEN='k'\\''ey'");
  });

  it('writes PowerShell lines on Windows', () => {
    expect(claudeCodeSetupLines({ url: 'http://127.0.0.1:8080', platform: 'win32' })).toBe(
      "$env:ANTHROPIC_BASE_URL = 'http://127.0.0.1:8080'\n$env:ANTHROPIC_AUTH_TOKEN = 'anthropic-proxy'\n$env:ANTHROPIC_DEFAULT_HAIKU_MODEL = 'claude-haiku-4-5'\n",
    );
  });

  it('points clients at loopback when the proxy listens on every interface', () => {
    expect(claudeCodeSetupLines({ url: 'http://0.0.0.0:8080', platform: 'linux' })).toContain(
      "ANTHROPIC_BASE_URL='http://127.0.0.1:8080'",
    );
  });
});
