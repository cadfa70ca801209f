/** Headers of both legs, in the order they happen; keys are already redacted by the recorder. */
import { useMemo } from 'react';
import { buildHeaderSections } from '../../model/headers-view.ts';
import { CopyButton } from '../common/copy-button.tsx';
import { Loading } from './loading.tsx';
import type { TabProps } from './tab-props.ts';

export function HeadersTab({ record }: TabProps) {
  const sections = useMemo(() => (record ? buildHeaderSections(record) : []), [record]);
  if (!record) return <Loading />;
  return (
    <div className="headers-tab">
      {sections.map((s) => (
        <section key={s.title} className="card">
          <div className="section-title">
            {s.title} <span className="muted">{s.leg}</span>
            {s.headers.length > 0 && (
              <CopyButton
                text={() => s.headers.map(([k, v]) => `${k}: ${v}`).join('\n')}
                label="Copy"
              />
            )}
          </div>
          {s.missing || s.headers.length === 0 ? (
            <p className="muted">None recorded.</p>
          ) : (
            <table className="headers-table mono">
              <tbody>
                {s.headers.map(([k, v]) => (
                  <tr key={k}>
                    <th>{k}</th>
                    <td>{v}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </div>
  );
}
