/**
 * The preload exposes `window.anthropicProxy` with exactly the BridgeApi methods plus `on`
 * (no ipcRenderer, no generic invoke), calls go to the contract's channels, and listeners get
 * payloads one by one without the IPC event.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./fake-electron.ts')).electronModule);

import type { Bridge } from '../../../shared/bridge.ts';
import {
  bridgeEventNames,
  bridgeMethodNames,
  snapshotRequestChannel,
} from '../../../shared/ipc-channels.ts';
import { electronModule, fake } from './fake-electron.ts';

let bridge: Bridge;
const ipcRenderer = electronModule.ipcRenderer;

beforeAll(async () => {
  await import('../../../electron/preload.ts');
  bridge = fake.exposed.get('anthropicProxy') as Bridge;
});

describe('preload', () => {
  it('exposes one object, anthropicProxy, with exactly the BridgeApi methods and on', () => {
    expect([...fake.exposed.keys()]).toEqual(['anthropicProxy']);
    expect(Object.keys(bridge).sort()).toEqual([...bridgeMethodNames, 'on'].sort());
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('covers the whole contract: traffic, search, demo and settings calls', () => {
    expect([...bridgeMethodNames].sort()).toEqual(
      [
        'listExchanges',
        'getExchange',
        'clearExchanges',
        'exportExchanges',
        'getStatus',
        'searchExchanges',
        'startDemo',
        'getSettings',
        'saveSettings',
        'testProvider',
        'checkCapabilities',
        'testRoute',
      ].sort(),
    );
  });

  it('invokes each method on its renderer:* channel with the arguments as given', async () => {
    await bridge.getExchange('abc');
    await bridge.exportExchanges('har', ['a']);
    expect(ipcRenderer.invoked.slice(-2)).toEqual([
      { channel: 'renderer:get-exchange', args: ['abc'] },
      { channel: 'renderer:export-exchanges', args: ['har', ['a']] },
    ]);
  });

  it('delivers each payload of a batch to the listener, without the IPC event', () => {
    const seen: unknown[] = [];
    bridge.on('exchanges-evicted', (payload) => seen.push(payload));
    const event = { sender: { secret: 'ipc internals' } };
    ipcRenderer.emit('main:exchanges-evicted', event, [{ ids: ['a'] }, { ids: ['b'] }]);
    expect(seen).toEqual([{ ids: ['a'] }, { ids: ['b'] }]);
  });

  it('unsubscribes', () => {
    const seen: unknown[] = [];
    const off = bridge.on('status', (payload) => seen.push(payload));
    off();
    ipcRenderer.emit('main:status', {}, [{ state: 'stopped' }]);
    expect(seen).toEqual([]);
    expect(ipcRenderer.listenerCount('main:status')).toBe(0);
  });

  it('asks the main process for a snapshot when the renderer subscribes to it', () => {
    const before = ipcRenderer.sentToMain.length;
    bridge.on('exchange-started', () => undefined);
    expect(ipcRenderer.sentToMain.length).toBe(before);
    bridge.on('snapshot', () => undefined);
    expect(ipcRenderer.sentToMain.slice(before)).toEqual([
      { channel: snapshotRequestChannel, args: [] },
    ]);
  });

  it('refuses event names outside the contract', () => {
    expect(() => bridge.on('evil' as never, () => undefined)).toThrow(/Unknown bridge event/);
    expect(bridgeEventNames).not.toContain('evil');
  });
});
