/**
 * What is eating the context: the prompt split into system prompt, tool definitions, message
 * history and the new turn, the biggest single items, and the total against the model's
 * context window where known. The split is an estimate and says so.
 */
import { useMemo } from 'react';
import { composeContext, type ContextCategory } from '../../model/context-composition.ts';
import { formatInteger, formatPercent, formatTokens } from '../../model/format.ts';
import { Loading } from './loading.tsx';
import type { TabProps } from './tab-props.ts';

function countLabel(n: number, category: ContextCategory): string {
  const unit = category === 'system' ? 'block' : category === 'tools' ? 'tool' : 'message';
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

export function ContextTab({ summary, record }: TabProps) {
  const ctx = useMemo(
    () => (record ? composeContext(record.anthropicRequest, summary) : undefined),
    [record, summary],
  );
  if (!ctx) return <Loading />;
  const maxItem = ctx.largest[0]?.tokens ?? 1;
  return (
    <div className="context-tab">
      <section className="card">
        <div className="section-title">
          {formatInteger(ctx.totalTokens)} input tokens{' '}
          <span className="muted">
            {ctx.basis === 'reported'
              ? '(reported by the upstream; split estimated at ~4 characters per token)'
              : '(estimate: ~4 characters per token; the upstream has not reported usage)'}
          </span>
        </div>
        <div className="stack-bar" role="img" aria-label="Context composition">
          {ctx.parts.map((p) => (
            <span
              key={p.category}
              className={`stack-seg seg-${p.category}`}
              style={{ width: `${p.fraction * 100}%` }}
              title={`${p.label}: ${formatInteger(p.tokens)} tokens`}
            />
          ))}
        </div>
        <table className="context-table">
          <tbody>
            {ctx.parts.map((p) => (
              <tr key={p.category}>
                <th>
                  <span className={`legend seg-${p.category}`} aria-hidden="true" />
                  {p.label}
                </th>
                <td className="num mono">~{formatInteger(p.tokens)}</td>
                <td className="num mono">{formatPercent(p.fraction)}</td>
                <td className="muted">{countLabel(p.items, p.category)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {ctx.contextWindow !== undefined && ctx.windowFraction !== undefined ? (
          <div className="window-gauge">
            <div className="gauge-track">
              <span
                className={`gauge-fill ${ctx.windowFraction > 0.8 ? 'hot' : ''}`}
                style={{ width: `${Math.min(1, ctx.windowFraction) * 100}%` }}
              />
            </div>
            <span className="mono">
              {formatPercent(ctx.windowFraction)} of the {formatTokens(ctx.contextWindow)} window of{' '}
              {summary.upstreamModel ?? summary.requestedModel}
            </span>
          </div>
        ) : (
          <p className="muted">
            Context window of {summary.upstreamModel ?? summary.requestedModel ?? 'this model'} not
            known.
          </p>
        )}
      </section>
      <section className="card">
        <div className="section-title">Largest items</div>
        <ol className="largest-list">
          {ctx.largest.map((item, i) => (
            <li key={i}>
              <span className="largest-label">{item.label}</span>
              <span className="largest-bar">
                <span
                  className={`largest-fill seg-${item.category}`}
                  style={{ width: `${(item.tokens / maxItem) * 100}%` }}
                />
              </span>
              <span className="num mono">~{formatInteger(item.tokens)}</span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
