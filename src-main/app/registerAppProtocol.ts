import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_HOST, APP_SCHEME, mimeTypeFor, resolveAppAssetPath } from './appProtocol';
import { buildContentSecurityPolicy } from './contentSecurityPolicy';

/** Must run before app 'ready': app:// is a standard, secure scheme so it gets a real origin. */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Serves the built renderer from app://guichet/, with the CSP on every response. */
export function serveRenderer(rendererRoot: string): void {
  const csp = buildContentSecurityPolicy();
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppAssetPath(rendererRoot, request.url);
    if (!file || new URL(request.url).host !== APP_HOST) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: { 'content-type': mimeTypeFor(file), 'content-security-policy': csp, 'x-content-type-options': 'nosniff' },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
