import { describe, expect, it } from 'vitest';
import {
  synthesizeToolUseId,
  toAnthropicToolUseId,
} from '../../../shared/translate/tool-use-id.ts';

const ANTHROPIC_ID = /^toolu_[A-Za-z0-9_-]+$/;

describe('toAnthropicToolUseId', () => {
  it.each([
    ['call_Qm3VfZ8pLx2NcR7tYw1KdJ4s', 'toolu_call_Qm3VfZ8pLx2NcR7tYw1KdJ4s'],
    ['call_00_kR4vW2nX8pQ1sT6yU3zA', 'toolu_call_00_kR4vW2nX8pQ1sT6yU3zA'],
    ['function-call-11086357127541224213', 'toolu_function-call-11086357127541224213'],
    ['aB3dE6gH9', 'toolu_aB3dE6gH9'],
    ['toolu_01A09q90qw90lq917835lq9', 'toolu_01A09q90qw90lq917835lq9'],
  ])('%s → %s', (upstream, expected) => {
    expect(toAnthropicToolUseId(upstream)).toBe(expected);
  });

  it('ids with other characters keep their readable part, gain a hash, and stay distinct', () => {
    const colon = toAnthropicToolUseId('call:1');
    const slash = toAnthropicToolUseId('call/1');
    expect(colon).toMatch(ANTHROPIC_ID);
    expect(colon.startsWith('toolu_call_1_')).toBe(true);
    expect(colon).not.toBe(slash);
    expect(colon).not.toBe(toAnthropicToolUseId('call_1'));
    expect(toAnthropicToolUseId('call:1')).toBe(colon);
  });

  it('synthesised ids are valid, deterministic and depend on message and position', () => {
    expect(synthesizeToolUseId('msg_a', 0)).toMatch(ANTHROPIC_ID);
    expect(synthesizeToolUseId('msg_a', 0)).toBe(synthesizeToolUseId('msg_a', 0));
    expect(synthesizeToolUseId('msg_a', 0)).not.toBe(synthesizeToolUseId('msg_a', 1));
    expect(synthesizeToolUseId('msg_a', 0)).not.toBe(synthesizeToolUseId('msg_b', 0));
  });
});
