import { app, BrowserWindow, screen } from 'electron';
import { createWindowOptions, WINDOW_SIZE } from './windowOptions';
import { fitWindowBounds, type WindowState } from '../window/fitWindowBounds';
import type { WindowStateStore } from '../window/WindowStateStore';

/** The screens' work areas, the primary one first (where a window with no usable place opens). */
function workAreas() {
  const primary = screen.getPrimaryDisplay();
  return [primary, ...screen.getAllDisplays().filter((display) => display.id !== primary.id)].map((display) => display.workArea);
}

/**
 * The main window, where it was last time if that place is still on a screen (see fitWindowBounds), remembering its
 * size, position and maximized state as they change, and moved back onto a screen when one goes away.
 */
export function createMainWindow(options: { preloadPath: string; url: string; title: string; state: WindowState | null; store: WindowStateStore }): BrowserWindow {
  const bounds = fitWindowBounds(options.state?.bounds ?? null, workAreas(), WINDOW_SIZE);
  const window = new BrowserWindow(createWindowOptions({ preloadPath: options.preloadPath, title: options.title, development: !app.isPackaged, bounds }));
  if (options.state?.maximized) window.maximize();
  const remember = () => {
    if (!window.isDestroyed() && !window.isMinimized() && !window.isFullScreen()) options.store.save({ bounds: window.getNormalBounds(), maximized: window.isMaximized() });
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event as 'resize', remember);
  window.on('close', () => {
    remember();
    void options.store.flush();
  });
  const refit = () => {
    if (window.isDestroyed() || window.isMaximized()) return;
    const next = fitWindowBounds(window.getBounds(), workAreas(), WINDOW_SIZE);
    window.setBounds(next);
  };
  screen.on('display-removed', refit);
  screen.on('display-metrics-changed', refit);
  window.on('closed', () => {
    screen.off('display-removed', refit);
    screen.off('display-metrics-changed', refit);
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.url);
  return window;
}
