import { Readable } from 'node:stream';
import axios, { type AxiosInstance, type AxiosResponse, type Method } from 'axios';
import type { z } from 'zod';
import { NetworkError } from '../../src-shared/errors';
import { problemSchema } from '../../src-shared/authority/apiSchemas';
import {
  AuthorityAnswerTooLargeError,
  AuthorityConnectionClosedError,
  AuthorityNotSignedInError,
  AuthorityRequestError,
  AuthorityResponseError,
} from '../../src-shared/authority/errors';
import type { AuthProvider } from './AuthProvider';
import { backoffDelay, sleep as defaultSleep } from './backoff';
import { capText } from './capText';
import type { EncodedMultipart } from './encodeMultipart';
import type { HttpTransport } from '../net/HttpTransport';
import { createNodeTransport, DIRECT_NETWORK } from '../net/createNodeTransport';
import { requestSignal } from './requestSignal';

export interface AuthorityClientOptions {
  /** Base URL of the API, e.g. `https://authority.example/v1`. */
  baseUrl: string;
  /** How requests travel (Node's stack by default, direct). The client disposes of it with itself. */
  transport?: HttpTransport;
  /**
   * Per request: the deadline of the whole exchange, from sending to the last byte of the answer (an answer trickled
   * in byte by byte ends there too), and the longest silence of the socket. Default 20 s. Uploads and binary
   * downloads get more, for their size (see MIN_BYTES_PER_SECOND).
   */
  timeoutMs?: number;
  /** Extra tries for idempotent requests after network errors and 5xx. Default 4. */
  retries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Told after each exchange whether the server was reachable (for the connection status). */
  onReachability?: (reachable: boolean) => void;
  /** Counts requests (the benchmark checks that an empty sync costs one). */
  onRequest?: (method: string, path: string) => void;
  /**
   * The connection's lifetime: when it aborts (the authority URL or proxy changed), requests under way end and no new
   * one starts, with AuthorityConnectionClosedError. dispose() does the same.
   */
  signal?: AbortSignal;
}

export interface RequestSpec<S extends z.ZodType | null> {
  /** The OpenAPI operationId, for errors and logs. */
  operation: string;
  method: Method;
  path: string;
  query?: Record<string, string | number | undefined | null>;
  json?: unknown;
  /** A multipart body, encoded (see encodeMultipart): sent chunk after chunk, never joined into one Buffer. */
  multipart?: Pick<EncodedMultipart, 'chunks' | 'length' | 'contentType'>;
  headers?: Record<string, string>;
  idempotencyKey?: string;
  /** Send the session's bearer token (default true). */
  auth?: boolean;
  /** Retry on network errors and 5xx; default: GET, or any request with an Idempotency-Key. */
  retry?: boolean;
  /** Schema of a 2xx JSON answer; null for answers without a body (204) or binary ones. */
  schema: S;
  /** Return 304 as `null` instead of an error (conditional GET). */
  allowNotModified?: boolean;
  binary?: boolean;
  /** A binary answer's size when known (a document's, from its list): the deadline allows for it, and no more. */
  expectedBytes?: number;
}

export interface ClientResponse<T> {
  status: number;
  data: T;
  headers: Record<string, string | undefined>;
}

const RETRY_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);

/** The largest answer read (documents' contents are the largest; JSON answers are far smaller). */
export const MAX_ANSWER_BYTES = 64 * 1024 * 1024;

/**
 * The slowest line a transfer is given time for: uploads and binary downloads get `timeoutMs` plus their size at
 * this rate (a 10 MB attachment over a poor uplink must not hit a deadline meant for a JSON answer).
 */
const MIN_BYTES_PER_SECOND = 32 * 1024;
/** Less time than this left in a call's budget: not worth another attempt. */
const MIN_ATTEMPT_MS = 100;

