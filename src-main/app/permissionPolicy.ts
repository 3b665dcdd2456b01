/**
 * Web permissions (camera, microphone, geolocation, notifications, HID, serial, USB...) are denied by default;
 * the app needs none of them (smart cards are reached from main over PKCS#11, not from the page).
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function isPermissionAllowed(permission: string, requestingUrl: string, appOrigin: string): boolean {
  if (!ALLOWED_PERMISSIONS.has(permission)) return false;
  try {
    const url = new URL(requestingUrl);
    const app = new URL(appOrigin);
    return url.protocol === app.protocol && url.host === app.host;
  } catch {
    return false;
  }
}
