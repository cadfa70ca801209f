/**
 * Rewrites a tool's JSON Schema into the subset Gemini's OpenAI endpoint accepts; it answers
 * 400 "Unknown name …" for the rest (Antigravity-Manager#61). Walks the schema structurally
 * (properties, items, anyOf…) so that a property *named* "title" or "default" survives while
 * the keyword is dropped. `$ref`s into `$defs`/`definitions` are inlined; a reference cycle
 * is cut at a depth limit with an empty schema, since Gemini has no way to express it.
 * Never mutates its input.
 */

type Schema = Record<string, unknown>;

/** Keywords Gemini rejects, removed wherever they appear as keywords. */
const DROPPED_KEYWORDS = new Set([
  '$schema',
  '$id',
  '$defs',
  'definitions',
  '$comment',
  'additionalProperties',
  'propertyNames',
  'patternProperties',
  'unevaluatedProperties',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'default',
  'examples',
  'title',
]);
const KEPT_STRING_FORMATS = new Set(['enum', 'date-time']);
/** Keywords whose value is one schema. */
const SCHEMA_KEYWORDS = new Set(['items', 'not', 'contains']);
/** Keywords whose value is a list of schemas. */
const SCHEMA_LIST_KEYWORDS = new Set(['anyOf', 'oneOf', 'allOf', 'prefixItems']);
const MAX_REF_DEPTH = 8;

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function resolveRef(ref: string, root: Schema): Schema | undefined {
  const match = /^#\/(\$defs|definitions)\/(.+)$/.exec(ref);
  if (!match) return undefined;
  const defs = root[match[1]];
  if (!isSchema(defs)) return undefined;
  const target = defs[match[2].replace(/~1/g, '/').replace(/~0/g, '~')];
  return isSchema(target) ? target : undefined;
}

function clean(schema: Schema, root: Schema, refDepth: number): Schema {
  if (typeof schema.$ref === 'string') {
    const target = refDepth < MAX_REF_DEPTH ? resolveRef(schema.$ref, root) : undefined;
    if (!target) return {};
    const { $ref: _ref, ...siblings } = schema;
    return clean({ ...target, ...siblings }, root, refDepth + 1);
  }
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED_KEYWORDS.has(key)) continue;
    if (key === 'const') {
      out.enum = [value];
    } else if (key === 'format') {
      if (typeof value === 'string' && KEPT_STRING_FORMATS.has(value)) out.format = value;
    } else if (key === 'properties' && isSchema(value)) {
      out.properties = Object.fromEntries(
        Object.entries(value).map(([name, sub]) => [
          name,
          isSchema(sub) ? clean(sub, root, refDepth) : sub,
        ]),
      );
    } else if (SCHEMA_KEYWORDS.has(key) && isSchema(value)) {
      out[key] = clean(value, root, refDepth);
    } else if (SCHEMA_LIST_KEYWORDS.has(key) && Array.isArray(value)) {
      out[key] = value.map((sub: unknown) => (isSchema(sub) ? clean(sub, root, refDepth) : sub));
    } else {
      out[key] = value;
    }
  }
  return out;
}

export function cleanSchemaForGemini(schema: Schema): Schema {
  return clean(schema, schema, 0);
}