/**
 * The authority's HTTP client (axios): bearer session, timeouts, retries with exponential backoff and jitter for
 * idempotent requests, one session renewal on 401, proxy from the settings, and every JSON answer validated with zod.
 * Answers are read as bytes and parsed here: a malformed body is an AuthorityResponseError, never a crash.
 */
export class AuthorityClient {
  private readonly http: AxiosInstance;
  private readonly options: Required<Omit<AuthorityClientOptions, 'transport' | 'onReachability' | 'onRequest' | 'signal'>> &
    Pick<AuthorityClientOptions, 'onReachability' | 'onRequest'>;
  private auth: AuthProvider | null = null;
  private readonly transport: HttpTransport;
  private readonly disposed = new AbortController();
  /** Aborted by dispose() or by the connection's signal. */
  private readonly closed: AbortSignal;

  constructor(options: AuthorityClientOptions) {
    this.options = {
      baseUrl: options.baseUrl.replace(/\/+$/, ''),
      timeoutMs: options.timeoutMs ?? 20_000,
      retries: options.retries ?? 4,
      baseDelayMs: options.baseDelayMs ?? 300,
      maxDelayMs: options.maxDelayMs ?? 10_000,
      random: options.random ?? Math.random,
      sleep: options.sleep ?? defaultSleep,
      onReachability: options.onReachability,
      onRequest: options.onRequest,
    };
    this.closed = options.signal ? AbortSignal.any([this.disposed.signal, options.signal]) : this.disposed.signal;
    this.transport = options.transport ?? createNodeTransport(DIRECT_NETWORK);
    this.http = axios.create({
      ...this.transport.config,
      baseURL: this.options.baseUrl,
      timeout: this.options.timeoutMs,
      responseType: 'arraybuffer',
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
      maxRedirects: 0,
      maxContentLength: MAX_ANSWER_BYTES,
      maxBodyLength: 64 * 1024 * 1024,
      headers: { accept: 'application/json, application/problem+json' },
    });
  }

  get baseUrl(): string {
    return this.options.baseUrl;
  }

  setAuth(auth: AuthProvider | null): void {
    this.auth = auth;
  }

  dispose(): void {
    this.disposed.abort(new AuthorityConnectionClosedError('The connection to the authority was closed.'));
    this.transport.dispose();
  }

