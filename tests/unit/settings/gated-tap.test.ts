import { describe, expect, it } from 'vitest';
import { noopExchangeTap, type ExchangeTap } from '../../../electron/server/exchange-tap.ts';
import { gatedTap } from '../../../electron/server/settings/gated-tap.ts';

function recordingTap(seen: string[]): ExchangeTap {
  return {
    ...noopExchangeTap,
    started: (start) => void seen.push(`started ${start.id}`),
    openaiChunks: (id, chunks) => void seen.push(`chunks ${id} ${chunks.join(' ')}`),
    completed: (id) => void seen.push(`completed ${id}`),
  };
}

const start = (id: string) => ({
  id,
  receivedAt: 0,
  method: 'POST',
  path: '/v1/messages',
  clientHeaders: {},
  anthropicRequest: {},
});

describe('gatedTap', () => {
  it('records a call whole or not at all, by the switch at its start', () => {
    const seen: string[] = [];
    let enabled = true;
    const tap = gatedTap(recordingTap(seen), () => enabled);
    tap.started(start('a'));
    enabled = false;
    tap.started(start('b'));
    tap.openaiChunks('a', ['{"n":1}']);
    tap.openaiChunks('b', ['{"n":2}']);
    enabled = true;
    tap.completed('a', { status: 200 });
    tap.completed('b', { status: 200 });
    expect(seen).toEqual(['started a', 'chunks a {"n":1}', 'completed a']);
  });

  it('forgets a call once it completed', () => {
    const seen: string[] = [];
    const tap = gatedTap(recordingTap(seen), () => true);
    tap.started(start('a'));
    tap.completed('a', { status: 200 });
    tap.openaiChunks('a', ['{"n":3}']);
    expect(seen).toEqual(['started a', 'completed a']);
  });
});
