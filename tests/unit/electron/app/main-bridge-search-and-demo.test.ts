/**
 * The main-process side of the body search and of demo mode (what the IPC handlers call):
 * searchExchanges answers from the recorder (bodies only, ids newest first), and startDemo
 * goes through the app's demo switch, refusing when the app gave none.
 */
import { describe, expect, it, vi } from 'vitest';
import { createMainBridge } from '../../../../electron/app/main-bridge.ts';
import { createTrafficRecorder } from '../../../../electron/server/recorder/traffic-recorder.ts';
import type { ProxyStatus, SettingsBridgeApi } from '../../../../shared/bridge.ts';
import { anthropicBody, startExchange } from '../../recorder/recorder-driver.ts';

const status: ProxyStatus = {
  state: 'running',
  url: 'http://127.0.0.1:9',
  version: '1',
  demo: false,
  upstreamConfigured: false,
};

const noSettings = {} as SettingsBridgeApi;

function mainBridge(startDemo?: () => Promise<ProxyStatus>) {
  const recorder = createTrafficRecorder();
  startExchange(recorder, 'older', {
    body: anthropicBody({ messages: [{ role: 'user', content: 'a Zebra crossing' }] }),
  });
  startExchange(recorder, 'plain');
  startExchange(recorder, 'newer', { body: anthropicBody({ system: 'zebras everywhere' }) });
  return createMainBridge({
    recorder,
    settingsApi: noSettings,
    status: () => status,
    version: '1',
    send: () => undefined,
    ...(startDemo ? { startDemo } : {}),
  });
}

describe('main-side bridge', () => {
  it('answers searchExchanges with the ids whose bodies hold the text, newest first', async () => {
    const bridge = mainBridge();
    await expect(bridge.api.searchExchanges('ZEBRA')).resolves.toEqual(['newer', 'older']);
    await expect(bridge.api.searchExchanges('giraffe')).resolves.toEqual([]);
    bridge.dispose();
  });

  it("turns demo mode on through the app's switch, and refuses without one", async () => {
    const start = vi.fn(async () => ({ ...status, demo: true }));
    await expect(mainBridge(start).api.startDemo()).resolves.toMatchObject({ demo: true });
    expect(start).toHaveBeenCalledTimes(1);
    await expect(mainBridge().api.startDemo()).rejects.toThrow(/not available/);
  });
});