  async request<S extends z.ZodType>(spec: RequestSpec<S>): Promise<ClientResponse<z.output<S>>>;
  async request(spec: RequestSpec<null>): Promise<ClientResponse<Buffer | null>>;
  async request(spec: RequestSpec<z.ZodType | null>): Promise<ClientResponse<unknown>> {
    const useAuth = spec.auth ?? true;
    const retry = spec.retry ?? (spec.method.toUpperCase() === 'GET' || spec.idempotencyKey !== undefined);
    let renewed = false;
    const json = spec.json === undefined ? undefined : JSON.stringify(spec.json);
    const multipart = spec.multipart;
    const deadlineMs = this.deadlineMs(spec, multipart ? multipart.length : json === undefined ? 0 : Buffer.byteLength(json));
    // One budget for the whole call, retries and their waits included: twice one exchange's deadline. A server that
    // was slow once gets a second try; one that trickles every answer costs at most that, not (retries + 1) deadlines.
    const endsAt = Date.now() + 2 * deadlineMs;
    for (let attempt = 0; ; attempt += 1) {
      this.throwIfClosed(spec.operation);
      const token = useAuth ? await this.requireToken() : null;
      this.throwIfClosed(spec.operation);
      let response: AxiosResponse<ArrayBuffer>;
      // axios's own timeout only sees a silent socket; this deadline covers the whole exchange.
      const deadline = requestSignal(this.closed, Math.max(1, Math.min(deadlineMs, endsAt - Date.now())));
      try {
        this.options.onRequest?.(spec.method, spec.path);
        response = await this.http.request<ArrayBuffer>({
          signal: deadline.signal,
          method: spec.method,
          url: spec.path,
          params: cleanQuery(spec.query),
          // A multipart body as a stream of its chunks (a new one per attempt): the attachments are written to the socket
          // from the caller's Buffers, not copied into one body first.
          data: multipart ? Readable.from(multipart.chunks, { objectMode: false }) : json,
          headers: {
            // No body: no content type at all (axios would otherwise declare a form and servers answer 415).
            'content-type': spec.json !== undefined ? 'application/json' : (multipart?.contentType ?? false),
            // A stream has no length of its own: declared, so the body is not sent chunked.
            ...(multipart ? { 'content-length': String(multipart.length) } : {}),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(spec.idempotencyKey ? { 'idempotency-key': spec.idempotencyKey } : {}),
            ...spec.headers,
          },
        });
      } catch (error) {
        // axios refusing to build the request is a bug here, not the network.
        if ((error as { code?: string; response?: unknown }).code === 'ERR_BAD_REQUEST' && !(error as { response?: unknown }).response) throw error;
        this.throwIfClosed(spec.operation);
        if (isTooLarge(error)) {
          // The server answered; the same request would bring the same answer, so it is not asked again.
          this.options.onReachability?.(true);
          throw new AuthorityAnswerTooLargeError('The authority sent an answer larger than the client reads.', {
            operation: spec.operation,
            status: (error as { request?: { res?: { statusCode?: number } } }).request?.res?.statusCode ?? null,
            limitBytes: MAX_ANSWER_BYTES,
          });
        }
        this.options.onReachability?.(false);
        const networkError = toNetworkError(error, spec.operation, deadline.expired());
        if (retry && attempt < this.options.retries && endsAt - Date.now() > MIN_ATTEMPT_MS) {
          await this.pause(this.delay(attempt, null), spec.operation);
          continue;
        }
        throw networkError;
      } finally {
        deadline.done();
      }
      this.options.onReachability?.(true);
      const { status } = response;
      const headers = flatHeaders(response.headers as Record<string, unknown>);
      if (status === 401 && useAuth && !renewed && token && this.auth) {
        renewed = true;
        if (await this.auth.onUnauthorized(token)) {
          attempt -= 1;
          continue;
        }
      }
      if (status === 304 && spec.allowNotModified) return { status, data: null, headers };
      if (status < 200 || status >= 300) {
        const problem = parseProblem(response.data, status);
        const transient = RETRY_STATUSES.has(status) || (status === 409 && problem.slug === 'idempotency-in-flight');
        if (retry && transient && attempt < this.options.retries && endsAt - Date.now() > MIN_ATTEMPT_MS) {
          await this.pause(this.delay(attempt, headers['retry-after'] ?? null), spec.operation);
          continue;
        }
        // The problem's texts are capped where they are read (parseProblem): this message is shown and logged.
        throw new AuthorityRequestError(problem.detail ?? problem.title ?? `HTTP ${status}`, {
          operation: spec.operation,
          status,
          type: problem.slug,
          title: problem.title,
          detail: problem.detail,
          ...(problem.attemptsLeft === null ? {} : { attemptsLeft: problem.attemptsLeft }),
        });
      }
      const bytes = Buffer.from(response.data ?? new ArrayBuffer(0));
      if (spec.schema === null) return { status, data: spec.binary ? bytes : null, headers };
      return { status, data: parseBody(bytes, spec.schema, spec.operation, status), headers };
    }
  }

  /** A closed connection neither starts nor finishes a request (and its session never signs a challenge). */
  private throwIfClosed(operation: string): void {
    if (!this.closed.aborted) return;
    const reason: unknown = this.closed.reason;
    throw reason instanceof AuthorityConnectionClosedError
      ? reason
      : new AuthorityConnectionClosedError('The connection to the authority was closed.', { operation }, { cause: reason });
  }

  private async requireToken(): Promise<string> {
    const token = this.auth ? await this.auth.token() : null;
    if (!token) throw new AuthorityNotSignedInError('Sign in to reach the authority.');
    return token;
  }

