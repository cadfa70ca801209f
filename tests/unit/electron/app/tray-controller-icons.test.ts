/** The tray icon: the right file per state and platform, template images on macOS. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('../fake-electron.ts')).electronModule);

import { Menu, nativeImage, Tray } from 'electron';
import { createTrayController, trayIconFile } from '../../../../electron/app/tray-controller.ts';
import type { TrayActions, TrayView } from '../../../../electron/app/tray-menu.ts';
import { FakeTray, resetFakeElectron } from '../fake-electron.ts';

const iconDir = join(import.meta.dirname, '..', '..', '..', '..', 'resources', 'tray');
const noop: TrayActions = {
  start: vi.fn(),
  stop: vi.fn(),
  openInspector: vi.fn(),
  openSettings: vi.fn(),
  copyClaudeCodeSetup: vi.fn(),
  setLaunchAtLogin: vi.fn(),
  quit: vi.fn(),
};
const view = (state: 'running' | 'stopped' | 'error', inFlight = 0): TrayView => ({
  status: {
    state,
    version: '1',
    demo: false,
    upstreamConfigured: true,
    ...(state === 'running' ? { url: 'http://127.0.0.1:1' } : {}),
  },
  inFlight,
  today: { calls: 0, errors: 0 },
  launchAtLogin: false,
  launchAtLoginSupported: true,
});

function controller(platform: NodeJS.Platform) {
  return createTrayController({
    createTray: (image) => new Tray(image),
    buildMenu: (template) => Menu.buildFromTemplate(template),
    loadImage: (path) => nativeImage.createFromPath(path),
    iconDir,
    platform,
    actions: noop,
    initial: view('stopped'),
  });
}

beforeEach(() => resetFakeElectron());

describe('tray controller', () => {
  it('ships every icon it can ask for, 1x and 2x, coloured and template', () => {
    for (const state of ['running', 'stopped', 'error', 'busy'] as const) {
      for (const platform of ['darwin', 'linux'] as const) {
        const file = trayIconFile(iconDir, state, platform);
        expect(existsSync(file), file).toBe(true);
        expect(existsSync(file.replace('.png', '@2x.png')), file).toBe(true);
      }
    }
  });

  it('uses template images on macOS and coloured ones elsewhere', () => {
    controller('darwin');
    controller('win32');
    const [mac, win] = FakeTray.instances;
    expect(mac!.image.path).toMatch(/tray-stoppedTemplate\.png$/);
    expect(mac!.image.template).toBe(true);
    expect(win!.image.path).toMatch(/tray-stopped\.png$/);
    expect(win!.image.template).toBe(false);
  });

  it('switches the icon with the state, and skips renders that change nothing', () => {
    const tray = controller('linux');
    const fakeTray = FakeTray.instances[0]!;
    tray.render(view('running'));
    tray.render(view('running', 1));
    tray.render(view('error'));
    expect(fakeTray.images.map((image) => /tray-(\w+)\.png$/.exec(image.path)?.[1])).toEqual([
      'stopped',
      'running',
      'busy',
      'error',
    ]);
    const builds = fakeTray.menuBuilds;
    tray.render(view('error'));
    expect(fakeTray.menuBuilds).toBe(builds);
  });

  it('opens the inspector on a left click outside macOS', () => {
    controller('win32');
    FakeTray.instances[0]!.emit('click');
    expect(noop.openInspector).toHaveBeenCalled();
  });
});
