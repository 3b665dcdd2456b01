import type { HttpTransport } from './HttpTransport';

/** The WHATWG fetch signature both Electron's `session.fetch` and Node's global fetch have. */
export type FetchFunction = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * Requests through a fetch function with axios's fetch adapter: in the desktop app, a session's `fetch` (Chromium's
 * network stack: its proxy resolution and certificate verification apply there, not here); in tests, Node's own
 * fetch, so the same adapter path (streamed multipart, size limits, aborts) is exercised for real.
 */
export function createFetchTransport(fetch: FetchFunction, dispose: () => void = () => undefined): HttpTransport {
  return {
    // Never a cached answer (axios sends no cookies: withCredentials is off; maxRedirects 0 makes redirects manual).
    config: { adapter: 'fetch', env: { fetch }, fetchOptions: { cache: 'no-store' } },
    dispose,
  };
}
