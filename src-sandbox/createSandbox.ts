import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import { Store } from './data/store';
import { seedDemo, seedSpaces, seedBulk, setVersionLookup } from './data/seed';
import { loadOrCreatePki, type PkiManifest } from './pki/createPki';
import { Trust } from './pki/trust';
import { Contract, defaultOpenApiPath, type Violation } from './openapi/contract';
import { Faults, type FaultSpec, type ActiveFault } from './http/faults';
import { Catalogue, defaultFormsDir } from './catalogue/catalogue';
import { Tsa } from './tsa/tsa';
import { Problem, PROBLEM_JSON, problems } from './http/problem';
import { defaultLimits, type SandboxContext, type SandboxLimits } from './context';
import { token } from './data/ids';
import { Antibot } from './http/antibot';
import { authRoutes } from './routes/auth';
import { catalogueRoutes } from './routes/catalogue';
import { spaceRoutes } from './routes/spaces';
import { submissionRoutes } from './routes/submissions';
import { coSignatureRoutes } from './routes/cosignatures';
import { memberRoutes } from './routes/members';
import { etrackingRoutes } from './routes/etracking';
import { tsaRoutes } from './routes/tsa';
import { operatorRoutes } from './routes/operator';
import { procedureTitle } from './routes/procedureTitle';
import { demoPersons, demoCompany } from './data/persons';

export interface SandboxOptions {
  /** 0 = a free port. */
  port?: number;
  host?: string;
  /**
   * Data folder: the database (`sandbox.db`: dossiers, messages, members, documents, eTracking numbers, the changes
   * feed, idempotency records) and the PKI in `<dataDir>/pki` (unless `pkiDir` says otherwise), both made at the first
   * start and kept.
   */
  dataDir: string;
  /** Start over: an empty database, seeded again, with a new epoch (cursors of before get 410 cursor-expired). */
  reset?: boolean;
  /** Where the PKI lives; lets several sandboxes (tests) share one PKI. Default `<dataDir>/pki`. */
  pkiDir?: string;
  operatorToken?: string;
  /** What a new (or reset) database is seeded with. 'demo' (default): demo dossiers, messages and documents; 'empty': only the spaces and members. */
  seed?: 'demo' | 'empty';
  /** Form definitions folder; default resources/forms of the repo. */
  formsDir?: string;
  openApiPath?: string;
  limits?: Partial<SandboxLimits>;
  sessionTtlSeconds?: number;
  /** Submissions to procedures needing authentication must carry a valid PAdES signature. Default false. */
  requireSignature?: boolean;
  /**
   * Procedures without authentication whose contact must include a phone number (the e-mail is always required).
   * The form definitions cannot say it (their format is strict and shared with the client), so the sandbox keeps it
   * here and tells it in the catalogue (`contact`). Default: none.
   */
  contactPhoneRequired?: string[];
  /** The clock of the anti-bot questions' expiry: tests move it instead of waiting. Default Date.now. */
  antibotClock?: () => number;
  /** 'record': every /v1 response is checked against the OpenAPI document and violations are kept. Default 'off'. */
  contractCheck?: 'off' | 'record';
  log?: boolean | ((line: string) => void);
}

