import { describe, expect, it } from 'vitest';
import { createWindowOptions } from '../../../../src-main/app/windowOptions';

const base = { preloadPath: '/app/preload.cjs', title: 'Guichet Desktop' };

describe('main window DevTools', () => {
  it('are off in the packaged app', () => {
    expect(createWindowOptions({ ...base, development: false }).webPreferences?.devTools).toBe(false);
  });

  it('are off unless the caller says the app runs unpackaged', () => {
    expect(createWindowOptions(base).webPreferences?.devTools).toBe(false);
  });

  it('are on in development (npm start, app.isPackaged false), with every other security option unchanged', () => {
    const development = createWindowOptions({ ...base, development: true }).webPreferences ?? {};
    const packaged = createWindowOptions({ ...base, development: false }).webPreferences ?? {};
    expect(development.devTools).toBe(true);
    expect({ ...development, devTools: undefined }).toEqual({ ...packaged, devTools: undefined });
  });
});
