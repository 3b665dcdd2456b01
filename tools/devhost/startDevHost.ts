import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { WebSocketServer, type WebSocket } from 'ws';
import { createMainContext, type MainContext } from '../../src-main/createMainContext';
import { buildContentSecurityPolicy } from '../../src-main/app/contentSecurityPolicy';
import type { MachinePolicy } from '../../src-main/policy/MachinePolicy';
import type { HostInfo } from '../../src-main/host/HostInfo';
import type { Logger } from '../../src-main/log/Logger';
import { wsCallMessageSchema, type WsServerMessage } from './protocol';
import { PageDialogBroker } from '../../src-main/host/PageDialogBroker';
import { createFolderDialogs } from './createFolderDialogs';
import { WS_MAX_PAYLOAD } from './protocol';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface DevHostOptions {
  rendererRoot: string;
  userDataDir: string;
  log: Logger;
  port?: number;
  /** Languages the "system" reports; the browser's own are used by the renderer when absent. */
  systemLocales?: string[];
  /** A machine-wide policy to apply (`--policy=FILE`); none by default. */
  policy?: MachinePolicy;
  /** The folder the page's file dialogs offer (`--files=DIR`); without it there are no file dialogs. */
  filesDir?: string;
  /** PKCS#11 modules loaded besides the known middleware (`--softhsm`: the demo token's SoftHSM2). */
  extraPkcs11Modules?: readonly string[];
}

export interface DevHost {
  /** The URL to open, with the connection token. */
  url: string;
  origin: string;
  context: MainContext;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * Development and test host: serves the built renderer on 127.0.0.1 and carries contract calls and events over a
 * WebSocket (random port and token) to the same ipc router as the Electron app. Never packaged.
 */
export async function startDevHost(options: DevHostOptions): Promise<DevHost> {
  const token = randomBytes(24).toString('base64url');
  const bridgeScript = await bundlePageBridge();
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('Dev host has no port.');
  const origin = `http://127.0.0.1:${address.port}`;
  const csp = buildContentSecurityPolicy({ connectSrc: [`ws://127.0.0.1:${address.port}`] });

  const pageDialogs = new PageDialogBroker();
  const host: HostInfo = {
    kind: 'devhost',
    name: 'Guichet Desktop',
    version: process.env.npm_package_version ?? '0.0.0',
    platform: process.platform,
    versions: { node: process.versions.node },
    systemLocales: () => options.systemLocales ?? [],
    // A browser page has no system dialogs: main offers the files of one folder, the page shows them.
    ...createFolderDialogs(options.filesDir ?? null, pageDialogs),
    pageDialogs,
    openExternal: async (url) => options.log.info('devhost.openExternal', { url }),
  };
  const context = await createMainContext({
    userDataDir: options.userDataDir,
    // The profile's own log folder, as Electron has one per app.
    logsDir: path.join(options.userDataDir, 'logs'),
    host,
    log: options.log,
    trustedOrigins: [origin],
    policy: options.policy,
    extraPkcs11Modules: options.extraPkcs11Modules,
  });

  server.on('request', (request, response) => {
    // Whatever goes wrong serving one file answers that request; it never reaches the process as an unhandled rejection.
    serveStatic(request, response, options.rendererRoot, bridgeScript, csp).catch((error: unknown) => {
      options.log.warn('devhost.serveFailed', { message: String(error).slice(0, 200) });
      if (!response.headersSent) response.writeHead(500).end();
      else response.destroy();
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: WS_MAX_PAYLOAD });
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname !== '/__devhost/ws' || request.headers.origin !== origin || !tokenMatches(url.searchParams.get('token'), token)) {
      socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => attach(ws, context, request.headers.origin ?? '', options.log));
  });

  return {
    url: `${origin}/?devhost-token=${token}`,
    origin,
    context,
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await context.dispose();
    },
  };
}

function attach(ws: WebSocket, context: MainContext, senderOrigin: string, log: Logger): void {
  const send = (message: WsServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };
  const unsubscribe = context.events.subscribe((name, payload) => send({ type: 'event', name, payload }));
  ws.on('close', unsubscribe);
  // An oversized or malformed frame makes ws emit 'error' and close the socket (1009 / 1002); without a listener that
  // event would be thrown and end the whole host.
  ws.on('error', (error) => log.warn('devhost.socketError', { message: error.message.slice(0, 200) }));
  ws.on('message', (data) => {
    let raw: unknown;
    try {
      raw = JSON.parse(data.toString());
    } catch {
      ws.close(1003, 'invalid message');
      return;
    }
    const parsed = wsCallMessageSchema.safeParse(raw);
    if (!parsed.success) {
      ws.close(1003, 'invalid message');
      return;
    }
    const { id, name, input } = parsed.data;
    void context.router.dispatch(name, input, { url: senderOrigin }).then((result) => send({ type: 'result', id, result }));
  });
}

function tokenMatches(given: string | null, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function bundlePageBridge(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(here, 'page/devhostBridge.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
  });
  return result.outputFiles[0]?.text ?? '';
}

async function serveStatic(request: IncomingMessage, response: ServerResponse, root: string, bridgeScript: string, csp: string): Promise<void> {
  const headers = { 'content-security-policy': csp, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' };
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, headers).end();
    return;
  }
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  if (url.pathname === '/__devhost/bridge.js') {
    response.writeHead(200, { ...headers, 'content-type': MIME['.js'] }).end(bridgeScript);
    return;
  }
  let relative: string;
  try {
    relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
  } catch {
    // A malformed escape (`/%ff`) is the request's fault: answer it, never let it end the host.
    response.writeHead(400, headers).end();
    return;
  }
  const file = path.resolve(root, relative);
  if (!file.startsWith(path.resolve(root) + path.sep)) {
    response.writeHead(404, headers).end();
    return;
  }
  try {
    let body: Buffer | string = await readFile(file);
    if (relative === 'index.html') {
      // The bridge must exist before the app's module script runs: a classic script ahead of it.
      body = body.toString('utf8').replace('<head>', '<head>\n    <script src="/__devhost/bridge.js"></script>');
    }
    response.writeHead(200, { ...headers, 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch {
    response.writeHead(404, headers).end();
  }
}
