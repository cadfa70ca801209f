/** Channel names derived from the bridge contract, with the direction in the name. */
import { describe, expect, it } from 'vitest';
import {
  bridgeEventNames,
  bridgeMethodNames,
  eventChannel,
  invokeChannel,
  isBridgeMethodName,
} from '../../../shared/ipc-channels.ts';

describe('IPC channel names', () => {
  it('names renderer calls renderer:<kebab-case method>', () => {
    expect(invokeChannel('getExchange')).toBe('renderer:get-exchange');
    expect(invokeChannel('listExchanges')).toBe('renderer:list-exchanges');
    for (const method of bridgeMethodNames)
      expect(invokeChannel(method)).toMatch(/^renderer:[a-z]+(-[a-z]+)*$/);
  });

  it('names pushed events main:<event>', () => {
    expect(eventChannel('exchange-updated')).toBe('main:exchange-updated');
    expect(bridgeEventNames.map(eventChannel)).toContain('main:snapshot');
  });

  it('gives every method and event its own channel', () => {
    const channels = [
      ...bridgeMethodNames.map(invokeChannel),
      ...bridgeEventNames.map(eventChannel),
    ];
    expect(new Set(channels).size).toBe(channels.length);
  });

  it('knows only the contract methods, not inherited properties', () => {
    expect(isBridgeMethodName('getStatus')).toBe(true);
    expect(isBridgeMethodName('toString')).toBe(false);
    expect(isBridgeMethodName('constructor')).toBe(false);
  });
});
