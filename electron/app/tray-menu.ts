/**
 * What the tray shows, as pure functions of one view model: the icon state, the tooltip
 * and the context menu template. The tray controller re-renders from these whenever the
 * proxy's status, the calls in flight or today's counts change; keeping them pure lets the
 * tests check every state without a tray.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { ProxyStatus } from '../../shared/bridge.ts';
import type { ProxyErrorKind } from './proxy-controller.ts';

export type TrayIconState = 'running' | 'stopped' | 'error' | 'busy';

export interface TrayView {
  status: ProxyStatus;
  /** Why the proxy is in the error state, when it is. */
  errorKind?: ProxyErrorKind;
  /** Calls received but not finished yet. */
  inFlight: number;
  today: { calls: number; errors: number };
  launchAtLogin: boolean;
  /** False where the platform offers no way to launch at login. */
  launchAtLoginSupported: boolean;
}

export interface TrayActions {
  start(): void;
  stop(): void;
  openInspector(): void;
  openSettings(): void;
  copyClaudeCodeSetup(): void;
  setLaunchAtLogin(enabled: boolean): void;
  quit(): void;
}

export function trayIconState(view: TrayView): TrayIconState {
  switch (view.status.state) {
    case 'error':
      return 'error';
    case 'stopped':
      return 'stopped';
    case 'running':
      return view.inFlight > 0 ? 'busy' : 'running';
  }
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

function statusLine(view: TrayView): string {
  switch (view.status.state) {
    case 'running': {
      // In demo mode the answers come from the simulated upstream, not the user's model.
      const where = `Running on ${view.status.url}${view.status.demo ? ' (demo)' : ''}`;
      return view.inFlight > 0 ? `${where} · ${plural(view.inFlight, 'call')} in flight` : where;
    }
    case 'stopped':
      return 'Stopped';
    case 'error':
      return `Error: ${view.status.message ?? 'the proxy could not start'}`;
  }
}

/** Tooltips are short on every platform (Windows cuts at 127 characters). */
export function trayTooltip(view: TrayView): string {
  const text = `Anthropic Proxy — ${statusLine(view)}`;
  return text.length > 127 ? `${text.slice(0, 126)}…` : text;
}

export function todayLine(today: TrayView['today']): string {
  return `Today: ${plural(today.calls, 'call')}, ${plural(today.errors, 'error')}`;
}

export function trayMenuTemplate(
  view: TrayView,
  actions: TrayActions,
): MenuItemConstructorOptions[] {
  const { state } = view.status;
  const running = state === 'running';
  const items: MenuItemConstructorOptions[] = [
    { id: 'status', label: statusLine(view), enabled: false },
    { type: 'separator' },
    running
      ? { id: 'stop', label: 'Stop Proxy', click: () => actions.stop() }
      : {
          id: 'start',
          label: state === 'error' ? 'Try Starting Again' : 'Start Proxy',
          click: () => actions.start(),
        },
  ];
  if (state === 'error') {
    // The way out of the error state: the port and host live in the settings.
    items.push({
      id: 'fix',
      label:
        view.errorKind === 'port-in-use' ? 'Change Port in Settings…' : 'Open Settings to Fix…',
      click: () => actions.openSettings(),
    });
  }
  items.push(
    { id: 'inspector', label: 'Open Inspector', click: () => actions.openInspector() },
    { id: 'settings', label: 'Settings…', click: () => actions.openSettings() },
    {
      id: 'copy-setup',
      label: 'Copy Claude Code Setup',
      enabled: running,
      click: () => actions.copyClaudeCodeSetup(),
    },
    { type: 'separator' },
    { id: 'today', label: todayLine(view.today), enabled: false },
    { type: 'separator' },
    {
      id: 'launch-at-login',
      label: 'Launch at Login',
      type: 'checkbox',
      checked: view.launchAtLogin,
      enabled: view.launchAtLoginSupported,
      click: (item) => actions.setLaunchAtLogin(item.checked),
    },
    { type: 'separator' },
    { id: 'quit', label: 'Quit Anthropic Proxy', click: () => actions.quit() },
  );
  return items;
}
