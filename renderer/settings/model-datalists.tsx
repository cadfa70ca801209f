/**
 * One <datalist> of model names per provider, for every model field of the form: the
 * provider's own list plus whatever its last connection test listed from GET /models.
 */
import { useForm } from './settings-context.tsx';

export function modelListId(providerId: string): string {
  return `settings-models-${providerId}`;
}

export function ModelDatalists() {
  const providers = useForm((state) => state.draft?.providers ?? []);
  const tests = useForm((state) => state.providerTests);
  return (
    <>
      {providers.map((provider) => {
        const listed = tests[provider.id]?.result?.models.ids ?? [];
        const names = [...new Set([...provider.models, ...listed])];
        return (
          <datalist key={provider.id} id={modelListId(provider.id)}>
            {names.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        );
      })}
    </>
  );
}
