import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  closingSuffix,
  isCompleteJsonObject,
  parseToolArguments,
  repairJson,
} from '../../../shared/translate/tool-arguments-repair.ts';

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 200);
/** The all-prefixes property is quadratic in the text, so it runs 1/20 as often. */
const PREFIX_RUNS = Math.max(50, Math.floor(NUM_RUNS / 20));
const TIMEOUT = Math.max(30_000, NUM_RUNS * 10);

describe('parseToolArguments', () => {
  it.each([
    ['', {}, 'empty'],
    ['   ', {}, 'empty'],
    ['{"a":1}', { a: 1 }, 'valid'],
    [' {"a":"b"} \n', { a: 'b' }, 'valid'],
    ['```json\n{"a":1}\n```', { a: 1 }, 'repaired'],
    ['```\n{"a":1}', { a: 1 }, 'repaired'],
    ['{"a":{"b":[1,2', { a: { b: [1, 2] } }, 'repaired'],
    ['{"a":"x\\', { a: 'x\\' }, 'repaired'],
    ['{"a":"\\u00', { a: '\u0000' }, 'repaired'],
    ['{"a":tr', { a: true }, 'repaired'],
    ['{"a":-', { a: -0 }, 'repaired'],
    ['{"a":1.', { a: 1.0 }, 'repaired'],
    ['{"a"', { a: null }, 'repaired'],
    ['{"a":', { a: null }, 'repaired'],
    ['{"a":1,', { a: 1 }, 'repaired'],
    ['{"a":[1,2,],}', { a: [1, 2] }, 'repaired'],
    ['{"a":"}"', { a: '}' }, 'repaired'],
    ['null', {}, 'invalid'],
    ['"text"', {}, 'invalid'],
    ['[{"a":1}]', {}, 'invalid'],
    ['Sure! {"a":1}', {}, 'invalid'],
    ['{"a":1}}', {}, 'invalid'],
    ['{a:1}', {}, 'invalid'],
  ])('%j → %j (%s)', (raw, input, outcome) => {
    expect(parseToolArguments(raw)).toEqual({ input, outcome });
  });
});

describe('closingSuffix (append-only repair for streams)', () => {
  it.each([
    ['{"a":1}', ''],
    ['{"a":"b', '"}'],
    ['{"a":[{"b":', 'null}]}'],
    ['{"a', '":null}'],
    ['{"a":"x\\', '\\"}'],
    ['{"a":1,', '"":null}'],
    ['{"a":[1,', 'null]}'],
  ])('%j + %j is complete', (partial, suffix) => {
    expect(closingSuffix(partial)).toBe(suffix);
    expect(JSON.parse(partial + suffix)).toBeTypeOf('object');
  });

  it.each([['{"a":[1,]'], ['{"a":1,}'], ['garbage'], [''], ['{"a":1}}']])(
    '%j cannot be completed by appending',
    (partial) => {
      expect(closingSuffix(partial)).toBeNull();
    },
  );

  it(
    'every prefix of a JSON object can be completed into a valid JSON object, by appending or by repair',
    () => {
      fc.assert(
        fc.property(
          fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 3 }), {
            minKeys: 1,
            maxKeys: 5,
          }),
          fc.boolean(),
          (value, pretty) => {
            const json = pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value);
            for (let cut = 1; cut <= json.length; cut++) {
              const prefix = json.slice(0, cut);
              const suffix = closingSuffix(prefix);
              expect(suffix, prefix).not.toBeNull();
              expect(isCompleteJsonObject(prefix + suffix), prefix + suffix).toBe(true);
              const repaired = repairJson(prefix);
              expect(repaired !== null && isCompleteJsonObject(repaired), prefix).toBe(true);
            }
          },
        ),
        { numRuns: PREFIX_RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'a complete JSON object needs no suffix and repairs to itself',
    () => {
      fc.assert(
        fc.property(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })), (value) => {
          const json = JSON.stringify(value);
          expect(closingSuffix(json)).toBe('');
          expect(repairJson(json)).toBe(json);
        }),
        { numRuns: NUM_RUNS },
      );
    },
    TIMEOUT,
  );
});

describe('isCompleteJsonObject', () => {
  it.each([
    ['{}', true],
    ['{"a":1} ', true],
    ['{"a":1', false],
    ['{"a":"}', false],
    ['[]', false],
    ['', false],
  ])('%j → %s', (text, complete) => {
    expect(isCompleteJsonObject(text)).toBe(complete);
  });
});
