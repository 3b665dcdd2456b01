import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { createWindowOptions } from '../../../src-main/app/windowOptions';
import { buildContentSecurityPolicy } from '../../../src-main/app/contentSecurityPolicy';
import { decideWindowOpen, isNavigationAllowed } from '../../../src-main/app/navigationPolicy';
import { isPermissionAllowed } from '../../../src-main/app/permissionPolicy';
import { APP_ORIGIN, resolveAppAssetPath } from '../../../src-main/app/appProtocol';
import { isAllowedExternalUrl } from '../../../src-main/app-policy/isAllowedExternalUrl';

describe('window options', () => {
  const prefs = createWindowOptions({ preloadPath: '/app/preload.cjs', title: 'x' }).webPreferences ?? {};
  it('isolate and sandbox the renderer', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/preload.cjs',
    });
  });
});

describe('content security policy', () => {
  const csp = buildContentSecurityPolicy();
  const directive = (name: string) => csp.split('; ').find((part) => part.startsWith(`${name} `));
  it('allows only our own scripts, never eval or inline', () => {
    expect(directive('script-src')).toBe("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline/);
  });
  it('forbids plugins, framing, base and form targets', () => {
    expect(directive('object-src')).toBe("object-src 'none'");
    expect(directive('frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(directive('base-uri')).toBe("base-uri 'none'");
    expect(directive('form-action')).toBe("form-action 'none'");
  });
  it('adds the dev host socket only when asked', () => {
    expect(directive('connect-src')).toBe("connect-src 'self'");
    expect(buildContentSecurityPolicy({ connectSrc: ['ws://127.0.0.1:1234'] })).toContain("connect-src 'self' ws://127.0.0.1:1234");
  });
});

describe('navigation and window.open', () => {
  it('allows navigation inside the app origin only', () => {
    expect(isNavigationAllowed(`${APP_ORIGIN}/index.html#/settings`, APP_ORIGIN)).toBe(true);
    expect(isNavigationAllowed('https://guichet.lu/', APP_ORIGIN)).toBe(false);
    expect(isNavigationAllowed('file:///etc/passwd', APP_ORIGIN)).toBe(false);
    expect(isNavigationAllowed('app://other/index.html', APP_ORIGIN)).toBe(false);
    expect(isNavigationAllowed('javascript:alert(1)', APP_ORIGIN)).toBe(false);
  });
  it('denies every window.open, sending allow-listed https links to the OS browser', () => {
    expect(decideWindowOpen('https://guichet.public.lu/de.html')).toEqual({ action: 'deny', openExternally: 'https://guichet.public.lu/de.html' });
    expect(decideWindowOpen('https://www.luxtrust.lu/')).toEqual({ action: 'deny', openExternally: 'https://www.luxtrust.lu/' });
    expect(decideWindowOpen('https://guichet.lu.evil.example/')).toEqual({ action: 'deny', openExternally: null });
    expect(decideWindowOpen('http://guichet.lu/')).toEqual({ action: 'deny', openExternally: null });
    expect(decideWindowOpen('https://user:pw@guichet.lu/')).toEqual({ action: 'deny', openExternally: null });
    expect(decideWindowOpen('file:///tmp/x')).toEqual({ action: 'deny', openExternally: null });
  });
  it('matches the allow-list on whole host labels', () => {
    expect(isAllowedExternalUrl('https://myguichet.lu/')).toBe(true);
    expect(isAllowedExternalUrl('https://notmyguichet.lu/')).toBe(false);
  });
});

describe('permissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'hid', 'serial', 'usb', 'openExternal', 'fullscreen', 'clipboard-read'])('denies %s', (permission) => {
    expect(isPermissionAllowed(permission, `${APP_ORIGIN}/index.html`, APP_ORIGIN)).toBe(false);
  });
  it('allows sanitized clipboard writes from our own origin only', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', `${APP_ORIGIN}/index.html`, APP_ORIGIN)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://evil.example/', APP_ORIGIN)).toBe(false);
  });
});

describe('app:// protocol', () => {
  const root = path.resolve('/srv/renderer');
  it('serves files inside the renderer folder', () => {
    expect(resolveAppAssetPath(root, 'app://guichet/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppAssetPath(root, 'app://guichet/assets/index.js')).toBe(path.join(root, 'assets/index.js'));
  });
  it.each([
    'app://guichet/../../etc/passwd',
    'app://guichet/%2e%2e/%2e%2e/etc/passwd',
    'app://guichet/assets/..%2f..%2f..%2fetc/passwd',
    'app://guichet/%00index.html',
    'app://guichet/..%5c..%5cwindows',
    'app://other/index.html',
    'https://guichet/index.html',
    'app://guichet/%E0%A4%A',
  ])('refuses %s', (url) => {
    const resolved = resolveAppAssetPath(root, url);
    expect(resolved === null || resolved.startsWith(root + path.sep)).toBe(true);
    if (url.includes('other') || url.startsWith('https') || url.includes('%00') || url.includes('%5c') || url.includes('%A4%A')) expect(resolved).toBeNull();
  });
});
