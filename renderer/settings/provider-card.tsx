/**
 * One provider in the form: identity, endpoint, key, headers and model names, plus its
 * connection test and capability grid. A provider the environment defines is shown
 * read-only; it can still be tested.
 */
import {
  PRESETS,
  PROVIDER_PRESET_IDS,
  type ProviderPresetId,
} from '../../shared/providers/provider-presets.ts';
import type { ProviderInput } from '../../shared/settings/public-settings.ts';
import { KeyValueEditor } from './key-value-editor.tsx';
import { ProviderChecksPanel } from './provider-checks-panel.tsx';
import { SecretField } from './secret-field.tsx';
import { ListField, SelectField, TextField } from './form-fields.tsx';
import { modelListId } from './model-datalists.tsx';

const PRESET_OPTIONS = PROVIDER_PRESET_IDS.map((id) => ({ value: id, label: PRESETS[id].label }));
const KEYLESS_PRESETS: ReadonlySet<ProviderPresetId> = new Set([
  'ollama',
  'lmstudio',
  'vllm',
  'litellm',
  'custom',
]);

interface ProviderCardProps {
  index: number;
  provider: ProviderInput;
  /** Variables that define this provider, when the environment does. */
  lockedBy?: string;
  /** Model the checks start with (a route's model on this provider, or its first model). */
  defaultModel: string;
  onChange(recipe: (provider: ProviderInput) => void): void;
  onRemove(): void;
}

export function ProviderCard({
  index,
  provider,
  lockedBy,
  defaultModel,
  onChange,
  onRemove,
}: ProviderCardProps) {
  const path = `providers.${index}`;
  const readOnly = lockedBy !== undefined;
  return (
    <section
      className="settings-card"
      aria-label={`Provider ${provider.name}`}
      data-provider-id={provider.id}
    >
      <header className="settings-card-header">
        <h3>
          {provider.name} <span className="settings-id">({provider.id})</span>
        </h3>
        {readOnly ? (
          <span className="settings-env-note">Defined by the environment ({lockedBy})</span>
        ) : (
          <button type="button" className="btn btn-small btn-danger" onClick={onRemove}>
            Remove
          </button>
        )}
      </header>
      <div className="settings-grid">
        <TextField
          label="Name"
          path={`${path}.name`}
          value={provider.name}
          readOnly={readOnly}
          onChange={(v) => onChange((p) => void (p.name = v))}
        />
        <SelectField
          label="Preset"
          path={`${path}.preset`}
          value={provider.preset}
          options={PRESET_OPTIONS}
          readOnly={readOnly}
          onChange={(v) =>
            onChange((p) => {
              // Follow the preset's endpoint unless the user typed their own.
              if (p.baseUrl === '' || p.baseUrl === PRESETS[p.preset].defaultBaseUrl)
                p.baseUrl = PRESETS[v].defaultBaseUrl;
              p.preset = v;
            })
          }
        />
        <TextField
          label="Base URL"
          path={`${path}.baseUrl`}
          type="url"
          value={provider.baseUrl}
          readOnly={readOnly}
          placeholder="https://host/v1"
          onChange={(v) => onChange((p) => void (p.baseUrl = v.trim()))}
        />
        <SecretField
          label="API key"
          path={`${path}.apiKey`}
          value={provider.apiKey}
          lockedBy={lockedBy}
          emptyHint={
            KEYLESS_PRESETS.has(provider.preset)
              ? 'fine for local servers'
              : 'calls will be refused upstream'
          }
          onChange={(v) => onChange((p) => void (p.apiKey = v))}
        />
        {provider.preset === 'openrouter' && (
          <TextField
            label="Referrer URL (HTTP-Referer)"
            path={`${path}.referrerUrl`}
            value={provider.referrerUrl ?? ''}
            readOnly={readOnly}
            onChange={(v) =>
              onChange((p) => {
                if (v.trim()) p.referrerUrl = v.trim();
                else delete p.referrerUrl;
              })
            }
          />
        )}
        <ListField
          label="Models (comma-separated, offered in pickers)"
          path={`${path}.models`}
          value={provider.models}
          readOnly={readOnly}
          onChange={(v) => onChange((p) => void (p.models = v))}
        />
      </div>
      <KeyValueEditor
        label="Extra headers"
        path={`${path}.extraHeaders`}
        value={provider.extraHeaders}
        readOnly={readOnly}
        onChange={(v) => onChange((p) => void (p.extraHeaders = v))}
      />
      <ProviderChecksPanel
        providerId={provider.id}
        modelListId={modelListId(provider.id)}
        defaultModel={defaultModel}
      />
    </section>
  );
}
