import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createTrafficRecorder } from '../../../electron/server/recorder/traffic-recorder.ts';
import { anthropicCurlCommand, openaiCurlCommand } from '../../../shared/export/curl-command.ts';
import {
  anthropicBody,
  CLIENT_KEY,
  startExchange,
  UPSTREAM_KEY,
} from '../recorder/recorder-driver.ts';

function record(body = anthropicBody()) {
  const recorder = createTrafficRecorder();
  startExchange(recorder, 'a', { body });
  return recorder.get('a')!;
}

/** What a POSIX shell makes of the command: the argv curl would receive. */
function shellWords(command: string, env: Record<string, string>): string[] {
  const script = `set -- ${command.replace(/^curl /, '').replaceAll(' \\\n ', ' ')}; for a in "$@"; do printf '%s\\0' "$a"; done`;
  return execFileSync('sh', ['-c', script], { env, encoding: 'utf8' }).split('\0').slice(0, -1);
}

describe('copy as cURL', () => {
  it('replays the Anthropic request with $ANTHROPIC_API_KEY in place of the key', () => {
    const command = anthropicCurlCommand(record());
    expect(command).toContain(`-H "x-api-key: $ANTHROPIC_API_KEY"`);
    expect(command).not.toContain(CLIENT_KEY.slice(-8));
    expect(command).not.toContain('…');
    const argv = shellWords(command, { ANTHROPIC_API_KEY: 'from-env' });
    expect(argv[0]).toBe('http://127.0.0.1:8080/v1/messages?beta=true');
    expect(argv).toContain('x-api-key: from-env');
    expect(argv).toContain('anthropic-version: 2023-06-01');
    expect(argv).toContain('-N'); // a streaming request: no output buffering
    expect(JSON.parse(argv.at(-1)!)).toEqual(anthropicBody());
  });

  it('replays the OpenAI request against the upstream URL with $OPENAI_API_KEY', () => {
    const command = openaiCurlCommand(record());
    expect(command).toContain(`-H "authorization: Bearer $OPENAI_API_KEY"`);
    expect(command).not.toContain(UPSTREAM_KEY.slice(-8));
    const argv = shellWords(command, { OPENAI_API_KEY: 'sk-env' });
    expect(argv[0]).toBe('https://openrouter.ai/api/v1/chat/completions');
    expect(argv).toContain('authorization: Bearer sk-env');
    expect(JSON.parse(argv.at(-1)!)).toMatchObject({ model: 'openai/gpt-4o', stream: true });
  });

  it('survives single quotes and shell syntax in the body', () => {
    const body = anthropicBody({
      messages: [{ role: 'user', content: `it's $(rm -rf /) \`x\` "q" \\ done` }],
    });
    const argv = shellWords(anthropicCurlCommand(record(body)), {});
    expect(JSON.parse(argv.at(-1)!)).toEqual(body);
  });

  it('targets another base URL when asked (e.g. the real Anthropic API)', () => {
    const command = anthropicCurlCommand(record(), { baseUrl: 'https://api.anthropic.com/' });
    expect(command.startsWith(`curl 'https://api.anthropic.com/v1/messages?beta=true'`)).toBe(true);
  });
});
