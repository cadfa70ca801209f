/**
 * A fast JSON viewer: a collapsible tree whose rows are computed from the open nodes only
 * (model/json-tree.ts), with big containers paged and long strings clipped until opened, so a
 * multi-megabyte body renders as fast as a small one. Search walks the value once per query
 * and opens just the ancestors of the current match; each row can copy its path or value.
 */
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import {
  flattenJson,
  initialExpansion,
  pathId,
  revealPath,
  searchJson,
  PAGE_SIZE,
  type JsonPath,
} from '../../model/json-tree.ts';
import { JsonRowView } from './json-row-view.tsx';
import '../../styles/json-viewer.css';

interface JsonViewerProps {
  value: unknown;
  /** Shown in the toolbar, e.g. "Anthropic request". */
  label?: string;
  /** Rows to open at first (breadth-first). */
  initialRows?: number;
  searchable?: boolean;
}

export function JsonViewer({ value, label, initialRows = 80, searchable = true }: JsonViewerProps) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() =>
    initialExpansion(value, initialRows),
  );
  const [pages, setPages] = useState<ReadonlyMap<string, number>>(() => new Map());
  const [query, setQuery] = useState('');
  const [matchIndex, setMatchIndex] = useState(0);
  const deferredQuery = useDeferredValue(query);
  const rootRef = useRef<HTMLDivElement>(null);
  const lastValue = useRef(value);

  // A different document (another exchange): start over. The same document growing while
  // it streams keeps what the user opened.
  useEffect(() => {
    if (lastValue.current === value) return;
    const sameShape =
      typeof lastValue.current === typeof value &&
      Array.isArray(lastValue.current) === Array.isArray(value);
    lastValue.current = value;
    if (!sameShape) {
      setExpanded(initialExpansion(value, initialRows));
      setPages(new Map());
    }
  }, [value, initialRows]);

  const search = useMemo(
    () => (deferredQuery.trim() === '' ? undefined : searchJson(value, deferredQuery.trim())),
    [value, deferredQuery],
  );
  const matchIds = useMemo(() => new Set(search?.matches.map(pathId)), [search]);
  const current: JsonPath | undefined =
    search?.matches[Math.min(matchIndex, (search?.matches.length ?? 1) - 1)];

  const { openSet, pageMap } = useMemo(() => {
    if (!current) return { openSet: expanded, pageMap: pages };
    const reveal = revealPath(value, current);
    const openSet = new Set(expanded);
    reveal.open.forEach((id) => openSet.add(id));
    const pageMap = new Map(pages);
    for (const [id, n] of reveal.pages) pageMap.set(id, Math.max(n, pageMap.get(id) ?? PAGE_SIZE));
    return { openSet, pageMap };
  }, [current, expanded, pages, value]);

  const rows = useMemo(
    () => flattenJson(value, { expanded: openSet, pages: pageMap }),
    [value, openSet, pageMap],
  );
  const currentId = current ? pathId(current) : undefined;

  useEffect(() => {
    if (!currentId) return;
    rootRef.current?.querySelector('.json-row.current-match')?.scrollIntoView({ block: 'nearest' });
  }, [currentId]);

  // Stable across renders so memoised rows skip re-rendering; reads the latest sets.
  const latest = useRef({ openSet, pageMap });
  latest.current = { openSet, pageMap };
  const toggle = useCallback((id: string) => {
    const next = new Set(latest.current.openSet);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setExpanded(next);
    setPages(latest.current.pageMap);
  }, []);
  const showMore = (parentId: string, shown: number) => {
    const next = new Map(pageMap);
    next.set(parentId, shown + PAGE_SIZE * 5);
    setPages(next);
    setExpanded(openSet);
  };
  const step = (delta: number) => {
    const n = search?.matches.length ?? 0;
    if (n > 0) setMatchIndex((matchIndex + delta + n) % n);
  };

  return (
    <div className="json-viewer" ref={rootRef}>
      {(searchable || label) && (
        <div className="json-toolbar">
          {label && <span className="json-label">{label}</span>}
          {searchable && (
            <>
              <input
                type="search"
                className="input input-small"
                placeholder="Search keys and values"
                aria-label={`Search ${label ?? 'JSON'}`}
                value={query}
                onChange={(e) => {
                  setQuery(e.target.value);
                  setMatchIndex(0);
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') step(e.shiftKey ? -1 : 1);
                }}
              />
              {search && (
                <span className="json-matches muted" aria-live="polite">
                  {search.matches.length === 0
                    ? 'no match'
                    : `${Math.min(matchIndex, search.matches.length - 1) + 1} / ${search.matches.length}${search.truncated ? '+' : ''}`}
                </span>
              )}
              {search && search.matches.length > 1 && (
                <>
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={() => step(-1)}
                    aria-label="Previous match"
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={() => step(1)}
                    aria-label="Next match"
                  >
                    ↓
                  </button>
                </>
              )}
            </>
          )}
        </div>
      )}
      <div className="json-tree mono" role="tree">
        {rows.map((row) =>
          row.kind === 'more' ? (
            <div
              key={row.id}
              className="json-row json-more"
              style={{ paddingLeft: row.depth * 14 + 18 }}
            >
              <button
                type="button"
                className="btn btn-link"
                onClick={() => showMore(row.parentId, row.shown)}
              >
                Show more ({row.shown} of {row.total})
              </button>
            </div>
          ) : (
            <JsonRowView
              key={row.id}
              row={row}
              root={value}
              match={matchIds.has(row.id)}
              current={row.id === currentId}
              onToggle={toggle}
            />
          ),
        )}
      </div>
    </div>
  );
}
