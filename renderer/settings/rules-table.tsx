/**
 * The ordered routing rules: the first enabled rule that matches a call decides, so order
 * matters and each row can move up or down. Rows open into the rule editor; a row with an
 * error opens by itself so the message is seen.
 */
import { Fragment, useState } from 'react';
import type { RouteRule } from '../../shared/settings/settings-schema.ts';
import { useForm } from './settings-context.tsx';
import { newRule } from './provider-factory.ts';
import { RuleEditor } from './rule-editor.tsx';
import { describeConditions, describeTarget } from './rule-summary.ts';

interface RulesTableProps {
  rules: RouteRule[];
  /** Paths with errors, to open the rows that have one. */
  errorPaths: readonly string[];
}

export function RulesTable({ rules, errorPaths }: RulesTableProps) {
  const edit = useForm((state) => state.edit);
  const providers = useForm((state) => state.draft?.providers ?? []);
  const [open, setOpen] = useState<string | undefined>();
  const providerName = (id: string) => providers.find((provider) => provider.id === id)?.name ?? id;
  const hasError = (index: number) =>
    errorPaths.some((path) => path.startsWith(`routes.rules.${index}.`));

  const move = (index: number, by: -1 | 1) =>
    edit((d) => {
      const [rule] = d.routes.rules.splice(index, 1);
      d.routes.rules.splice(index + by, 0, rule);
    });

  return (
    <div className="settings-rules">
      <table className="settings-table">
        <thead>
          <tr>
            <th>#</th>
            <th>On</th>
            <th>Name</th>
            <th>When</th>
            <th>Send to</th>
            <th>Fallback</th>
            <th>
              <span className="settings-visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rules.length === 0 && (
            <tr>
              <td colSpan={7} className="settings-muted">
                No rules: opus/sonnet go to the big route, haiku to the small one, other ids pass
                through.
              </td>
            </tr>
          )}
          {rules.map((rule, index) => {
            const expanded = open === rule.id || hasError(index);
            return (
              <Fragment key={rule.id}>
                <tr
                  className={`${rule.enabled ? '' : 'settings-rule--off'}${hasError(index) ? ' settings-rule--invalid' : ''}`}
                  data-rule-id={rule.id}
                >
                  <td className="settings-rule-index">{index + 1}</td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Enable ${rule.name}`}
                      checked={rule.enabled}
                      onChange={(e) =>
                        edit((d) => void (d.routes.rules[index].enabled = e.target.checked))
                      }
                    />
                  </td>
                  <td className="settings-rule-name">{rule.name}</td>
                  <td>{describeConditions(rule.when)}</td>
                  <td>{describeTarget(rule.target, providerName)}</td>
                  <td>{rule.fallback ? describeTarget(rule.fallback, providerName) : '—'}</td>
                  <td className="settings-row-actions">
                    <button
                      type="button"
                      className="btn btn-small"
                      aria-label={`Move ${rule.name} up`}
                      disabled={index === 0}
                      onClick={() => move(index, -1)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="btn btn-small"
                      aria-label={`Move ${rule.name} down`}
                      disabled={index === rules.length - 1}
                      onClick={() => move(index, 1)}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="btn btn-small"
                      aria-expanded={expanded}
                      onClick={() => setOpen(open === rule.id ? undefined : rule.id)}
                    >
                      {expanded ? 'Close' : 'Edit'}
                    </button>
                    <button
                      type="button"
                      className="btn btn-small btn-danger"
                      aria-label={`Delete ${rule.name}`}
                      onClick={() => edit((d) => void d.routes.rules.splice(index, 1))}
                    >
                      Delete
                    </button>
                  </td>
                </tr>
                {expanded && (
                  <tr className="settings-rule-editor-row">
                    <td colSpan={7}>
                      <RuleEditor
                        index={index}
                        rule={rule}
                        onChange={(recipe) => edit((d) => recipe(d.routes.rules[index]))}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
      <button
        type="button"
        className="btn settings-add-rule"
        onClick={() =>
          edit((d) => {
            const rule = newRule(d.routes.rules, d.routes.big);
            d.routes.rules.push(rule);
            setOpen(rule.id);
          })
        }
      >
        Add rule
      </button>
    </div>
  );
}
