/**
 * The JSON viewer's model: the tree flattened to the rows currently visible, given which
 * nodes are open. Work is proportional to what is on screen, never to the document: children
 * are listed only for open nodes, big arrays and objects are paged, long strings are clipped
 * until opened. That is what keeps a 5 MB body from freezing the page. Search walks the
 * whole value once per query (iteratively, bounded) and returns paths; the viewer opens only
 * the ancestors of the match it shows.
 */

export type JsonPath = readonly (string | number)[];
export type JsonValueType =
  'object' | 'array' | 'string' | 'number' | 'boolean' | 'null' | 'undefined';

export interface JsonNodeRow {
  kind: 'node';
  id: string;
  path: JsonPath;
  depth: number;
  /** Property name or array index; undefined for the root. */
  label?: string | number;
  type: JsonValueType;
  /** Primitive text (strings clipped unless open) or a container summary. */
  preview: string;
  childCount: number;
  expandable: boolean;
  expanded: boolean;
  value: unknown;
}

export interface JsonMoreRow {
  kind: 'more';
  id: string;
  /** Id of the container whose page this extends. */
  parentId: string;
  depth: number;
  shown: number;
  total: number;
}

export type JsonRow = JsonNodeRow | JsonMoreRow;

export const PAGE_SIZE = 100;
export const STRING_CLIP = 240;
/** An opened string still stops here; the copy button copies it whole. */
export const STRING_OPEN_LIMIT = 200_000;

export function pathId(path: JsonPath): string {
  return JSON.stringify(path);
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A JavaScript-style path: $.messages[3].content[0]["odd key"]. */
export function formatPath(path: JsonPath): string {
  return path.reduce<string>((acc, part) => {
    if (typeof part === 'number') return `${acc}[${part}]`;
    return IDENT.test(part) ? `${acc}.${part}` : `${acc}[${JSON.stringify(part)}]`;
  }, '$');
}

export function typeOf(value: unknown): JsonValueType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'object':
      return 'object';
    case 'string':
      return 'string';
    case 'number':
    case 'bigint':
      return 'number';
    case 'boolean':
      return 'boolean';
    default:
      return 'undefined';
  }
}

function childCount(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  if (typeof value === 'object' && value !== null) return Object.keys(value).length;
  return 0;
}

function previewOf(value: unknown, type: JsonValueType, open: boolean): string {
  switch (type) {
    case 'array':
      return `Array(${(value as unknown[]).length})`;
    case 'object': {
      const n = Object.keys(value as object).length;
      return `{${n} ${n === 1 ? 'key' : 'keys'}}`;
    }
    case 'string': {
      const s = value as string;
      const limit = open ? STRING_OPEN_LIMIT : STRING_CLIP;
      return s.length > limit
        ? `${JSON.stringify(s.slice(0, limit)).slice(0, -1)}…" (${s.length} chars)`
        : JSON.stringify(s);
    }
    case 'undefined':
      return 'undefined';
    default:
      return String(value);
  }
}

function isExpandable(value: unknown, type: JsonValueType): boolean {
  if (type === 'string') return (value as string).length > STRING_CLIP;
  return (type === 'array' || type === 'object') && childCount(value) > 0;
}

export interface FlattenOptions {
  expanded: ReadonlySet<string>;
  /** Rows shown per container beyond the first page, by container id. */
  pages?: ReadonlyMap<string, number>;
  pageSize?: number;
}

type StackEntry =
  | { kind: 'value'; value: unknown; path: JsonPath; label?: string | number }
  | { kind: 'more'; parentId: string; depth: number; shown: number; total: number };

