import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { claudeCodeSessionId } from '../../../shared/traffic/session-id.ts';

const fixture = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../../fixtures/claude-code/${name}`, import.meta.url), 'utf8'),
  ) as {
    _captured: { headers: Record<string, string> };
    body: unknown;
  };

describe('Claude Code session id', () => {
  it('reads the x-claude-code-session-id header of a captured Claude Code call', () => {
    const { _captured, body } = fixture('messages-first-turn.json');
    expect(claudeCodeSessionId(_captured.headers, body)).toBe(
      '47af5f2a-5df1-4d92-82c0-c42e6c160dc2',
    );
  });

  it('falls back to the JSON user_id that newer Claude Code versions send', () => {
    const { body } = fixture('messages-after-parallel-tool-calls.json');
    expect(claudeCodeSessionId({}, body)).toBe('f1093635-f78c-40f5-b406-779e3048c9cd');
  });

  it('falls back to the _session_ suffix of the older user_id format', () => {
    const body = {
      metadata: {
        user_id: 'user_4f2a_account_9c1e-77_session_0b7c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3',
      },
    };
    expect(claudeCodeSessionId({}, body)).toBe('0b7c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3');
  });

  it('has none for other clients or malformed metadata', () => {
    expect(claudeCodeSessionId({}, { model: 'x' })).toBeUndefined();
    expect(claudeCodeSessionId({}, { metadata: { user_id: '{not json' } })).toBeUndefined();
    expect(claudeCodeSessionId({}, { metadata: { user_id: 'user_123' } })).toBeUndefined();
    expect(claudeCodeSessionId({}, null)).toBeUndefined();
  });
});
