/**
 * A mock-upstream answer whose text fragments are numbered and tagged with the caller, so a
 * load test can tell a lost, repeated, reordered or crossed-over fragment from a good one:
 * the reassembled text must equal `numberedText(tag, count)` exactly.
 */
import type { MockBehaviour } from '../support/mock-openai-upstream.ts';
import { chunk, sleep, usage, usageChunk } from '../support/mock-openai-upstream.ts';

export function numberedFragment(tag: string, index: number): string {
  return `${tag}:${index};`;
}

export function numberedText(tag: string, count: number): string {
  let text = '';
  for (let i = 0; i < count; i++) text += numberedFragment(tag, i);
  return text;
}

export interface NumberedStreamOptions {
  /** Chunks written back to back before each pause (default: all of them, flat out). */
  burst?: number;
  /** Pause between bursts. */
  pauseMs?: number;
}

/** Role chunk, `count` numbered text chunks, finish, usage-only chunk, [DONE]. */
export function numberedStream(
  tag: string,
  count: number,
  options: NumberedStreamOptions = {},
): MockBehaviour {
  const burst = options.burst ?? count;
  return async ({ res, signal }) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.write(`data: ${JSON.stringify(chunk({ role: 'assistant', content: '' }))}\n\n`);
    for (let i = 0; i < count; i++) {
      if (i > 0 && i % burst === 0) await sleep(options.pauseMs ?? 0, signal);
      if (signal.aborted) return;
      res.write(`data: ${JSON.stringify(chunk({ content: numberedFragment(tag, i) }))}\n\n`);
    }
    res.write(`data: ${JSON.stringify(chunk({}, 'stop'))}\n\n`);
    res.write(`data: ${JSON.stringify(usageChunk(usage(10, count)))}\n\n`);
    res.end('data: [DONE]\n\n');
  };
}

/** Chunks the upstream sends for `count` fragments: role, fragments, finish, usage. */
export function numberedChunkCount(count: number): number {
  return count + 3;
}
