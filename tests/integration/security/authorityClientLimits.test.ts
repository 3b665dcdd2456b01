import { createNodeTransport, DIRECT_NETWORK } from '../../../src-main/net/createNodeTransport';
import { createFetchTransport } from '../../../src-main/net/createFetchTransport';
import type { HttpTransport } from '../../../src-main/net/HttpTransport';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageListSchema, spaceListSchema } from '../../../src-shared/authority/apiSchemas';
import { AuthorityRequestError, AuthorityResponseError } from '../../../src-shared/authority/errors';
import { NetworkError } from '../../../src-shared/errors';
import { contractEvents } from '../../../src-shared/contract/contract';
import { AuthorityClient } from '../../../src-main/authority/AuthorityClient';
import { composeAuthority } from '../../../src-main/authority/composeAuthority';
import { vaultAuthorityStore } from '../../../src-main/authority/AuthorityStore';
import { EventHub } from '../../../src-main/events/EventHub';
import { createMemoryLogger } from '../../../src-main/log/createMemoryLogger';
import { createUnlockedVault, makeTempDir } from '../vault/vaultTestKit';
import { until } from '../../helpers/until';

const MiB = 1024 * 1024;
const SPACE = 'PP-A7K3QZ';
const HUGE_DETAIL = `\u001b[31mFAKE\u0007${'x'.repeat(5 * MiB)}\r\n2024-01-01 INFO forged log line\u202e`;
const CONTROL = /[\p{Cc}\p{Bidi_Control}]/u;

/**
 * A hostile authority on loopback: each route misbehaves one way. It counts the requests it sees per path and notes
 * when a client hung up before the answer was complete.
 */
