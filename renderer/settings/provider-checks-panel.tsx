/**
 * "Test connection" and the capability grid of one provider. Both run against the provider
 * as it is in the form (unsaved edits included), so users can try a key before saving it.
 */
import { useState } from 'react';
import {
  CAPABILITIES,
  CAPABILITY_LABELS,
  type CapabilityResult,
} from '../../shared/settings/provider-checks.ts';
import { useForm } from './settings-context.tsx';

interface ProviderChecksPanelProps {
  providerId: string;
  /** id of the datalist with this provider's model names. */
  modelListId: string;
  defaultModel: string;
}

const OUTCOME_TEXT: Record<CapabilityResult['outcome'], string> = {
  pass: 'Yes',
  fail: 'No',
  error: 'Error',
};

export function ProviderChecksPanel({
  providerId,
  modelListId,
  defaultModel,
}: ProviderChecksPanelProps) {
  const test = useForm((state) => state.providerTests[providerId]);
  const check = useForm((state) => state.capabilityChecks[providerId]);
  const testProvider = useForm((state) => state.testProvider);
  const checkCapabilities = useForm((state) => state.checkCapabilities);
  const [model, setModel] = useState(defaultModel);
  const chosen = model.trim() || defaultModel;

  return (
    <div className="settings-checks">
      <div className="settings-checks-bar">
        <label className="settings-inline">
          Model
          <input
            className="input input-small"
            value={model}
            list={modelListId}
            placeholder={defaultModel || 'model id'}
            onChange={(e) => setModel(e.target.value)}
          />
        </label>
        <button
          type="button"
          className="btn btn-small"
          disabled={test?.running}
          onClick={() => void testProvider(providerId, chosen || undefined)}
        >
          {test?.running ? 'Testing…' : 'Test connection'}
        </button>
        <button
          type="button"
          className="btn btn-small"
          disabled={check?.running || !chosen}
          onClick={() => void checkCapabilities(providerId, chosen)}
        >
          {check?.running ? 'Checking…' : 'Check capabilities'}
        </button>
      </div>

      {test?.error && (
        <p className="settings-error" role="alert">
          Test failed: {test.error}
        </p>
      )}
      {test?.result && (
        <ul className="settings-test-result" data-testid="provider-test-result">
          <li className={test.result.models.ok ? 'ok' : 'bad'}>
            Models list:{' '}
            {test.result.models.ok
              ? `${test.result.models.ids.length} models`
              : test.result.models.error}{' '}
            ({test.result.models.ms} ms)
          </li>
          <li className={test.result.completion.ok ? 'ok' : 'bad'}>
            Completion{test.result.completion.model ? ` with ${test.result.completion.model}` : ''}:{' '}
            {test.result.completion.ok
              ? `answered "${test.result.completion.reply ?? ''}"`
              : test.result.completion.error}{' '}
            ({test.result.completion.ms} ms)
          </li>
        </ul>
      )}

      {check?.error && (
        <p className="settings-error" role="alert">
          Check failed: {check.error}
        </p>
      )}
      {check?.result && (
        <table className="settings-capabilities" data-testid="capability-grid">
          <caption>
            {check.result.model} on {check.result.provider}
          </caption>
          <thead>
            <tr>
              <th scope="col">Capability</th>
              <th scope="col">Works</th>
              <th scope="col">Detail</th>
              <th scope="col" className="num">
                Time
              </th>
            </tr>
          </thead>
          <tbody>
            {CAPABILITIES.map((capability) => {
              const result = check.result?.results.find((r) => r.capability === capability);
              return (
                <tr key={capability} className={`outcome-${result ? result.outcome : 'none'}`}>
                  <th scope="row">{CAPABILITY_LABELS[capability]}</th>
                  <td>{result ? OUTCOME_TEXT[result.outcome] : '—'}</td>
                  <td>{result?.detail}</td>
                  <td className="num">{result ? `${result.ms} ms` : ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