export interface SandboxHandle {
  url: string;
  /** Base URL of the authority API (`${url}/v1`). */
  apiUrl: string;
  port: number;
  operatorToken: string;
  pki: PkiManifest;
  faults: {
    add(spec: FaultSpec): ActiveFault;
    clear(): void;
    list(): ActiveFault[];
  };
  contract: { violations: Violation[]; exercised: Set<string> };
  /** Bulk data for benchmarks, in-process (the operator API has the same as POST /operator/seed). */
  seedBulk(opts: { spaceId?: string; dossiers: number; messages: number }): { dossiers: number; messages: number; ms: number };
  demo: { persons: typeof demoPersons; company: typeof demoCompany };
  /** Starts the data over in place (as `reset` at start, without a restart): the seed again, a new epoch. */
  reset(): void;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** The database in the data folder. */
export const sandboxDbFile = (dataDir: string): string => join(dataDir, 'sandbox.db');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startSandbox(options: SandboxOptions): Promise<SandboxHandle> {
  await mkdir(options.dataDir, { recursive: true });
  const log = typeof options.log === 'function' ? options.log : options.log ? (l: string) => console.error(l) : () => {};
  const pki = await loadOrCreatePki(options.pkiDir ?? join(options.dataDir, 'pki'));
  const [trust, tsa] = await Promise.all([Trust.load(pki), Tsa.load(pki)]);
  const contract = new Contract(options.openApiPath ?? defaultOpenApiPath);
  const catalogue = new Catalogue(options.formsDir ?? defaultFormsDir, log, options.contactPhoneRequired ?? []);
  const store = Store.open(sandboxDbFile(options.dataDir), { reset: options.reset ?? false });
  const faults = new Faults();
  const ctx: SandboxContext = {
    store,
    pki,
    trust,
    contract,
    faults,
    catalogue,
    tsa,
    limits: { ...defaultLimits, ...options.limits },
    sessionTtlSeconds: options.sessionTtlSeconds ?? 900,
    operatorToken: options.operatorToken ?? token(24),
    requireSignature: options.requireSignature ?? false,
    antibot: new Antibot(options.antibotClock),
    closedProcedures: new Set(),
    reset: () => store.reset(seed),
  };
  setVersionLookup((id) => (catalogue.get(id) ? String(catalogue.get(id)!.definition.version) : '1'));
  const titleOf = (id: string) => procedureTitle(ctx, id);
  function seed(): void {
    seedSpaces(store);
    if ((options.seed ?? 'demo') === 'demo') seedDemo(store, titleOf);
  }
  // The seed goes only into a new database; the spaces of the demo persons are made sure of at every start.
  if (!store.initialize(seed)) seedSpaces(store);

  const app = Fastify({ logger: false, bodyLimit: 2 * 1024 * 1024, forceCloseConnections: true });
  await app.register(multipart, {
    limits: {
      fileSize: ctx.limits.maxFileBytes,
      files: ctx.limits.maxFiles + 1,
      fields: 5,
      fieldSize: 1024 * 1024,
      parts: ctx.limits.maxFiles + 6,
    },
  });

  const isApi = (url: string) => url.startsWith('/v1/');
  const pathOf = (url: string) => url.split('?')[0]!;
  const faulted = new WeakSet<object>();

  app.addHook('onRequest', async (request, reply) => {
    if (!isApi(request.url)) return;
    const path = pathOf(request.url);
    const delay = faults.take('delay', request.method, path, 'before');
    if (delay) await sleep(delay.delayMs);
    if (faults.take('drop', request.method, path, 'before')) {
      faulted.add(request);
      reply.hijack();
      request.raw.socket.destroy();
      return reply;
    }
    const error = faults.take('error', request.method, path, 'before');
    if (error) {
      faulted.add(request);
      reply.code(error.status).type(PROBLEM_JSON).header('Retry-After', '1');
      return reply.send(new Problem(error.status, 'sandbox-fault', 'Injected fault', 'A fault injected by the sandbox operator.').toBody());
    }
  });

  app.addHook('preValidation', async (request) => {
    const url = request.routeOptions.url;
    if (!url || !isApi(url)) return;
    const template = contract.templateOf(url);
    if (!template || !request.headers['content-type']?.startsWith('application/json')) return;
    const errors = contract.validateRequest(template, request.method, request.body);
    if (errors.length) throw problems.badRequest('The request body does not match the API document.', { errors });
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (!isApi(request.url) || faulted.has(request)) return payload;
    const path = pathOf(request.url);
    const method = request.method;
    if (options.contractCheck === 'record' && request.routeOptions.url) {
      const template = contract.templateOf(request.routeOptions.url);
      if (template) {
        const type = String(reply.getHeader('content-type') ?? '');
        let body: unknown = undefined;
        if (typeof payload === 'string' && /json/.test(type)) {
          try {
            body = JSON.parse(payload);
          } catch {
            body = payload;
          }
        }
        contract.checkResponse(template, method, reply.statusCode, type, body);
      }
    }
    const held = faults.take('delay', method, path, 'after');
    if (held) await sleep(held.delayMs);
    if (faults.take('drop', method, path, 'after')) {
      request.raw.socket.destroy();
      return payload;
    }
    const error = faults.take('error', method, path, 'after');
    if (error) {
      reply.code(error.status).type(PROBLEM_JSON).header('Retry-After', '1');
      return JSON.stringify(new Problem(error.status, 'sandbox-fault', 'Injected fault', 'The work was done; the answer was replaced.').toBody());
    }
    if (faults.take('malformed', method, path)) {
      reply.type('application/json');
      return '{"items": [ {"reference": "GU-';
    }
    if (faults.take('wrong-shape', method, path)) {
      reply.type('application/json');
      return JSON.stringify({ sandboxFault: 'wrong-shape', items: 'not-a-list', status: 42 });
    }
    return payload;
  });

  app.setErrorHandler((error: FastifyError | Problem, request, reply) => {
    let problem: Problem;
    if (error instanceof Problem) problem = error;
    else if (error.code === 'FST_REQ_FILE_TOO_LARGE' || error.code === 'FST_FILES_LIMIT' || error.code === 'FST_PARTS_LIMIT' || error.statusCode === 413) {
      problem = new Problem(413, 'payload-too-large', 'Too large', error.message);
    } else if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.statusCode === 415) {
      problem = new Problem(415, 'unsupported-media-type', 'Media type not allowed', error.message);
    } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      problem = new Problem(error.statusCode, 'bad-request', 'Bad request', error.message);
    } else {
      log(`sandbox: ${request.method} ${request.url} failed: ${error.stack ?? error.message}`);
      problem = new Problem(500, 'internal', 'Internal error', 'The sandbox failed; see its log.');
    }
    reply.code(problem.status).type(PROBLEM_JSON).send(problem.toBody());
  });
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).type(PROBLEM_JSON).send(problems.notFound(`No route ${request.method} ${pathOf(request.url)}.`).toBody());
  });
  if (options.log) {
    app.addHook('onResponse', async (request, reply) => {
      log(`${request.method} ${request.url} ${reply.statusCode} ${reply.elapsedTime.toFixed(1)}ms`);
    });
  }

  app.get('/health', async () => ({ status: 'ok', sandbox: true }));
  authRoutes(app, ctx);
  catalogueRoutes(app, ctx);
  spaceRoutes(app, ctx);
  submissionRoutes(app, ctx);
  coSignatureRoutes(app, ctx);
  memberRoutes(app, ctx);
  etrackingRoutes(app, ctx);
  tsaRoutes(app, ctx);
  operatorRoutes(app, ctx);

  let address: string;
  try {
    address = await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  } catch (error) {
    // The port is taken, or the like: the database is not left open behind a server that never started.
    await app.close().catch(() => undefined);
    store.close();
    throw error;
  }
  const port = (app.server.address() as { port: number }).port;
  const url = address.replace(/\/$/, '');
  log(`sandbox: listening on ${url} (catalogue: ${catalogue.size} procedures)`);

  return {
    url,
    apiUrl: `${url}/v1`,
    port,
    operatorToken: ctx.operatorToken,
    pki,
    faults: { add: (s) => faults.add(s), clear: () => faults.clear(), list: () => faults.active() },
    contract: { violations: contract.violations, exercised: contract.exercised },
    seedBulk: ({ spaceId, dossiers, messages }) => {
      const t = performance.now();
      const r = seedBulk(store, titleOf, spaceId ?? demoPersons[0]!.privateSpaceId, dossiers, messages);
      return { ...r, ms: Math.round(performance.now() - t) };
    },
    demo: { persons: demoPersons, company: demoCompany },
    app,
    reset: () => ctx.reset(),
    close: async () => {
      try {
        await app.close();
      } finally {
        store.close();
      }
    },
  };
}
