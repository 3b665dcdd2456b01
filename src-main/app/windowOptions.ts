import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The main window's options. Every web preference that matters for security is set explicitly, not left to defaults.
 * DevTools only in development (`development`: the app runs unpackaged, `!app.isPackaged`); off when not said.
 */
/** The main window's default and smallest size (the layout is made for 1280 px and still works at 720). */
export const WINDOW_SIZE = { width: 1280, height: 860, minWidth: 720, minHeight: 560 } as const;

export function createWindowOptions(options: { preloadPath: string; title: string; development?: boolean; bounds?: { x: number; y: number; width: number; height: number } }): BrowserWindowConstructorOptions {
  return {
    ...WINDOW_SIZE,
    // Where the window was last time, if that place is still on a screen (window/fitWindowBounds).
    ...options.bounds,
    title: options.title,
    show: false,
    backgroundColor: '#f5f7fa',
    autoHideMenuBar: true,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: options.development === true,
    },
  };
}
