import { describe, expect, it } from 'vitest';
import { cleanSchemaForGemini } from '../../../shared/translate/json-schema-cleaner.ts';

describe('cleanSchemaForGemini', () => {
  it('removes the keywords Gemini rejects, at every depth', () => {
    const cleaned = cleanSchemaForGemini({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'x',
      type: 'object',
      title: 'Input',
      additionalProperties: false,
      propertyNames: { pattern: '^a' },
      properties: {
        count: {
          type: 'integer',
          exclusiveMinimum: 0,
          exclusiveMaximum: 9,
          multipleOf: 2,
          default: 2,
          examples: [2],
        },
        list: {
          type: 'array',
          items: { type: 'object', additionalProperties: false, properties: {} },
        },
        either: { anyOf: [{ type: 'string', title: 'S' }, { type: 'null' }] },
      },
    });
    expect(cleaned).toEqual({
      type: 'object',
      properties: {
        count: { type: 'integer' },
        list: { type: 'array', items: { type: 'object', properties: {} } },
        either: { anyOf: [{ type: 'string' }, { type: 'null' }] },
      },
    });
  });

  it('keeps properties whose names are keywords ("title", "default", "format")', () => {
    const cleaned = cleanSchemaForGemini({
      type: 'object',
      properties: {
        title: { type: 'string' },
        default: { type: 'boolean' },
        format: { type: 'string' },
      },
      required: ['title'],
    });
    expect(Object.keys(cleaned.properties as object)).toEqual(['title', 'default', 'format']);
    expect(cleaned.required).toEqual(['title']);
  });

  it('turns const into a one-value enum', () => {
    expect(cleanSchemaForGemini({ type: 'string', const: 'a' })).toEqual({
      type: 'string',
      enum: ['a'],
    });
  });

  it('keeps only the enum and date-time string formats', () => {
    expect(cleanSchemaForGemini({ type: 'string', format: 'date-time' })).toEqual({
      type: 'string',
      format: 'date-time',
    });
    expect(cleanSchemaForGemini({ type: 'string', format: 'uri' })).toEqual({ type: 'string' });
  });

  it('inlines $ref into $defs and definitions', () => {
    const cleaned = cleanSchemaForGemini({
      type: 'object',
      $defs: {
        Point: {
          type: 'object',
          properties: { x: { type: 'number' } },
          additionalProperties: false,
        },
      },
      definitions: { Name: { type: 'string', title: 'Name' } },
      properties: {
        at: { $ref: '#/$defs/Point', description: 'where' },
        name: { $ref: '#/definitions/Name' },
      },
    });
    expect(cleaned).toEqual({
      type: 'object',
      properties: {
        at: { type: 'object', properties: { x: { type: 'number' } }, description: 'where' },
        name: { type: 'string' },
      },
    });
  });

  it('cuts a reference cycle instead of recursing forever', () => {
    const cleaned = cleanSchemaForGemini({
      $defs: { Node: { type: 'object', properties: { next: { $ref: '#/$defs/Node' } } } },
      $ref: '#/$defs/Node',
    });
    let depth = 0;
    let node: Record<string, unknown> | undefined = cleaned;
    while (node && node.properties) {
      node = (node.properties as Record<string, Record<string, unknown>>).next;
      depth++;
    }
    expect(depth).toBeGreaterThan(0);
    expect(depth).toBeLessThan(20);
  });

  it('replaces an unresolvable $ref with an empty schema', () => {
    expect(
      cleanSchemaForGemini({ type: 'object', properties: { a: { $ref: 'https://x/y' } } }),
    ).toEqual({
      type: 'object',
      properties: { a: {} },
    });
  });

  it('does not modify its input', () => {
    const input = {
      type: 'object',
      title: 'T',
      properties: { a: { type: 'string', default: 'x' } },
    };
    const copy = structuredClone(input);
    cleanSchemaForGemini(input);
    expect(input).toEqual(copy);
  });
});
