/**
 * Overview: the facts of the call (routing, client, session, result), the timeline waterfall
 * of its phases, its token counts, and the translation notes.
 */
import { formatCost, formatDuration, formatInteger } from '../../model/format.ts';
import { isTerminal, reportedInputTokens } from '../../model/exchange-view.ts';
import { useNow } from '../common/use-now.ts';
import { FactRow } from './fact-row.tsx';
import { NotesList } from './notes-list.tsx';
import type { TabProps } from './tab-props.ts';
import { TimelineWaterfall } from './timeline-waterfall.tsx';

export function OverviewTab({ summary, record }: TabProps) {
  const now = useNow(!isTerminal(summary));
  const t = summary.tokens;
  const reported = reportedInputTokens(summary);
  return (
    <div className="tab-overview">
      <section className="card">
        <dl className="facts">
          <FactRow label="Requested model">
            <code>{summary.requestedModel}</code>
          </FactRow>
          <FactRow label="Upstream">
            {summary.provider && <span>{summary.provider} · </span>}
            <code>{summary.upstreamModel}</code>
          </FactRow>
          <FactRow label="Rule">{summary.rule}</FactRow>
          <FactRow label="Upstream URL">
            {record?.upstreamUrl && <code>{record.upstreamUrl}</code>}
          </FactRow>
          <FactRow label="Client">{summary.client && <code>{summary.client}</code>}</FactRow>
          <FactRow label="Session">{summary.sessionId && <code>{summary.sessionId}</code>}</FactRow>
          <FactRow label="Mode">{summary.stream ? 'stream (SSE)' : 'single JSON response'}</FactRow>
          <FactRow label="Status">
            {summary.state}
            {summary.status !== undefined && ` · HTTP ${summary.status}`}
            {record?.upstreamStatus !== undefined && ` · upstream ${record.upstreamStatus}`}
          </FactRow>
          <FactRow label="Stop reason">
            {summary.stopReason && <code>{summary.stopReason}</code>}
          </FactRow>
          <FactRow label="Items">
            {summary.stream &&
              `${summary.openaiChunkCount} OpenAI chunks → ${summary.anthropicEventCount} Anthropic events`}
          </FactRow>
          <FactRow label="Exchange id">
            <code>{summary.id}</code>
          </FactRow>
          {summary.truncated && (
            <FactRow label="Record">
              <span className="warning-text">truncated by the recorder's memory limit</span>
            </FactRow>
          )}
        </dl>
      </section>

      <section className="card">
        <h3 className="section-title">Timeline</h3>
        <TimelineWaterfall summary={summary} now={now} />
      </section>

      <section className="card">
        <h3 className="section-title">Tokens</h3>
        <table className="kv-table mono">
          <tbody>
            <tr>
              <th>Input (estimate before the call)</th>
              <td>{formatInteger(t.estimatedInput)}</td>
            </tr>
            <tr>
              <th>Input reported by upstream</th>
              <td>{reported !== undefined ? formatInteger(reported) : '—'}</td>
            </tr>
            {t.input !== undefined && (t.cacheRead || t.cacheCreation) ? (
              <tr>
                <th className="sub">uncached · cache read · cache write</th>
                <td>
                  {formatInteger(t.input)} · {formatInteger(t.cacheRead ?? 0)} ·{' '}
                  {formatInteger(t.cacheCreation ?? 0)}
                </td>
              </tr>
            ) : null}
            <tr>
              <th>Output</th>
              <td>{t.output !== undefined ? formatInteger(t.output) : '—'}</td>
            </tr>
            {summary.costUsd !== undefined && (
              <tr>
                <th>Cost (estimated from list prices)</th>
                <td>{formatCost(summary.costUsd)}</td>
              </tr>
            )}
            {summary.timings.done !== undefined &&
              t.output !== undefined &&
              summary.timings.firstToken !== undefined && (
                <tr>
                  <th>Output speed</th>
                  <td>
                    {formatInteger(
                      Math.round(
                        t.output /
                          Math.max(
                            0.001,
                            (summary.timings.done - summary.timings.firstToken) / 1000,
                          ),
                      ),
                    )}{' '}
                    tokens/s over{' '}
                    {formatDuration(summary.timings.done - summary.timings.firstToken)}
                  </td>
                </tr>
              )}
          </tbody>
        </table>
      </section>

      <section className="card">
        <h3 className="section-title">Translation notes</h3>
        <NotesList notes={summary.notes} />
      </section>
    </div>
  );
}
