/**
 * "Which route?": a model name and the request's traits in, the provider, model and rule
 * that would serve it out. It asks the proxy with the routes as they are in the form, so an
 * unsaved rule can be tried before saving.
 */
import { useState } from 'react';
import { isBackgroundModel, type RequestFacts } from '../../shared/routing/route-rules.ts';
import type { RouteTestResult } from '../../shared/settings/provider-checks.ts';
import type { SettingsBridge } from './settings-form-store.ts';
import { useForm } from './settings-context.tsx';

const FLAGS = [
  ['thinking', 'Thinking'],
  ['images', 'Images'],
  ['tools', 'Tools'],
] as const;

export function RouteTester({ bridge }: { bridge: Pick<SettingsBridge, 'testRoute'> }) {
  const routes = useForm((state) => state.draft?.routes);
  const providers = useForm((state) => state.draft?.providers ?? []);
  const [facts, setFacts] = useState<RequestFacts>({
    model: 'claude-sonnet-4-6',
    thinking: false,
    images: false,
    tools: true,
    estimatedInputTokens: 20_000,
    background: false,
  });
  const [result, setResult] = useState<RouteTestResult | undefined>();
  const [error, setError] = useState<string | undefined>();

  const run = async () => {
    setError(undefined);
    try {
      setResult(await bridge.testRoute({ facts, routes }));
    } catch (failure) {
      setResult(undefined);
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };

  return (
    <div className="settings-route-tester" aria-label="Which route?">
      <h3>Which route?</h3>
      <div className="settings-add-row">
        <label className="settings-inline">
          Requested model
          <input
            className="input input-small mono"
            value={facts.model}
            onChange={(e) =>
              setFacts({
                ...facts,
                model: e.target.value,
                background: isBackgroundModel(e.target.value),
              })
            }
          />
        </label>
        {FLAGS.map(([flag, label]) => (
          <label key={flag} className="settings-inline">
            <input
              type="checkbox"
              checked={facts[flag]}
              onChange={(e) => setFacts({ ...facts, [flag]: e.target.checked })}
            />
            {label}
          </label>
        ))}
        <label className="settings-inline">
          <input
            type="checkbox"
            checked={facts.background}
            onChange={(e) => setFacts({ ...facts, background: e.target.checked })}
          />
          Background
        </label>
        <label className="settings-inline">
          Input tokens
          <input
            className="input input-small settings-tokens-input"
            type="number"
            min={0}
            value={facts.estimatedInputTokens}
            onChange={(e) =>
              setFacts({ ...facts, estimatedInputTokens: Number(e.target.value) || 0 })
            }
          />
        </label>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => void run()}
          disabled={!routes}
        >
          Which route?
        </button>
      </div>
      {error && (
        <p className="settings-error" role="alert">
          {error}
        </p>
      )}
      {result && (
        <p className="settings-route-result" data-testid="route-test-result">
          → <strong>{result.resolution.model}</strong> on{' '}
          <strong>
            {providers.find((provider) => provider.id === result.resolution.provider)?.name ??
              result.providerName ??
              `${result.resolution.provider} (no such provider)`}
          </strong>
          , chosen by <em>{result.resolution.rule}</em>
          {result.resolution.fallback &&
            ` (fallback: ${result.resolution.fallback.model} on ${result.resolution.fallback.provider})`}
        </p>
      )}
    </div>
  );
}