  /** The wait before a retry, cut short when the connection closes (a changed URL must not wait out a backoff). */
  private async pause(ms: number, operation: string): Promise<void> {
    if (!this.closed.aborted) {
      let onClosed = (): void => undefined;
      const closed = new Promise<void>((resolve) => {
        onClosed = () => resolve();
        this.closed.addEventListener('abort', onClosed, { once: true });
      });
      await Promise.race([this.options.sleep(ms), closed]);
      this.closed.removeEventListener('abort', onClosed);
    }
    this.throwIfClosed(operation);
  }

  private deadlineMs(spec: RequestSpec<z.ZodType | null>, sent: number): number {
    const received = spec.binary ? (spec.expectedBytes ?? MAX_ANSWER_BYTES) : 0;
    return this.options.timeoutMs + Math.ceil(((sent + received) / MIN_BYTES_PER_SECOND) * 1000);
  }

  private delay(attempt: number, retryAfter: string | null): number {
    const backoff = backoffDelay(attempt, { baseMs: this.options.baseDelayMs, maxMs: this.options.maxDelayMs, random: this.options.random });
    const seconds = retryAfter !== null ? Number(retryAfter) : NaN;
    return Number.isFinite(seconds) ? Math.max(backoff, Math.min(seconds * 1000, this.options.maxDelayMs)) : backoff;
  }
}

function cleanQuery(query: RequestSpec<null>['query']): Record<string, string | number> | undefined {
  if (!query) return undefined;
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null) out[key] = value;
  return out;
}

function flatHeaders(raw: Record<string, unknown>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(raw)) out[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value == null ? undefined : String(value);
  return out;
}

/** axios's refusal of an answer over maxContentLength (it stops reading at the limit). */
function isTooLarge(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e.code === 'ERR_BAD_RESPONSE' && typeof e.message === 'string' && e.message.startsWith('maxContentLength size of');
}

function toNetworkError(error: unknown, operation: string, pastDeadline: boolean): NetworkError {
  const e = error as { code?: string; message?: string };
  const timeout = pastDeadline || e.code === 'ECONNABORTED' || e.code === 'ETIMEDOUT';
  return new NetworkError(timeout ? 'The authority did not answer in time.' : 'The authority cannot be reached.', {
    operation,
    code: e.code ?? null,
    timeout,
  }, { cause: error });
}

function parseProblem(data: ArrayBuffer | undefined, status: number): { slug: string | null; title: string | null; detail: string | null; attemptsLeft: number | null } {
  try {
    const parsed = problemSchema.safeParse(JSON.parse(Buffer.from(data ?? new ArrayBuffer(0)).toString('utf8')));
    if (parsed.success) {
      const slug = parsed.data.type.startsWith('urn:guichet:problem:') ? parsed.data.type.slice('urn:guichet:problem:'.length) : parsed.data.type;
      // Shown to the person and logged: a few hundred characters of plain text, whatever the server sent.
      return {
        slug: capText(slug, 200),
        title: capText(parsed.data.title),
        detail: parsed.data.detail === undefined ? null : capText(parsed.data.detail),
        attemptsLeft: parsed.data.attemptsLeft ?? null,
      };
    }
  } catch {
    // Not a problem document: keep the status only.
  }
  return { slug: null, title: null, detail: status >= 500 ? 'The authority failed.' : null, attemptsLeft: null };
}

function parseBody<S extends z.ZodType>(bytes: Buffer, schema: S, operation: string, status: number): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new AuthorityResponseError('The authority sent an answer that is not valid JSON.', { operation, status });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    // Paths hold the server's keys (records): capped like any text of its.
    const issues = parsed.error.issues.slice(0, 10).map((issue) => ({ path: capText(issue.path.join('.'), 200), message: capText(issue.message, 200) }));
    throw new AuthorityResponseError('The authority sent an answer of an unexpected shape.', { operation, status, issues });
  }
  return parsed.data;
}
