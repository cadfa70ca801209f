import { describe, expect, it } from 'vitest';
import { estimateBytes } from '../../../electron/server/recorder/size-estimate.ts';

describe('size estimate of recorded bodies', () => {
  it('tracks the JSON size of a string-heavy body', () => {
    const body = { model: 'm', messages: [{ role: 'user', content: 'x'.repeat(10_000) }] };
    const json = JSON.stringify(body).length;
    expect(estimateBytes(body)).toBeGreaterThan(json);
    expect(estimateBytes(body)).toBeLessThan(json * 1.1);
  });

  it('counts strings with characters beyond Latin-1 at two bytes each, as V8 stores them', () => {
    const latin = estimateBytes('é'.repeat(1000));
    const wide = estimateBytes('…'.repeat(1000));
    expect(latin).toBeLessThan(1100);
    expect(wide).toBeGreaterThan(2000);
  });

  it('walks deep structures without recursion', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(estimateBytes(deep)).toBeGreaterThan(100_000);
  });
});
