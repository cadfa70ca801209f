/**
 * The providers part of the form: add one from a preset, edit or remove each. Removing a
 * provider that a route still uses is allowed here; the route fields then show the error,
 * which says what to fix.
 */
import { useState } from 'react';
import {
  PRESETS,
  PROVIDER_PRESET_IDS,
  type ProviderPresetId,
} from '../../shared/providers/provider-presets.ts';
import { checkModelFor } from '../../shared/routing/route-rules.ts';
import { useForm } from './settings-context.tsx';
import { ProviderCard } from './provider-card.tsx';
import { newProviderFromPreset } from './provider-factory.ts';

export function ProvidersSection() {
  const draft = useForm((state) => state.draft);
  const env = useForm((state) => state.snapshot?.env ?? {});
  const edit = useForm((state) => state.edit);
  const [preset, setPreset] = useState<ProviderPresetId>('openrouter');
  if (!draft) return null;

  return (
    <section className="settings-section" aria-labelledby="settings-providers-title">
      <header className="settings-section-header">
        <div>
          <h2 id="settings-providers-title">Providers</h2>
          <p className="settings-section-intro">
            OpenAI-compatible endpoints the proxy can call; keys stay in the proxy.
          </p>
        </div>
        <div className="settings-add-row">
          <label className="settings-inline">
            Preset
            <select
              className="select"
              value={preset}
              onChange={(e) => setPreset(e.target.value as ProviderPresetId)}
              aria-label="Preset for the new provider"
            >
              {PROVIDER_PRESET_IDS.map((id) => (
                <option key={id} value={id}>
                  {PRESETS[id].label}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="btn"
            onClick={() =>
              edit((d) => void d.providers.push(newProviderFromPreset(preset, d.providers)))
            }
          >
            Add provider
          </button>
        </div>
      </header>
      {draft.providers.length === 0 && (
        <p className="settings-muted">No providers yet: add one from a preset.</p>
      )}
      {draft.providers.map((provider, index) => (
        <ProviderCard
          key={provider.id}
          index={index}
          provider={provider}
          lockedBy={env[`provider:${provider.id}`]}
          defaultModel={checkModelFor(draft.routes, provider) ?? ''}
          onChange={(recipe) => edit((d) => recipe(d.providers[index]))}
          onRemove={() => edit((d) => void d.providers.splice(index, 1))}
        />
      ))}
    </section>
  );
}
