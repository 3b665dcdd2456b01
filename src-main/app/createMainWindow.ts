import { app, BrowserWindow } from 'electron';
import { createWindowOptions } from './windowOptions';

export function createMainWindow(options: { preloadPath: string; url: string; title: string }): BrowserWindow {
  const window = new BrowserWindow(createWindowOptions({ preloadPath: options.preloadPath, title: options.title, development: !app.isPackaged }));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.url);
  return window;
}
