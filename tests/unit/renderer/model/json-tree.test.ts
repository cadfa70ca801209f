import { describe, expect, it } from 'vitest';
import {
  flattenJson,
  formatPath,
  initialExpansion,
  pathId,
  revealPath,
  searchJson,
  STRING_CLIP,
  valueAt,
} from '../../../../renderer/model/json-tree.ts';

const doc = {
  model: 'm',
  messages: [
    { role: 'user', content: 'hello' },
    { role: 'assistant', content: 'hi' },
  ],
  'odd key': null,
};

describe('flattenJson', () => {
  it('lists children only of open nodes', () => {
    const closed = flattenJson(doc, { expanded: new Set() });
    expect(closed).toHaveLength(1);
    const rows = flattenJson(doc, { expanded: new Set([pathId([]), pathId(['messages'])]) });
    expect(rows.map((r) => (r.kind === 'node' ? formatPath(r.path) : 'more'))).toEqual([
      '$',
      '$.model',
      '$.messages',
      '$.messages[0]',
      '$.messages[1]',
      '$["odd key"]',
    ]);
    expect(rows[2]).toMatchObject({ kind: 'node', preview: 'Array(2)', expanded: true });
  });

  it('pages big arrays: a page of rows, then one "more" row', () => {
    const big = Array.from({ length: 1000 }, (_, i) => i);
    const rows = flattenJson(big, { expanded: new Set([pathId([])]), pageSize: 100 });
    expect(rows).toHaveLength(1 + 100 + 1);
    expect(rows.at(-1)).toMatchObject({ kind: 'more', shown: 100, total: 1000 });
    const more = flattenJson(big, {
      expanded: new Set([pathId([])]),
      pages: new Map([[pathId([]), 600]]),
      pageSize: 100,
    });
    expect(more).toHaveLength(1 + 600 + 1);
  });

  it('clips long strings until they are opened', () => {
    const long = 'x'.repeat(STRING_CLIP * 3);
    const [row] = flattenJson(long, { expanded: new Set() });
    expect(row).toMatchObject({ kind: 'node', expandable: true });
    expect((row as { preview: string }).preview.length).toBeLessThan(STRING_CLIP + 40);
  });

  it('keeps the work proportional to what is open for a multi-megabyte document', () => {
    const huge = {
      messages: Array.from({ length: 5000 }, (_, i) => ({
        role: 'user',
        content: `message ${i} ${'y'.repeat(1000)}`,
      })),
    };
    const open = initialExpansion(huge);
    const rows = flattenJson(huge, { expanded: open });
    expect(rows.length).toBeLessThanOrEqual(110);
  });

  it('handles 3,000 levels of nesting', () => {
    let deep: unknown = 'leaf';
    const open = new Set<string>();
    const path: number[] = [];
    for (let i = 0; i < 3000; i++) deep = [deep];
    for (let i = 0; i < 3000; i++) {
      open.add(pathId(path));
      path.push(0);
    }
    expect(flattenJson(deep, { expanded: open })).toHaveLength(3001);
  });
});

describe('initialExpansion', () => {
  it('opens everything of a small document', () => {
    const open = initialExpansion(doc);
    expect(open).toEqual(
      new Set([pathId([]), pathId(['messages']), pathId(['messages', 0]), pathId(['messages', 1])]),
    );
  });
});

describe('searchJson', () => {
  it('finds keys and primitive values, case-insensitively, in document order', () => {
    const { matches } = searchJson(doc, 'HEL');
    expect(matches.map(formatPath)).toEqual(['$.messages[0].content']);
    expect(searchJson(doc, 'role').matches.map(formatPath)).toEqual([
      '$.messages[0].role',
      '$.messages[1].role',
    ]);
  });

  it('stops at the limit and says so', () => {
    const r = searchJson(
      Array.from({ length: 50 }, () => 'abc'),
      'b',
      10,
    );
    expect(r.matches).toHaveLength(10);
    expect(r.truncated).toBe(true);
  });
});

describe('revealPath and valueAt', () => {
  it('opens the ancestors of a path and pages far enough to show it', () => {
    const value = { list: Array.from({ length: 500 }, (_, i) => ({ i })) };
    const r = revealPath(value, ['list', 250, 'i'], 100);
    expect(r.open).toEqual([pathId([]), pathId(['list']), pathId(['list', 250])]);
    expect(r.pages).toEqual([[pathId(['list']), 300]]);
    expect(valueAt(value, ['list', 250, 'i'])).toBe(250);
  });
});
