import { isAllowedExternalUrl } from '../app-policy/isAllowedExternalUrl';

/** In-app navigation stays on our own origin (hash routes); everything else is blocked. */
export function isNavigationAllowed(targetUrl: string, appOrigin: string): boolean {
  try {
    const target = new URL(targetUrl);
    const app = new URL(appOrigin);
    return target.protocol === app.protocol && target.host === app.host;
  } catch {
    return false;
  }
}

export type WindowOpenDecision = { action: 'deny'; openExternally: string | null };

/** window.open and target=_blank never make a new Electron window; allow-listed https links go to the OS browser. */
export function decideWindowOpen(url: string): WindowOpenDecision {
  return { action: 'deny', openExternally: isAllowedExternalUrl(url) ? url : null };
}