function hostileServer() {
  const seen = new Map<string, number>();
  const cutOff = new Map<string, () => void>();
  const cut = new Map<string, Promise<void>>();
  const cutBeforeEnd = (path: string) => {
    if (!cut.has(path)) cut.set(path, new Promise<void>((resolve) => cutOff.set(path, resolve)));
    return cut.get(path)!;
  };
  const json = (res: http.ServerResponse, status: number, body: unknown, type = 'application/json') => {
    res.writeHead(status, { 'content-type': type });
    res.end(JSON.stringify(body));
  };
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0]!;
    seen.set(path, (seen.get(path) ?? 0) + 1);
    res.on('error', () => undefined);
    // The client hung up while the answer was still being sent.
    res.on('close', () => {
      if (!res.writableFinished) {
        cutBeforeEnd(path);
        cutOff.get(path)!();
      }
    });
    const future = new Date(Date.now() + 3_600_000).toISOString();
    switch (path) {
      case '/v1/auth/challenge':
        return json(res, 201, { nonce: 'n'.repeat(43), expiresAt: future, algorithm: 'RSASSA-PKCS1-v1_5-SHA256' });
      case '/v1/auth/session':
        return json(res, 201, {
          token: 't'.repeat(40),
          tokenType: 'Bearer',
          kind: 'person',
          expiresAt: future,
          expiresIn: 3600,
          person: { givenName: 'Anne', surname: 'Schmit', ssn: '1'.repeat(20), privateSpaceId: SPACE },
        });
      case '/v1/slow': {
        // A valid answer, one byte every 100 ms for 10 s: never idle long enough for a socket timeout.
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"items":[');
        let ticks = 0;
        const timer = setInterval(() => {
          if (++ticks < 100) res.write(' ');
          else {
            clearInterval(timer);
            res.end(']}');
          }
        }, 100);
        res.on('close', () => clearInterval(timer));
        return;
      }
      case '/v1/large': {
        // 65 MiB: over the client's 64 MiB, sent with backpressure from one 1 MiB buffer.
        const chunk = Buffer.alloc(MiB, 0x20);
        res.writeHead(200, { 'content-type': 'application/json' });
        let left = 65;
        const pump = () => {
          while (left > 0) {
            left -= 1;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        pump();
        return;
      }
      case '/v1/long-field':
        return json(res, 200, {
          items: [
            {
              id: 'MSG-1',
              dossierReference: 'GU-2024-0000001',
              direction: 'authority',
              sentAt: '2024-01-01T00:00:00Z',
              subject: { en: 'Hello' },
              body: { en: 'x'.repeat(2 * MiB) },
              author: 'Administration',
              attachments: [],
            },
          ],
        });
      case '/v1/unavailable':
        return json(res, 503, { type: 'urn:guichet:problem:unavailable', title: 'Unavailable', status: 503 }, 'application/problem+json');
      case '/v1/many':
        return json(res, 200, { items: Array.from({ length: 1001 }, () => ({ id: SPACE, kind: 'private', name: 'Anne', role: null })) });
      case `/v1/spaces`:
      case '/v1/problem':
        return json(res, 400, { type: 'urn:guichet:problem:bad-request', title: 'Bad request', status: 400, detail: HUGE_DETAIL }, 'application/problem+json');
      default:
        return json(res, 404, { type: 'urn:guichet:problem:not-found', title: 'Not found', status: 404 }, 'application/problem+json');
    }
  });
  return {
    seen,
    cutBeforeEnd,
    async listen(): Promise<string> {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Node's stack (the dev host) and axios's fetch adapter over a WHATWG fetch (the desktop app's Chromium stack; Node's fetch here). */
const TRANSPORTS: [string, () => HttpTransport][] = [
  ['Node', () => createNodeTransport(DIRECT_NETWORK)],
  ['fetch', () => createFetchTransport((input, init) => fetch(input, init))],
];

describe.each(TRANSPORTS)('the authority client against a hostile server (%s transport)', (name, makeTransport) => {
  const server = hostileServer();
  let url: string;
  beforeAll(async () => {
    url = await server.listen();
  });
  afterAll(() => server.close());

  const clientOf = (options: Partial<ConstructorParameters<typeof AuthorityClient>[0]> = {}) =>
    new AuthorityClient({ baseUrl: url, baseDelayMs: 1, maxDelayMs: 5, transport: makeTransport(), ...options });

  it('ends an answer that trickles in at the deadline of the whole request', async () => {
    const client = clientOf({ timeoutMs: 1_000, retries: 0 });
    const error = await client.request({ operation: 'slow', method: 'GET', path: '/slow', auth: false, schema: spaceListSchema }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).details).toMatchObject({ operation: 'slow', timeout: true });
    // The client hung up while the server was still trickling (the answer would have taken 10 s).
    await server.cutBeforeEnd('/v1/slow');
    client.dispose();
  });

  it('a trickling server costs one budget for the whole call, retries included, not one deadline per retry', async () => {
    const client = clientOf({ timeoutMs: 500, retries: 5 });
    const before = server.seen.get('/v1/slow') ?? 0;
    const error = await client.request({ operation: 'slow', method: 'GET', path: '/slow', auth: false, schema: spaceListSchema }).catch((e: unknown) => e);
    expect((error as NetworkError).details).toMatchObject({ timeout: true });
    // Twice the deadline in all: the first attempt's and one more; never the six attempts the retries would allow.
    expect(server.seen.get('/v1/slow')).toBe(before + 2);
    client.dispose();
  });

  it('a closing connection cuts a retry\'s wait short', async () => {
    const controller = new AbortController();
    let slept = 0;
    const client = clientOf({ retries: 3, signal: controller.signal, sleep: () => new Promise<void>(() => (slept += 1)) });
    const pending = client.request({ operation: 'down', method: 'GET', path: '/unavailable', auth: false, schema: spaceListSchema }).catch((e: unknown) => e);
    await until(() => slept === 1, 'the first backoff');
    controller.abort();
    expect(await pending).toMatchObject({ name: 'AuthorityConnectionClosedError' });
    client.dispose();
  });

  it('refuses an answer over 64 MiB with its own error, and does not ask again', async () => {
    const client = clientOf({ retries: 3 });
    const error = await client.request({ operation: 'large', method: 'GET', path: '/large', auth: false, schema: spaceListSchema }).catch((e: unknown) => e);
    // axios's fetch adapter stops reading at the limit before it hands the answer over: its status is not known there.
    expect(error).toMatchObject({ name: 'AuthorityAnswerTooLargeError', details: { operation: 'large', status: name === 'Node' ? 200 : null } });
    expect(error).toBeInstanceOf(AuthorityResponseError);
    expect(error).not.toBeInstanceOf(NetworkError);
    expect(server.seen.get('/v1/large')).toBe(1);
    client.dispose();
  });

  it('refuses over-long fields and over-long pages', async () => {
    const client = clientOf({ retries: 0 });
    const long = await client.request({ operation: 'listMessages', method: 'GET', path: '/long-field', auth: false, schema: messageListSchema }).catch((e: unknown) => e);
    expect(long).toBeInstanceOf(AuthorityResponseError);
    expect((long as AuthorityResponseError).details.issues).toEqual([expect.objectContaining({ path: 'items.0.body.en' })]);
    const many = await client.request({ operation: 'listSpaces', method: 'GET', path: '/many', auth: false, schema: spaceListSchema }).catch((e: unknown) => e);
    expect(many).toBeInstanceOf(AuthorityResponseError);
    expect((many as AuthorityResponseError).details.issues).toEqual([expect.objectContaining({ path: 'items' })]);
    client.dispose();
  });

  it('shows and logs at most 500 characters of a problem, without control characters', async () => {
    const client = clientOf({ retries: 0 });
    const error = await client.request({ operation: 'problem', method: 'GET', path: '/problem', auth: false, schema: spaceListSchema }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthorityRequestError);
    const { message, details } = error as AuthorityRequestError;
    expect(details).toMatchObject({ status: 400, type: 'bad-request', title: 'Bad request' });
    for (const text of [message, details.detail as string]) {
      expect(text.length).toBeLessThanOrEqual(500);
      expect(text).toMatch(/^ ?\[31mFAKE x{10}/);
      expect(text).not.toMatch(CONTROL);
    }
    client.dispose();

    // Through the service: the failed sync's log line and status carry the capped text only.
    const { dir, cleanup } = await makeTempDir('guichet-client-limits-');
    const vault = await createUnlockedVault(dir);
    const log = createMemoryLogger();
    const service = composeAuthority({
      events: new EventHub(contractEvents, log),
      log,
      store: vaultAuthorityStore(vault),
      isVaultUnlocked: () => vault.status().state === 'unlocked',
      isDemo: () => false,
      resolveEndpoint: async () => ({ apiUrl: url, demo: false, demoSigner: null }),
      transport: makeTransport,
      client: { retries: 0 },
    });
    try {
      await service.connection.signIn(async () => ({ signature: 'AAAA', certificates: ['AAAA'] }));
      await expect(service.sync.syncNow()).rejects.toBeInstanceOf(AuthorityRequestError);
      const line = log.entries.find((entry) => entry.event === 'authority.syncFailed');
      expect(line).toBeDefined();
      const logged = JSON.stringify(line);
      expect(logged.length).toBeLessThan(1_000);
      expect(String(line!.fields.message)).not.toMatch(CONTROL);
      const lastError = service.status.status().lastError!;
      expect(lastError.message.length).toBeLessThanOrEqual(500);
      expect(JSON.stringify(lastError).length).toBeLessThan(2_000);
    } finally {
      service.dispose();
      vault.dispose();
      await cleanup();
    }
  });
});