export function flattenJson(root: unknown, options: FlattenOptions): JsonRow[] {
  const rows: JsonRow[] = [];
  const pageSize = options.pageSize ?? PAGE_SIZE;
  // Explicit stack (children pushed in reverse) so deep documents cannot overflow the call stack.
  const stack: StackEntry[] = [{ kind: 'value', value: root, path: [] }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (item.kind === 'more') {
      rows.push({ ...item, id: `${item.parentId}+more` });
      continue;
    }
    const id = pathId(item.path);
    const type = typeOf(item.value);
    const expandable = isExpandable(item.value, type);
    const expanded = expandable && options.expanded.has(id);
    const count = childCount(item.value);
    rows.push({
      kind: 'node',
      id,
      path: item.path,
      depth: item.path.length,
      label: item.label,
      type,
      preview: previewOf(item.value, type, expanded),
      childCount: count,
      expandable,
      expanded,
      value: item.value,
    });
    if (!expanded || (type !== 'array' && type !== 'object')) continue;
    const shown = Math.min(count, options.pages?.get(id) ?? pageSize);
    if (shown < count)
      stack.push({ kind: 'more', parentId: id, depth: item.path.length + 1, shown, total: count });
    if (type === 'array') {
      const arr = item.value as unknown[];
      for (let i = shown - 1; i >= 0; i--)
        stack.push({ kind: 'value', value: arr[i], path: [...item.path, i], label: i });
    } else {
      const obj = item.value as Record<string, unknown>;
      const keys = Object.keys(obj);
      for (let i = shown - 1; i >= 0; i--) {
        const key = keys[i]!;
        stack.push({ kind: 'value', value: obj[key], path: [...item.path, key], label: key });
      }
    }
  }
  return rows;
}

/**
 * Which containers to open at first: breadth-first while the visible row count stays under
 * `budget`, so small bodies open fully and big ones show their outline.
 */
export function initialExpansion(root: unknown, budget = 80, pageSize = PAGE_SIZE): Set<string> {
  const open = new Set<string>();
  let visible = 1;
  let level: { value: unknown; path: JsonPath }[] = [{ value: root, path: [] }];
  while (level.length > 0) {
    const next: { value: unknown; path: JsonPath }[] = [];
    for (const node of level) {
      const type = typeOf(node.value);
      if (type !== 'array' && type !== 'object') continue;
      const count = Math.min(childCount(node.value), pageSize);
      if (count === 0) continue;
      if (visible + count > budget) return open;
      open.add(pathId(node.path));
      visible += count;
      const entries =
        type === 'array'
          ? (node.value as unknown[]).slice(0, count).map((v, i) => [i, v] as const)
          : Object.entries(node.value as object).slice(0, count);
      for (const [k, v] of entries) next.push({ value: v, path: [...node.path, k] });
    }
    level = next;
  }
  return open;
}

export interface JsonSearchResult {
  matches: JsonPath[];
  /** The search stopped at `limit` matches. */
  truncated: boolean;
}

/**
 * Paths whose key or primitive value contains `query` (case-insensitive), in document order.
 */
export function searchJson(root: unknown, query: string, limit = 1000): JsonSearchResult {
  const needle = query.toLowerCase();
  const matches: JsonPath[] = [];
  if (needle === '') return { matches, truncated: false };
  const stack: { value: unknown; path: JsonPath }[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    const last = path[path.length - 1];
    const keyHit = typeof last === 'string' && last.toLowerCase().includes(needle);
    if (value !== null && typeof value === 'object') {
      if (keyHit) matches.push(path);
      if (Array.isArray(value))
        for (let i = value.length - 1; i >= 0; i--)
          stack.push({ value: value[i], path: [...path, i] });
      else {
        const keys = Object.keys(value);
        for (let i = keys.length - 1; i >= 0; i--) {
          stack.push({
            value: (value as Record<string, unknown>)[keys[i]!],
            path: [...path, keys[i]!],
          });
        }
      }
    } else if (keyHit || String(value).toLowerCase().includes(needle)) {
      matches.push(path);
    }
    if (matches.length >= limit) return { matches, truncated: stack.length > 0 };
  }
  return { matches, truncated: false };
}

/**
 * What must be open (and how far each container must be paged) for the node at `path` to be
 * visible.
 */
export function revealPath(
  root: unknown,
  path: JsonPath,
  pageSize = PAGE_SIZE,
): { open: string[]; pages: [string, number][] } {
  const open: string[] = [];
  const pages: [string, number][] = [];
  let value: unknown = root;
  for (let depth = 0; depth < path.length; depth++) {
    const parentPath = path.slice(0, depth);
    const id = pathId(parentPath);
    open.push(id);
    const part = path[depth]!;
    const position = Array.isArray(value)
      ? (part as number)
      : Object.keys(value as object).indexOf(part as string);
    if (position >= pageSize) pages.push([id, Math.ceil((position + 1) / pageSize) * pageSize]);
    value = (value as Record<string | number, unknown>)[part];
  }
  return { open, pages };
}

/** The value at a path, for "copy value". */
export function valueAt(root: unknown, path: JsonPath): unknown {
  let value = root;
  for (const part of path) value = (value as Record<string | number, unknown> | undefined)?.[part];
  return value;
}
