/**
 * The main-process end of the IPC transport: one `ipcMain.handle` per BridgeApi method on
 * its `renderer:*` channel, plus the snapshot request. Every handler first checks the sender
 * (the app's own window, see sender-guard.ts), then validates the arguments with zod before
 * the call reaches the proxy side; a refused call rejects in the renderer and does nothing.
 *
 * The argument schemas form a complete table over the contract, typed so each schema's output
 * is the method's parameter tuple: a new contract method without a schema does not compile.
 */
import type { IpcMain, IpcMainEvent, WebContents } from 'electron';
import { z } from 'zod';
import {
  bridgeMethodNames,
  invokeChannel,
  snapshotRequestChannel,
} from '../../shared/ipc-channels.ts';
import type { BridgeMethodName } from '../../shared/ipc-channels.ts';
import type { BridgeApi } from '../../shared/bridge.ts';
import { MAX_SEARCH_QUERY_LENGTH } from '../../shared/traffic/exchange-search-limits.ts';
import type {
  ProviderCheckRequest,
  RouteTestRequest,
} from '../../shared/settings/provider-checks.ts';
import type { SettingsUpdate } from '../../shared/settings/public-settings.ts';
import { PROVIDER_ID_PATTERN } from '../../shared/settings/settings-schema.ts';
import type { SenderGuard } from './sender-guard.ts';

const exchangeId = z.string().min(1).max(200);
const providerId = z.string().regex(PROVIDER_ID_PATTERN);

/**
 * An object, checked field by field by the settings side itself: a bad settings update is
 * an answer (`{ ok: false, errors }` for the form), not a refused call.
 */
const plainObject = <T>() =>
  z.custom<T>(
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
    'expected an object',
  );

export const bridgeArgSchemas: {
  [K in BridgeMethodName]: z.ZodType<Parameters<BridgeApi[K]>>;
} = {
  listExchanges: z.tuple([]),
  getExchange: z.tuple([exchangeId]),
  clearExchanges: z.tuple([]),
  exportExchanges: z.tuple([z.enum(['json', 'har']), z.array(exchangeId).max(100_000).optional()]),
  getStatus: z.tuple([]),
  searchExchanges: z.tuple([z.string().max(MAX_SEARCH_QUERY_LENGTH)]),
  startDemo: z.tuple([]),
  getSettings: z.tuple([]),
  saveSettings: z.tuple([plainObject<SettingsUpdate>()]),
  testProvider: z.tuple([providerId, plainObject<ProviderCheckRequest>().optional()]),
  checkCapabilities: z.tuple([providerId, plainObject<ProviderCheckRequest>().optional()]),
  testRoute: z.tuple([plainObject<RouteTestRequest>()]),
};

export class IpcRefusedError extends Error {
  override name = 'IpcRefusedError';
}

export interface BridgeIpcOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler' | 'on' | 'removeListener'>;
  isTrustedSender: SenderGuard;
  /** The proxy side's implementation of the contract. */
  api: BridgeApi;
  /** A trusted renderer subscribed to `snapshot`: send it one. */
  onSnapshotRequest(sender: WebContents): void;
}

/** Registers every handler; returns a function that removes them all again. */
export function registerBridgeIpc(options: BridgeIpcOptions): () => void {
  const { ipcMain, isTrustedSender, api } = options;
  for (const method of bridgeMethodNames) {
    const channel = invokeChannel(method);
    ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      if (!isTrustedSender(event)) throw new IpcRefusedError(`${channel}: sender refused`);
      const parsed = bridgeArgSchemas[method].safeParse(args);
      if (!parsed.success) {
        throw new IpcRefusedError(
          `${channel}: invalid arguments (${z.prettifyError(parsed.error)})`,
        );
      }
      // The schema table guarantees parsed.data is this method's parameter tuple.
      const call = api[method] as (...callArgs: unknown[]) => Promise<unknown>;
      return call.apply(api, parsed.data as unknown[]);
    });
  }
  const onSnapshotRequest = (event: IpcMainEvent) => {
    if (isTrustedSender(event)) options.onSnapshotRequest(event.sender);
  };
  ipcMain.on(snapshotRequestChannel, onSnapshotRequest);
  return () => {
    for (const method of bridgeMethodNames) ipcMain.removeHandler(invokeChannel(method));
    ipcMain.removeListener(snapshotRequestChannel, onSnapshotRequest);
  };
}
