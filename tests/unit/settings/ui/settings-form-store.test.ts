import { describe, expect, it } from 'vitest';
import type { ProxyStatus } from '../../../../shared/bridge.ts';
import {
  toPublicSettings,
  type SaveSettingsResult,
  type SettingsSnapshot,
  type SettingsUpdate,
} from '../../../../shared/settings/public-settings.ts';
import {
  createSettingsFormStore,
  isDirty,
  type SettingsBridge,
} from '../../../../renderer/settings/settings-form-store.ts';
import { sampleSettings } from '../settings-fixtures.ts';

function fakeBridge(saveAnswer: (update: SettingsUpdate) => SaveSettingsResult) {
  const snapshot: SettingsSnapshot = {
    settings: toPublicSettings(sampleSettings()),
    env: {},
    storage: { location: 'memory', writable: true },
  };
  const saved: SettingsUpdate[] = [];
  const status: ProxyStatus = {
    state: 'running',
    url: 'http://127.0.0.1:4321',
    version: 't',
    demo: false,
    upstreamConfigured: true,
  };
  const bridge: SettingsBridge = {
    getSettings: async () => structuredClone(snapshot),
    getStatus: async () => status,
    saveSettings: async (update) => {
      saved.push(update);
      return saveAnswer(update);
    },
    testProvider: async () => {
      throw new Error('upstream unreachable');
    },
    checkCapabilities: async (id, request) => ({
      provider: id,
      model: request?.model ?? '?',
      results: [],
    }),
    testRoute: async () => ({
      resolution: { provider: 'router', model: 'm', rule: 'pass-through' },
    }),
  };
  return { bridge, saved, snapshot };
}

describe('settings form store', () => {
  it('loads the snapshot and where the proxy listens', async () => {
    const { bridge } = fakeBridge(() => ({ ok: false, errors: [] }));
    const store = createSettingsFormStore(bridge);
    await store.getState().load();
    expect(store.getState()).toMatchObject({ status: 'ready', proxyUrl: 'http://127.0.0.1:4321' });
    expect(isDirty(store.getState())).toBe(false);
  });

  it('marks edits as unsaved and reverts them', async () => {
    const { bridge } = fakeBridge(() => ({ ok: false, errors: [] }));
    const store = createSettingsFormStore(bridge);
    await store.getState().load();
    store.getState().edit((draft) => void (draft.logLevel = 'trace'));
    expect(isDirty(store.getState())).toBe(true);
    store.getState().revert();
    expect(isDirty(store.getState())).toBe(false);
  });

  it('keeps the draft and shows the proxy field errors when a save is refused', async () => {
    const errors = [{ path: 'routes.big.model', message: 'Model is required' }];
    const { bridge } = fakeBridge(() => ({ ok: false, errors }));
    const store = createSettingsFormStore(bridge);
    await store.getState().load();
    store.getState().edit((draft) => void (draft.routes.big.model = ' '));
    await store.getState().save();
    expect(store.getState()).toMatchObject({ serverErrors: errors, notice: { kind: 'error' } });
    expect(isDirty(store.getState())).toBe(true);
    store.getState().edit((draft) => void (draft.routes.big.model = 'x'));
    expect(store.getState().serverErrors).toEqual([]);
  });

  it('takes the answer of a good save as the new saved state and notes a moved listener', async () => {
    const { bridge, snapshot } = fakeBridge((update) => ({
      ok: true,
      saved: true,
      snapshot: {
        ...snapshot,
        settings: {
          ...snapshot.settings,
          server: { ...snapshot.settings.server, port: update.server!.port },
        },
      },
    }));
    const store = createSettingsFormStore(bridge);
    await store.getState().load();
    store.getState().edit((draft) => void (draft.server.port = 9999));
    await store.getState().save();
    expect(isDirty(store.getState())).toBe(false);
    expect(store.getState()).toMatchObject({
      movedTo: 'http://127.0.0.1:9999',
      notice: { kind: 'ok' },
    });
  });

  it('keeps a failed check as its message, per provider', async () => {
    const { bridge } = fakeBridge(() => ({ ok: false, errors: [] }));
    const store = createSettingsFormStore(bridge);
    await store.getState().load();
    await store.getState().testProvider('router');
    expect(store.getState().providerTests.router).toEqual({
      running: false,
      error: 'upstream unreachable',
    });
    await store.getState().checkCapabilities('local', 'qwen');
    expect(store.getState().capabilityChecks.local?.result).toEqual({
      provider: 'local',
      model: 'qwen',
      results: [],
    });
  });
});
