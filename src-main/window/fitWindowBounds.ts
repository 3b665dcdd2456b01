export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What is remembered of the main window between runs. */
export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

/** Enough of the title bar on a screen to grab the window by it. */
const GRIP = { width: 120, height: 40 };

const overlap = (a: Rect, b: Rect): Rect => {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  return { x, y, width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - x), height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - y) };
};

/**
 * The remembered bounds if the window can still be reached on the screens there are now (a monitor unplugged, a
 * resolution changed): its top strip must lie on one screen's work area by at least GRIP, and it is shrunk to fit that
 * screen. Otherwise the default size, centred on the primary screen. Sizes never go below the window's minimum.
 */
export function fitWindowBounds(saved: Rect | null, workAreas: readonly Rect[], defaults: { width: number; height: number; minWidth: number; minHeight: number }): Rect {
  const primary = workAreas[0] ?? { x: 0, y: 0, width: defaults.width, height: defaults.height };
  const clampSize = (width: number, height: number, area: Rect) => ({
    width: Math.max(defaults.minWidth, Math.min(width, area.width)),
    height: Math.max(defaults.minHeight, Math.min(height, area.height)),
  });
  if (saved && [saved.x, saved.y, saved.width, saved.height].every(Number.isFinite)) {
    const titleStrip: Rect = { x: saved.x, y: saved.y, width: saved.width, height: GRIP.height };
    const home = workAreas.find((area) => {
      const seen = overlap(titleStrip, area);
      return seen.width >= Math.min(GRIP.width, saved.width) && seen.height >= GRIP.height;
    });
    if (home) {
      const size = clampSize(saved.width, saved.height, home);
      // Kept on its screen: moved in only as far as the shrunk size needs.
      const x = Math.min(Math.max(saved.x, home.x), home.x + home.width - size.width);
      const y = Math.min(Math.max(saved.y, home.y), home.y + home.height - size.height);
      return { x: Math.round(x), y: Math.round(y), ...size };
    }
  }
  const size = clampSize(defaults.width, defaults.height, primary);
  return { x: Math.round(primary.x + (primary.width - size.width) / 2), y: Math.round(primary.y + (primary.height - size.height) / 2), ...size };
}
