/**
 * What the tray shows for each proxy state: icon, tooltip, status line and which actions the
 * menu offers, and that each item calls the matching action.
 */
import { describe, expect, it, vi } from 'vitest';
import type { ProxyStatus } from '../../../../shared/bridge.ts';
import {
  trayIconState,
  trayMenuTemplate,
  trayTooltip,
  type TrayActions,
  type TrayView,
} from '../../../../electron/app/tray-menu.ts';

const base: Omit<ProxyStatus, 'state'> = {
  version: '1.0.0',
  demo: false,
  upstreamConfigured: true,
};

function view(
  status: Partial<ProxyStatus> & Pick<ProxyStatus, 'state'>,
  extra: Partial<TrayView> = {},
): TrayView {
  return {
    status: { ...base, ...status },
    inFlight: 0,
    today: { calls: 0, errors: 0 },
    launchAtLogin: false,
    launchAtLoginSupported: true,
    ...extra,
  };
}

function actions(): TrayActions & Record<string, ReturnType<typeof vi.fn>> {
  return {
    start: vi.fn(),
    stop: vi.fn(),
    openInspector: vi.fn(),
    openSettings: vi.fn(),
    copyClaudeCodeSetup: vi.fn(),
    setLaunchAtLogin: vi.fn(),
    quit: vi.fn(),
  };
}

const ids = (v: TrayView) =>
  trayMenuTemplate(v, actions()).flatMap((item) => (item.id ? [item.id] : []));
const item = (v: TrayView, id: string, a = actions()) =>
  trayMenuTemplate(v, a).find((i) => i.id === id)!;

describe('tray icon state', () => {
  it('is running, busy while calls are in flight, stopped, or error', () => {
    expect(trayIconState(view({ state: 'running', url: 'http://127.0.0.1:8080' }))).toBe('running');
    expect(
      trayIconState(view({ state: 'running', url: 'http://127.0.0.1:8080' }, { inFlight: 2 })),
    ).toBe('busy');
    expect(trayIconState(view({ state: 'stopped' }))).toBe('stopped');
    expect(trayIconState(view({ state: 'error', message: 'boom' }, { inFlight: 1 }))).toBe('error');
  });
});

describe('tray menu', () => {
  it('offers Stop while running and Start while stopped', () => {
    expect(ids(view({ state: 'running', url: 'http://127.0.0.1:1' }))).toContain('stop');
    expect(ids(view({ state: 'running', url: 'http://127.0.0.1:1' }))).not.toContain('start');
    expect(ids(view({ state: 'stopped' }))).toContain('start');
    expect(ids(view({ state: 'stopped' }))).not.toContain('stop');
  });

  it('shows the error and a way to fix a port in use in the settings', () => {
    const v = view(
      { state: 'error', message: 'Port 8080 is already in use.' },
      { errorKind: 'port-in-use' },
    );
    expect(item(v, 'status').label).toBe('Error: Port 8080 is already in use.');
    expect(item(v, 'start').label).toBe('Try Starting Again');
    const a = actions();
    const fix = item(v, 'fix', a);
    expect(fix.label).toBe('Change Port in Settings…');
    (fix.click as () => void)();
    expect(a.openSettings).toHaveBeenCalledOnce();
  });

  it('has no fix item unless in the error state', () => {
    expect(ids(view({ state: 'running', url: 'http://127.0.0.1:1' }))).not.toContain('fix');
  });

  it('states the URL and the calls in flight on the status line and in the tooltip', () => {
    const v = view({ state: 'running', url: 'http://127.0.0.1:8080' }, { inFlight: 1 });
    expect(item(v, 'status').label).toBe('Running on http://127.0.0.1:8080 · 1 call in flight');
    expect(item(v, 'status').enabled).toBe(false);
    expect(trayTooltip(v)).toBe(
      'Anthropic Proxy — Running on http://127.0.0.1:8080 · 1 call in flight',
    );
    expect(trayTooltip(view({ state: 'stopped' }))).toBe('Anthropic Proxy — Stopped');
  });

  it('says so on the status line while demo mode answers the calls', () => {
    const v = view({ state: 'running', url: 'http://127.0.0.1:8080', demo: true }, { inFlight: 2 });
    expect(item(v, 'status').label).toBe(
      'Running on http://127.0.0.1:8080 (demo) · 2 calls in flight',
    );
  });

  it("shows today's calls and errors", () => {
    const v = view({ state: 'stopped' }, { today: { calls: 12, errors: 1 } });
    expect(item(v, 'today').label).toBe('Today: 12 calls, 1 error');
  });

  it('enables Copy Claude Code Setup only while running', () => {
    expect(item(view({ state: 'running', url: 'http://127.0.0.1:1' }), 'copy-setup').enabled).toBe(
      true,
    );
    expect(item(view({ state: 'stopped' }), 'copy-setup').enabled).toBe(false);
  });

  it('ticks Launch at Login from the login item and disables it where unsupported', () => {
    expect(
      item(view({ state: 'stopped' }, { launchAtLogin: true }), 'launch-at-login').checked,
    ).toBe(true);
    expect(
      item(view({ state: 'stopped' }, { launchAtLoginSupported: false }), 'launch-at-login')
        .enabled,
    ).toBe(false);
  });

  it('calls the matching action for every item', () => {
    const a = actions();
    const running = trayMenuTemplate(view({ state: 'running', url: 'http://127.0.0.1:1' }), a);
    const click = (id: string, menuItem: unknown = {}) =>
      (running.find((i) => i.id === id)!.click as (m: unknown) => void)(menuItem);
    click('stop');
    click('inspector');
    click('settings');
    click('copy-setup');
    click('launch-at-login', { checked: true });
    click('quit');
    expect(a.stop).toHaveBeenCalledOnce();
    expect(a.openInspector).toHaveBeenCalledOnce();
    expect(a.openSettings).toHaveBeenCalledOnce();
    expect(a.copyClaudeCodeSetup).toHaveBeenCalledOnce();
    expect(a.setLaunchAtLogin).toHaveBeenCalledWith(true);
    expect(a.quit).toHaveBeenCalledOnce();
    expect(a.start).not.toHaveBeenCalled();
  });
});
