/**
 * The tray icon itself: picks the icon for the state (template images on macOS, which the
 * menu bar tints for light and dark; coloured PNGs elsewhere, @2x picked up for HiDPI),
 * sets the tooltip and rebuilds the context menu from tray-menu.ts on every render. Renders
 * that change nothing visible are skipped, so the busy/idle flicker of streaming calls does
 * not rebuild menus needlessly.
 */
import { join } from 'node:path';
import type { Menu, NativeImage, Tray } from 'electron';
import {
  trayIconState,
  trayMenuTemplate,
  trayTooltip,
  type TrayActions,
  type TrayIconState,
  type TrayView,
} from './tray-menu.ts';

export interface TrayControllerOptions {
  createTray(image: NativeImage): Tray;
  buildMenu: typeof Menu.buildFromTemplate;
  loadImage(path: string): NativeImage;
  /** Folder with tray-<state>.png, tray-<state>@2x.png and tray-<state>Template*.png. */
  iconDir: string;
  platform: NodeJS.Platform;
  actions: TrayActions;
  initial: TrayView;
}

export interface TrayController {
  render(view: TrayView): void;
  /** The state of the icon shown now (for tests and logs). */
  iconState(): TrayIconState;
  destroy(): void;
}

export function trayIconFile(
  iconDir: string,
  state: TrayIconState,
  platform: NodeJS.Platform,
): string {
  return join(iconDir, platform === 'darwin' ? `tray-${state}Template.png` : `tray-${state}.png`);
}

export function createTrayController(options: TrayControllerOptions): TrayController {
  const images = new Map<TrayIconState, NativeImage>();
  const image = (state: TrayIconState) => {
    let cached = images.get(state);
    if (!cached) {
      cached = options.loadImage(trayIconFile(options.iconDir, state, options.platform));
      if (options.platform === 'darwin') cached.setTemplateImage(true);
      images.set(state, cached);
    }
    return cached;
  };

  let shownState = trayIconState(options.initial);
  const tray = options.createTray(image(shownState));
  if (options.platform !== 'darwin') {
    // Windows and most Linux trays expect a left click to open the app's window.
    tray.on('click', () => options.actions.openInspector());
  }
  let shownKey = '';

  function render(view: TrayView): void {
    const state = trayIconState(view);
    if (state !== shownState) {
      tray.setImage(image(state));
      shownState = state;
    }
    const tooltip = trayTooltip(view);
    const template = trayMenuTemplate(view, options.actions);
    // Labels, ticks and enabled flags are all that can differ between two renders.
    const key = JSON.stringify([
      tooltip,
      template.map((item) => [item.label, item.enabled, item.checked]),
    ]);
    if (key === shownKey) return;
    shownKey = key;
    tray.setToolTip(tooltip);
    tray.setContextMenu(options.buildMenu(template));
  }

  render(options.initial);
  return {
    render,
    iconState: () => shownState,
    destroy: () => tray.destroy(),
  };
}
