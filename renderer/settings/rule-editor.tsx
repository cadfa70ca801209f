/**
 * The fields of one routing rule: name, conditions (each optional; booleans are
 * either/yes/no), target and an optional fallback.
 */
import type { RouteRule, RuleConditions } from '../../shared/settings/settings-schema.ts';
import { CheckboxField, NumberField, SelectField, TextField } from './form-fields.tsx';
import { TargetPicker } from './target-picker.tsx';

type TriState = 'any' | 'yes' | 'no';
const TRI_OPTIONS: readonly { value: TriState; label: string }[] = [
  { value: 'any', label: 'Either' },
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];
const FLAG_LABELS: Record<'thinking' | 'images' | 'tools' | 'background', string> = {
  thinking: 'Thinking requested',
  images: 'Images present',
  tools: 'Tools present',
  background: 'Background (haiku) call',
};

function toTri(value: boolean | undefined): TriState {
  return value === undefined ? 'any' : value ? 'yes' : 'no';
}

function setCondition<K extends keyof RuleConditions>(
  when: RuleConditions,
  key: K,
  value: RuleConditions[K] | undefined,
) {
  if (value === undefined) delete when[key];
  else when[key] = value;
}

interface RuleEditorProps {
  index: number;
  rule: RouteRule;
  onChange(recipe: (rule: RouteRule) => void): void;
}

export function RuleEditor({ index, rule, onChange }: RuleEditorProps) {
  const path = `routes.rules.${index}`;
  return (
    <div className="settings-rule-editor">
      <div className="settings-grid">
        <TextField
          label="Name"
          path={`${path}.name`}
          value={rule.name}
          onChange={(v) => onChange((r) => void (r.name = v))}
        />
        <CheckboxField
          label="Enabled"
          path={`${path}.enabled`}
          checked={rule.enabled}
          onChange={(v) => onChange((r) => void (r.enabled = v))}
        />
        <TextField
          label="Requested model (glob, * and ?)"
          path={`${path}.when.model`}
          value={rule.when.model ?? ''}
          placeholder="any model"
          onChange={(v) => onChange((r) => setCondition(r.when, 'model', v.trim() || undefined))}
        />
        {(Object.keys(FLAG_LABELS) as (keyof typeof FLAG_LABELS)[]).map((flag) => (
          <SelectField
            key={flag}
            label={FLAG_LABELS[flag]}
            path={`${path}.when.${flag}`}
            value={toTri(rule.when[flag])}
            options={TRI_OPTIONS}
            onChange={(v) =>
              onChange((r) => setCondition(r.when, flag, v === 'any' ? undefined : v === 'yes'))
            }
          />
        ))}
        <NumberField
          label="Estimated input tokens above"
          path={`${path}.when.inputTokensAbove`}
          value={rule.when.inputTokensAbove}
          min={0}
          placeholder="no limit"
          onChange={(v) => onChange((r) => setCondition(r.when, 'inputTokensAbove', v))}
        />
      </div>
      <TargetPicker
        label="Send to"
        path={`${path}.target`}
        value={rule.target}
        onChange={(v) => onChange((r) => void (r.target = v))}
      />
      {rule.fallback ? (
        <>
          <TargetPicker
            label="Fallback on 429/5xx (before any output)"
            path={`${path}.fallback`}
            value={rule.fallback}
            onChange={(v) => onChange((r) => void (r.fallback = v))}
          />
          <button
            type="button"
            className="btn btn-small"
            onClick={() => onChange((r) => void delete r.fallback)}
          >
            Remove fallback
          </button>
        </>
      ) : (
        <button
          type="button"
          className="btn btn-small"
          onClick={() => onChange((r) => void (r.fallback = { ...r.target }))}
        >
          Add fallback
        </button>
      )}
    </div>
  );
}
