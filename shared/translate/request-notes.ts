/**
 * Collects the TranslationNotes of one request translation without repeats. Claude Code
 * marks dozens of blocks with cache_control and sends the same block kinds in every turn;
 * the inspector wants one line per kind of change, not one per block. A note added under a
 * key already seen only bumps that note's count, which is appended to its detail at the end
 * ("cache_control dropped (×40)").
 */
import type { TranslationNote, TranslationNoteKind } from './translation-note.ts';

export interface RequestNotes {
  /**
   * Records a note. `onceKey` groups notes that differ only by path (e.g. every
   * cache_control): the first one is kept and the rest are counted. Without it, identical
   * notes (same kind, field and detail) are collapsed.
   */
  add(kind: TranslationNoteKind, field: string, detail: string, onceKey?: string): void;
  list(): TranslationNote[];
}

export function createRequestNotes(): RequestNotes {
  const byKey = new Map<string, { note: TranslationNote; count: number }>();
  return {
    add(kind, field, detail, onceKey) {
      const key = onceKey ?? `${kind}\u0000${field}\u0000${detail}`;
      const seen = byKey.get(key);
      if (seen) seen.count++;
      else byKey.set(key, { note: { kind, field, detail }, count: 1 });
    },
    list() {
      return [...byKey.values()].map(({ note, count }) =>
        count > 1 ? { ...note, detail: `${note.detail} (×${count})` } : note,
      );
    },
  };
}

/** Anthropic's prompt-cache markers have no OpenAI equivalent; one note covers them all. */
export function noteCacheControl(notes: RequestNotes, field: string): void {
  notes.add('dropped', field, 'cache_control dropped', 'cache_control');
}

/** Notes a dropped cache_control when `block` carries one. */
export function checkCacheControl(notes: RequestNotes, block: object, path: string): void {
  if ('cache_control' in block && block.cache_control != null) {
    noteCacheControl(notes, `${path}.cache_control`);
  }
}
