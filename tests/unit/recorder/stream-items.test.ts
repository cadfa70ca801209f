import { describe, expect, it } from 'vitest';
import { StreamItems } from '../../../electron/server/recorder/stream-items.ts';

const chunk = (i: number): string =>
  JSON.stringify({ choices: [{ delta: { content: `w${i} é` } }] });

describe('StreamItems: a stream list kept as one string per batch', () => {
  it('gives back every item exactly as appended, with its batch offset, from any index', () => {
    const items = new StreamItems('sliced');
    items.append([chunk(0)], 1.5);
    items.append([chunk(1), chunk(2), chunk(3)], 2.5);
    items.append([chunk(4), chunk(5)], 4);
    expect(items.length).toBe(6);
    expect(items.read()).toEqual([
      { offsetMs: 1.5, text: chunk(0) },
      { offsetMs: 2.5, text: chunk(1) },
      { offsetMs: 2.5, text: chunk(2) },
      { offsetMs: 2.5, text: chunk(3) },
      { offsetMs: 4, text: chunk(4) },
      { offsetMs: 4, text: chunk(5) },
    ]);
    expect(items.read(2).map((item) => item.text)).toEqual([2, 3, 4, 5].map(chunk));
    expect(items.read(6)).toEqual([]);
  });

  it('keeps only the room it is given and ignores an empty batch', () => {
    const items = new StreamItems('own');
    expect(items.append([chunk(0), chunk(1), chunk(2)], 1, 2)).toBe(2);
    expect(items.append([chunk(3)], 2, 0)).toBe(0);
    expect(items.append([], 3)).toBe(0);
    expect(items.read().map((item) => item.text)).toEqual([chunk(0), chunk(1)]);
  });

  it('prices what it holds and grows with every batch', () => {
    const items = new StreamItems('own');
    const empty = items.bytes;
    items.append([chunk(0), chunk(1)], 1);
    const one = items.bytes;
    items.append(['x'.repeat(10_000)], 2);
    expect(one).toBeGreaterThan(empty + 2 * chunk(0).length);
    expect(items.bytes - one).toBeGreaterThanOrEqual(10_000);
    // A character beyond Latin-1 makes the whole string two bytes a character.
    const wide = new StreamItems('own');
    wide.append(['€'.repeat(10_000)], 1);
    expect(wide.bytes - empty).toBeGreaterThanOrEqual(20_000);
  });

  it('cuts to the whole batches that fit, then appends the marker at the last offset', () => {
    const items = new StreamItems('sliced');
    for (let i = 0; i < 10; i++) items.append([chunk(2 * i), chunk(2 * i + 1)], i);
    const perBatch = (items.bytes - new StreamItems('sliced').bytes) / 10;
    const dropped = items.truncate(items.bytes - 5.5 * perBatch, (n) => `{"omitted":${n}}`);
    expect(dropped).toBe(12);
    const texts = items.read();
    expect(texts).toHaveLength(9);
    expect(texts.at(-2)?.text).toBe(chunk(7));
    expect(texts.at(-1)).toEqual({ offsetMs: 9, text: '{"omitted":12}' });
    expect(items.truncate(Infinity, () => 'never')).toBe(0);
  });
});
