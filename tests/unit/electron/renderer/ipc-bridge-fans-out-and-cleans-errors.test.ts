/**
 * renderer/bridge/ipc-bridge.ts over a stand-in for the preload's object: one preload
 * subscription per event however many listeners, released with the last one; calls pass
 * through; Electron's "Error invoking remote method" wrapping is removed from errors.
 */
import { describe, expect, it, vi } from 'vitest';
import { createIpcBridge } from '../../../../renderer/bridge/ipc-bridge.ts';
import type { Bridge, BridgeEventName } from '../../../../shared/bridge.ts';

function exposedBridge() {
  const listeners = new Map<BridgeEventName, Set<(payload: unknown) => void>>();
  const subscriptions: BridgeEventName[] = [];
  const exposed = {
    listExchanges: vi.fn(async () => []),
    getExchange: vi.fn(async () => {
      throw new Error(
        "Error invoking remote method 'renderer:get-exchange': IpcRefusedError: renderer:get-exchange: invalid arguments (✖ Too big)",
      );
    }),
    clearExchanges: vi.fn(async () => undefined),
    exportExchanges: vi.fn(async () => '{}'),
    getStatus: vi.fn(async () => ({
      state: 'stopped' as const,
      version: '1',
      demo: false,
      upstreamConfigured: false,
    })),
    searchExchanges: vi.fn(async (_query: string) => []),
    startDemo: vi.fn(async () => ({})),
    getSettings: vi.fn(async () => ({})),
    saveSettings: vi.fn(async (_update: unknown) => ({})),
    testProvider: vi.fn(async (_id: string, _request?: unknown) => ({})),
    checkCapabilities: vi.fn(async () => ({})),
    testRoute: vi.fn(async () => ({})),
    on: vi.fn((event: BridgeEventName, listener: (payload: unknown) => void) => {
      subscriptions.push(event);
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener);
      return () => listeners.get(event)!.delete(listener);
    }),
  };
  const emit = (event: BridgeEventName, payload: unknown) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
  return {
    exposed: exposed as unknown as Bridge,
    mocks: exposed,
    emit,
    subscriptions,
    listeners,
  };
}

describe('IPC bridge (renderer side)', () => {
  it('subscribes once per event in the preload and fans payloads out', () => {
    const { exposed, emit, subscriptions } = exposedBridge();
    const bridge = createIpcBridge(exposed);
    const a: unknown[] = [];
    const b: unknown[] = [];
    bridge.on('exchanges-evicted', (p) => a.push(p));
    bridge.on('exchanges-evicted', (p) => b.push(p));
    expect(subscriptions).toEqual(['exchanges-evicted']);
    emit('exchanges-evicted', { ids: ['x'] });
    expect(a).toEqual([{ ids: ['x'] }]);
    expect(b).toEqual([{ ids: ['x'] }]);
  });

  it('releases the preload subscription with the last listener, and subscribes again later', () => {
    const { exposed, emit, subscriptions, listeners } = exposedBridge();
    const bridge = createIpcBridge(exposed);
    const seen: unknown[] = [];
    const off1 = bridge.on('status', (p) => seen.push(p));
    const off2 = bridge.on('status', (p) => seen.push(p));
    off1();
    off1();
    expect(listeners.get('status')!.size).toBe(1);
    off2();
    expect(listeners.get('status')!.size).toBe(0);
    emit('status', 'late');
    expect(seen).toEqual([]);
    bridge.on('status', (p) => seen.push(p));
    expect(subscriptions).toEqual(['status', 'status']);
  });

  it('passes calls through with their arguments', async () => {
    const { exposed, mocks } = exposedBridge();
    const bridge = createIpcBridge(exposed);
    await bridge.exportExchanges('har', ['a']);
    await bridge.exportExchanges('json');
    expect(mocks.exportExchanges.mock.calls).toEqual([['har', ['a']], ['json']]);
    await bridge.saveSettings({ logLevel: 'warn' });
    await bridge.testProvider('openai');
    await bridge.testProvider('openai', { model: 'm' });
    expect(mocks.saveSettings.mock.calls).toEqual([[{ logLevel: 'warn' }]]);
    await bridge.searchExchanges('needle');
    expect(mocks.searchExchanges.mock.calls).toEqual([['needle']]);
    expect(mocks.testProvider.mock.calls).toEqual([['openai'], ['openai', { model: 'm' }]]);
  });

  it("gives callers the main process's message without Electron's wrapping", async () => {
    const { exposed } = exposedBridge();
    await expect(createIpcBridge(exposed).getExchange('x')).rejects.toThrow(
      /^renderer:get-exchange: invalid arguments/,
    );
  });
});
