/**
 * What the request translation did: every Anthropic field kept, moved, changed or dropped,
 * what the OpenAI request gained, how messages and tools mapped, and the translator's notes.
 */
import { useMemo } from 'react';
import { buildTranslationDiff, type DiffKind } from '../../model/translation-diff.ts';
import { Loading } from './loading.tsx';
import { NotesList } from './notes-list.tsx';
import type { TabProps } from './tab-props.ts';

const ORDER: Record<DiffKind, number> = { dropped: 0, changed: 1, moved: 2, added: 3, kept: 4 };

export function DiffTab({ summary, record }: TabProps) {
  const diff = useMemo(
    () =>
      record
        ? buildTranslationDiff(record.anthropicRequest, record.openaiRequest, summary.notes)
        : undefined,
    [record, summary.notes],
  );
  if (!record || !diff) return <Loading />;
  if (record.openaiRequest === undefined) {
    return (
      <p className="muted">No upstream request was sent, so there is nothing to compare yet.</p>
    );
  }
  const rows = [...diff.rows].sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
  const roles = Object.entries(diff.messages.openaiRoles)
    .map(([role, n]) => `${n} ${role}`)
    .join(', ');
  return (
    <div className="diff-tab">
      <section className="card">
        <div className="section-title">Fields</div>
        <table className="diff-table">
          <thead>
            <tr>
              <th />
              <th>Anthropic</th>
              <th>OpenAI</th>
              <th>Before → after</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i} className={`diff-${r.kind}`}>
                <td>
                  <span className={`kind-badge kind-${r.kind}`}>{r.kind}</span>
                </td>
                <td className="mono">{r.anthropicField ?? ''}</td>
                <td className="mono">{r.openaiField ?? ''}</td>
                <td className="mono diff-values">
                  {r.kind === 'kept' ? (
                    <span className="muted">{r.before}</span>
                  ) : (
                    <>
                      {r.before !== undefined && <span className="diff-before">{r.before}</span>}
                      {r.before !== undefined && r.after !== undefined && (
                        <span className="muted"> → </span>
                      )}
                      {r.after !== undefined && <span className="diff-after">{r.after}</span>}
                    </>
                  )}
                  {r.note && <div className="diff-note">{r.note}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card">
        <div className="section-title">Messages and tools</div>
        <p>
          {diff.messages.anthropic} Anthropic messages (+ system) became {diff.messages.openai}{' '}
          OpenAI messages
          {roles && <span className="muted"> ({roles})</span>}.
        </p>
        <p>
          {diff.tools.anthropic.length} tools sent, {diff.tools.openai.length} upstream.
          {diff.tools.missing.length > 0 && (
            <>
              {' '}
              Not upstream under the same name: <code>{diff.tools.missing.join(', ')}</code>.
            </>
          )}
          {diff.tools.extra.length > 0 && (
            <>
              {' '}
              New upstream names: <code>{diff.tools.extra.join(', ')}</code>.
            </>
          )}
        </p>
      </section>
      <section className="card">
        <div className="section-title">Translator notes</div>
        <NotesList notes={diff.notes} />
      </section>
    </div>
  );
}
