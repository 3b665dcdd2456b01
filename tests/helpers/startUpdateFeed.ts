import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { stringify } from 'yaml';

/** What the feed answers at one path: a status and a body, or a handler of its own (a slow download). */
export type FeedRoute = { status: number; body: string | Buffer } | ((request: IncomingMessage, response: ServerResponse) => void);

export interface UpdateFeedServer {
  /** The generic provider's base URL (what `updateUrl` holds). */
  url: string;
  routes: Map<string, FeedRoute>;
  /** Every request's path, in order: none at all while updates are off. */
  requests: string[];
  close(): Promise<void>;
}

/** electron-updater's channel file for this platform: latest.yml (Windows), latest-mac.yml, latest-linux.yml. */
export function channelFile(channel: 'latest' | 'beta'): string {
  if (process.platform === 'win32') return `${channel}.yml`;
  if (process.platform === 'darwin') return `${channel}-mac.yml`;
  return `${channel}-linux${process.arch === 'x64' ? '' : `-${process.arch}`}.yml`;
}

/** The package file electron-updater picks on this platform. */
export function packageName(version: string): string {
  const extension = process.platform === 'win32' ? 'exe' : process.platform === 'darwin' ? 'zip' : 'AppImage';
  return `Guichet-Desktop-${version}.${extension}`;
}

/** A channel file as electron-builder writes it, for `bytes` published as `file` (`sha512` to lie about them). */
export function channelYaml(version: string, file: string, bytes: Buffer, sha512 = createHash('sha512').update(bytes).digest('base64')): string {
  return stringify({ version, files: [{ url: file, sha512, size: bytes.length }], path: file, sha512, releaseDate: '2026-09-01T10:00:00.000Z' });
}

/** A real HTTP server on loopback serving an update feed (electron-builder's generic provider layout). */
export async function startUpdateFeed(): Promise<UpdateFeedServer> {
  const routes = new Map<string, FeedRoute>();
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    requests.push(pathname);
    const route = routes.get(pathname);
    if (typeof route === 'function') return route(request, response);
    if (!route) return void response.writeHead(404).end('not found');
    response.writeHead(route.status, { 'content-length': Buffer.byteLength(route.body) }).end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The feed has no port.');
  return {
    url: `http://127.0.0.1:${address.port}/updates/`,
    routes,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
