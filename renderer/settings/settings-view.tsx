/**
 * The Settings screen: providers, routes, server and inspector options over one draft, with
 * Save and Revert. Field errors come from the shared schema as the user types and from the
 * proxy on save; nothing is saved while any remains. Unsaved edits survive switching tabs
 * (the store lives per bridge) and closing the window asks first.
 */
import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import { SETTINGS_VERSION } from '../../shared/settings/settings-schema.ts';
import { ModelDatalists } from './model-datalists.tsx';
import { ProvidersSection } from './providers-section.tsx';
import { RoutesSection } from './routes-section.tsx';
import { InspectorSection, ServerSection } from './server-section.tsx';
import { FieldContext, FormStoreContext } from './settings-context.tsx';
import { errorsByPath, validateDraft } from './settings-draft.ts';
import {
  createSettingsFormStore,
  isDirty,
  type SettingsBridge,
  type SettingsFormStore,
} from './settings-form-store.ts';
import './settings-view.css';

const stores = new WeakMap<SettingsBridge, SettingsFormStore>();

/** The form store of a bridge, created on first use. */
export function settingsFormStore(bridge: SettingsBridge): SettingsFormStore {
  let store = stores.get(bridge);
  if (!store) {
    store = createSettingsFormStore(bridge);
    stores.set(bridge, store);
  }
  return store;
}

/** For the app shell: true while the settings form holds edits that are not saved. */
export function hasUnsavedSettings(bridge: SettingsBridge): boolean {
  return isDirty(settingsFormStore(bridge).getState());
}

export function SettingsView({ bridge }: { bridge: SettingsBridge }) {
  const store = settingsFormStore(bridge);
  const state = useStore(store);
  const dirty = isDirty(state);

  useEffect(() => {
    // Once per store: the draft must survive the view unmounting on a tab switch.
    const current = store.getState();
    if (!current.snapshot && current.status !== 'failed') void current.load();
  }, [store]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const clientErrors = useMemo(
    () => (state.draft ? validateDraft(state.draft, SETTINGS_VERSION) : []),
    [state.draft],
  );
  const errors = state.serverErrors.length > 0 ? state.serverErrors : clientErrors;
  const fieldContext = useMemo(
    () => ({ errors: errorsByPath(errors), env: state.snapshot?.env ?? {} }),
    [errors, state.snapshot],
  );

  if (state.status === 'failed') {
    return (
      <div className="settings-view">
        <p className="settings-error" role="alert">
          Could not load the settings: {state.loadError}
        </p>
        <button type="button" className="btn" onClick={() => void state.load()}>
          Try again
        </button>
      </div>
    );
  }
  if (!state.draft || !state.snapshot)
    return <div className="settings-view settings-muted">Loading settings…</div>;

  const documentErrors = errors.filter((error) => error.path === '');
  return (
    <FormStoreContext.Provider value={store}>
      <FieldContext.Provider value={fieldContext}>
        {/* Not a <form>: Enter in the route tester or a check's model box must not save. */}
        <div className="settings-view" role="region" aria-label="Settings">
          <div
            className={`settings-toolbar${dirty ? ' settings-toolbar--dirty' : ''}`}
            role="toolbar"
          >
            <span className="settings-title">Settings</span>
            <span
              className={`settings-status${dirty ? ' settings-status--dirty' : ''}`}
              aria-live="polite"
            >
              {dirty ? 'Unsaved changes' : 'All changes saved'}
              {errors.length > 0 && (
                <span className="settings-status-errors">
                  {` · ${errors.length} field${errors.length === 1 ? '' : 's'} to fix`}
                </span>
              )}
            </span>
            <span className="settings-toolbar-spacer" />
            <button
              type="button"
              className="btn"
              disabled={!dirty || state.saving}
              onClick={state.revert}
            >
              Revert
            </button>
            <button
              type="button"
              className="btn btn-primary"
              disabled={!dirty || state.saving}
              onClick={() => void state.save()}
            >
              {state.saving ? 'Saving…' : 'Save'}
            </button>
          </div>
          {state.snapshot.storage.message && (
            <p className="settings-banner settings-banner--warn">
              {state.snapshot.storage.message}
            </p>
          )}
          {state.notice && (
            <p className={`settings-banner settings-banner--${state.notice.kind}`} role="status">
              {state.notice.text}
            </p>
          )}
          {documentErrors.map((error) => (
            <p key={error.message} className="settings-banner settings-banner--error" role="alert">
              {error.message}
            </p>
          ))}
          {state.movedTo && (
            <p className="settings-banner settings-banner--warn">
              The proxy now listens on <a href={state.movedTo}>{state.movedTo}</a>; update
              ANTHROPIC_BASE_URL and reopen the inspector there.
            </p>
          )}
          <ModelDatalists />
          <ProvidersSection />
          <RoutesSection bridge={bridge} errorPaths={errors.map((error) => error.path)} />
          <ServerSection />
          <InspectorSection />
        </div>
      </FieldContext.Provider>
    </FormStoreContext.Provider>
  );
}
