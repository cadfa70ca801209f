/**
 * A route target: which provider, which model on it. The model box autocompletes from the
 * chosen provider's model names.
 */
import type { RouteTarget } from '../../shared/settings/settings-schema.ts';
import { SelectField, TextField } from './form-fields.tsx';
import { modelListId } from './model-datalists.tsx';
import { useForm } from './settings-context.tsx';

interface TargetPickerProps {
  label: string;
  /** Schema path of the target, e.g. "routes.big". */
  path: string;
  value: RouteTarget;
  onChange(value: RouteTarget): void;
  envKey?: string;
}

export function TargetPicker({ label, path, value, onChange, envKey }: TargetPickerProps) {
  const providers = useForm((state) => state.draft?.providers ?? []);
  const options = providers.map((provider) => ({ value: provider.id, label: provider.name }));
  // Keep a dangling id visible so its error can be read and fixed.
  if (!providers.some((provider) => provider.id === value.provider)) {
    options.unshift({
      value: value.provider,
      label: value.provider ? `${value.provider} (missing)` : 'Choose…',
    });
  }
  return (
    <fieldset className="settings-target">
      <legend>{label}</legend>
      <SelectField
        label="Provider"
        path={`${path}.provider`}
        value={value.provider}
        options={options}
        envKey={envKey}
        onChange={(provider) => onChange({ ...value, provider })}
      />
      <TextField
        label="Model"
        path={`${path}.model`}
        value={value.model}
        envKey={envKey}
        list={modelListId(value.provider)}
        placeholder="upstream model id"
        onChange={(model) => onChange({ ...value, model })}
      />
    </fieldset>
  );
}
