/**
 * State of the settings screen: the last saved snapshot, the draft being edited, save and
 * check progress. One store per bridge, kept across tab switches, so leaving the Settings
 * tab does not throw away an unsaved edit (closing the window warns instead).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BridgeApi } from '../../shared/bridge.ts';
import type { SettingsSnapshot } from '../../shared/settings/public-settings.ts';
import type {
  CapabilityReport,
  ProviderTestResult,
} from '../../shared/settings/provider-checks.ts';
import type { FieldError } from '../../shared/settings/settings-validation.ts';
import { proxyBaseUrl } from './claude-code-env.ts';
import { draftFromSnapshot, sameDraft, type SettingsDraft } from './settings-draft.ts';

export type SettingsBridge = Pick<
  BridgeApi,
  'getSettings' | 'saveSettings' | 'testProvider' | 'checkCapabilities' | 'testRoute' | 'getStatus'
>;

export interface Notice {
  kind: 'ok' | 'warn' | 'error';
  text: string;
}

export interface CheckState<T> {
  running: boolean;
  result?: T;
  error?: string;
}

export interface SettingsFormState {
  status: 'loading' | 'ready' | 'failed';
  loadError?: string;
  snapshot?: SettingsSnapshot;
  /** Where the proxy really listens (port 0 in the settings means "any free port"). */
  proxyUrl?: string;
  /** The draft as last loaded or saved; `draft` differs from it when there are unsaved edits. */
  base?: SettingsDraft;
  draft?: SettingsDraft;
  /** Errors the proxy returned for the last save; cleared by the next edit. */
  serverErrors: FieldError[];
  saving: boolean;
  notice?: Notice;
  /** Set by a save that moved the listener: the proxy's new base URL. */
  movedTo?: string;
  /** Keyed by provider id. */
  providerTests: Record<string, CheckState<ProviderTestResult>>;
  capabilityChecks: Record<string, CheckState<CapabilityReport>>;

  load(): Promise<void>;
  edit(recipe: (draft: SettingsDraft) => void): void;
  revert(): void;
  save(): Promise<void>;
  testProvider(id: string, model?: string): Promise<void>;
  checkCapabilities(id: string, model: string): Promise<void>;
}

export type SettingsFormStore = StoreApi<SettingsFormState>;

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function isDirty(state: Pick<SettingsFormState, 'base' | 'draft'>): boolean {
  return !sameDraft(state.base, state.draft);
}

export function createSettingsFormStore(bridge: SettingsBridge): SettingsFormStore {
  return createStore<SettingsFormState>()((set, get) => {
    const fromSnapshot = (snapshot: SettingsSnapshot) => {
      const base = draftFromSnapshot(snapshot);
      return { snapshot, base, draft: structuredClone(base), serverErrors: [] };
    };

    const runCheck = async <K extends 'providerTests' | 'capabilityChecks'>(
      key: K,
      id: string,
      call: () => Promise<NonNullable<SettingsFormState[K][string]['result']>>,
    ) => {
      set(
        (state) =>
          ({ [key]: { ...state[key], [id]: { running: true } } }) as Partial<SettingsFormState>,
      );
      let next: CheckState<unknown>;
      try {
        next = { running: false, result: await call() };
      } catch (error) {
        next = { running: false, error: message(error) };
      }
      set((state) => ({ [key]: { ...state[key], [id]: next } }) as Partial<SettingsFormState>);
    };

    const draftProvider = (id: string) =>
      get().draft?.providers.find((provider) => provider.id === id);

    return {
      status: 'loading',
      serverErrors: [],
      saving: false,
      providerTests: {},
      capabilityChecks: {},

      async load() {
        set({ status: 'loading' });
        try {
          const [snapshot, status] = await Promise.all([bridge.getSettings(), bridge.getStatus()]);
          set({ status: 'ready', proxyUrl: status.url, ...fromSnapshot(snapshot) });
        } catch (error) {
          set({ status: 'failed', loadError: message(error) });
        }
      },

      edit(recipe) {
        const { draft } = get();
        if (!draft) return;
        const next = structuredClone(draft);
        recipe(next);
        set({ draft: next, serverErrors: [], notice: undefined });
      },

      revert() {
        const { base } = get();
        if (base) set({ draft: structuredClone(base), serverErrors: [], notice: undefined });
      },

      async save() {
        const { draft } = get();
        if (!draft || get().saving) return;
        set({ saving: true, notice: undefined });
        try {
          const result = await bridge.saveSettings(draft);
          if (result.ok) {
            const before = get().snapshot?.settings.server;
            const after = result.snapshot.settings.server;
            const moved =
              before !== undefined && (before.host !== after.host || before.port !== after.port);
            set({
              ...fromSnapshot(result.snapshot),
              movedTo: moved ? proxyBaseUrl(after) : undefined,
              ...(moved ? { proxyUrl: proxyBaseUrl(after) } : {}),
              notice: result.saved
                ? { kind: 'ok', text: 'Saved. The next call uses these settings.' }
                : { kind: 'warn', text: result.message ?? 'Applied, but not saved.' },
            });
          } else {
            set({
              serverErrors: result.errors,
              notice: { kind: 'error', text: 'Nothing was saved: fix the fields marked below.' },
            });
          }
        } catch (error) {
          set({ notice: { kind: 'error', text: `Nothing was saved: ${message(error)}` } });
        } finally {
          set({ saving: false });
        }
      },

      testProvider(id, model) {
        return runCheck('providerTests', id, () =>
          bridge.testProvider(id, { model, draft: draftProvider(id) }),
        );
      },

      checkCapabilities(id, model) {
        return runCheck('capabilityChecks', id, () =>
          bridge.checkCapabilities(id, { model, draft: draftProvider(id) }),
        );
      },
    };
  });
}
