/**
 * IPC channel names of the Electron transport, derived from the bridge contract in
 * `bridge.ts` so the preload, the main process's handlers and their tests name the same
 * channels. Direction is in the name: `renderer:*` channels are calls the renderer makes
 * (`renderer:get-exchange`), `main:*` channels are events the main process pushes
 * (`main:exchange-updated`).
 *
 * The two key tables below are typed as complete records of the contract: a method or event
 * added to `BridgeApi`/`BridgeEvents` without a line here is a compile
 * error, so the IPC transport cannot silently lag behind the HTTP one.
 */
import type { BridgeApi, BridgeEventName, BridgeEvents } from './bridge.ts';

export type BridgeMethodName = keyof BridgeApi;

/** One bridge event with its payload, as a union a `switch` on `event` narrows. */
export type BridgeEventMessage = {
  [K in BridgeEventName]: { event: K; payload: BridgeEvents[K] };
}[BridgeEventName];

const methodKeys: { readonly [K in BridgeMethodName]: true } = {
  listExchanges: true,
  getExchange: true,
  clearExchanges: true,
  exportExchanges: true,
  getStatus: true,
  searchExchanges: true,
  startDemo: true,
  getSettings: true,
  saveSettings: true,
  testProvider: true,
  checkCapabilities: true,
  testRoute: true,
};

const eventKeys: { readonly [K in BridgeEventName]: true } = {
  snapshot: true,
  'exchange-started': true,
  'exchange-updated': true,
  'exchange-completed': true,
  'exchanges-evicted': true,
  status: true,
};

/** Every BridgeApi method (traffic, then settings), in the contract's order. */
export const bridgeMethodNames = Object.keys(methodKeys) as BridgeMethodName[];
/** Every `BridgeEvents` name. */
export const bridgeEventNames = Object.keys(eventKeys) as BridgeEventName[];

export function isBridgeMethodName(name: unknown): name is BridgeMethodName {
  return typeof name === 'string' && Object.hasOwn(methodKeys, name);
}

export function isBridgeEventName(name: unknown): name is BridgeEventName {
  return typeof name === 'string' && Object.hasOwn(eventKeys, name);
}

export type InvokeChannel = `renderer:${string}`;
export type EventChannel = `main:${BridgeEventName}`;

/** `getExchange` → `renderer:get-exchange`: the channel a renderer call is invoked on. */
export function invokeChannel(method: BridgeMethodName): InvokeChannel {
  return `renderer:${method.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/**
 * `exchange-updated` → `main:exchange-updated`. Each message on an event channel carries an
 * array of payloads (one batch, in emission order); the preload unpacks it.
 */
export function eventChannel(event: BridgeEventName): EventChannel {
  return `main:${event}`;
}

/**
 * Sent by the preload when the renderer subscribes to `snapshot`: the IPC counterpart of
 * opening the SSE stream, answered with one `main:snapshot` to that renderer.
 */
export const snapshotRequestChannel = 'renderer:request-snapshot';
