/**
 * Fuzz of the strict JSON scanner that gates streamed tool arguments: for any text (valid
 * JSON objects, their cut-offs, and the same with random damage) fed in any fragments, the
 * accepted characters are the same as when it is fed whole, and they plus suffix() are one
 * JSON object (or nothing but whitespace was accepted). That is what makes every tool_use
 * input a client receives parseable.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonTextScanner } from '../../shared/translate/json-text-scanner.ts';
import { fuzzParameters, fuzzTimeout } from './fuzz-runs.ts';

/** Object texts, then damaged: cut, spliced with junk, or left alone. */
const argumentsText = fc
  .tuple(
    fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 }),
    fc.constantFrom('cut', 'splice', 'intact', 'garbage'),
    fc.nat(),
    fc.string({ maxLength: 6, unit: 'binary' }),
  )
  .map(([object, damage, at, junk]) => {
    const json = JSON.stringify(object);
    const point = json.length === 0 ? 0 : at % (json.length + 1);
    switch (damage) {
      case 'cut':
        return json.slice(0, point);
      case 'splice':
        return json.slice(0, point) + junk + json.slice(point);
      case 'intact':
        return json;
      case 'garbage':
        return junk;
    }
  });

function fragments(text: string, cuts: readonly number[]): string[] {
  const points = cuts.map((cut) => cut % (text.length + 1)).sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const point of [...points, text.length]) {
    pieces.push(text.slice(from, point));
    from = point;
  }
  return pieces;
}

function accept(pieces: readonly string[]): { accepted: string; suffix: string } {
  const scanner = new JsonTextScanner({ strict: true, objectOnly: true });
  let accepted = '';
  for (const piece of pieces) accepted += piece.slice(0, scanner.feed(piece));
  return { accepted, suffix: scanner.suffix() };
}

describe('strict JSON scanner fuzz', () => {
  it(
    'accepts the same prefix whatever the fragments, and that prefix plus its suffix is one JSON object',
    () => {
      fc.assert(
        fc.property(argumentsText, fc.array(fc.nat(), { maxLength: 8 }), (text, cuts) => {
          const whole = accept([text]);
          const split = accept(fragments(text, cuts));
          expect(split).toEqual(whole);
          expect(text.startsWith(whole.accepted)).toBe(true);
          if (whole.accepted.trim() === '') return;
          const value: unknown = JSON.parse(whole.accepted + whole.suffix);
          expect(typeof value === 'object' && value !== null && !Array.isArray(value)).toBe(true);
          // A text that was a whole object already is accepted whole, with nothing to add.
          if (isObjectText(text)) expect(whole).toEqual({ accepted: text, suffix: '' });
        }),
        fuzzParameters(),
      );
    },
    fuzzTimeout(1),
  );
});

function isObjectText(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
