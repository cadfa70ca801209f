/** The translator's notes (dropped / changed / added), each with its field and reason. */
import type { TranslationNote } from '../../../shared/translate/translation-note.ts';

export function NotesList({ notes }: { notes: readonly TranslationNote[] }) {
  if (notes.length === 0)
    return <p className="muted">The translator left no notes: nothing was dropped or rewritten.</p>;
  return (
    <ul className="notes-list">
      {notes.map((n, i) => (
        <li key={i} className={`note note-${n.kind}`}>
          <span className={`kind-badge kind-${n.kind}`}>{n.kind}</span>
          <code className="note-field">{n.field}</code>
          <span className="note-detail">{n.detail}</span>
        </li>
      ))}
    </ul>
  );
}
