import { createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../../../src-sandbox/createSandbox';
import type { PkiIdentity } from '../../../src-sandbox/pki/createPki';

/** One PKI for every sandbox test file (made once, ~3 s). */
export const sharedPkiDir = join(tmpdir(), 'guichet-sandbox-test-pki-v1');

export async function start(opts: Partial<SandboxOptions> = {}): Promise<SandboxHandle> {
  return startSandbox({
    dataDir: mkdtempSync(join(tmpdir(), 'guichet-sandbox-')),
    pkiDir: sharedPkiDir,
    contractCheck: 'record',
    ...opts,
  });
}

export function pemToBase64Der(pem: string): string {
  return pem.replace(/-----(BEGIN|END) [^-]+-----/g, '').replace(/\s+/g, '');
}

export function keyOf(sb: SandboxHandle, id: PkiIdentity): KeyObject {
  return createPrivateKey(readFileSync(join(sb.pki.dir, id.keyFile), 'utf8'));
}

/** The key of a PKCS#12 file, read with openssl (node cannot read PKCS#12). */
export function keyFromP12(file: string, password: string): KeyObject {
  const pem = execFileSync('openssl', ['pkcs12', '-in', file, '-nocerts', '-nodes', '-passin', `pass:${password}`], { encoding: 'utf8' });
  return createPrivateKey(pem);
}

export function certB64(sb: SandboxHandle, id: PkiIdentity): string {
  return pemToBase64Der(readFileSync(join(sb.pki.dir, id.certFile), 'utf8'));
}

export async function api(sb: SandboxHandle, path: string, init: RequestInit & { token?: string; json?: unknown } = {}) {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(init.json);
  }
  const res = await fetch(`${sb.apiUrl}${path}`, { ...init, headers, body });
  const type = res.headers.get('content-type') ?? '';
  const data: unknown = res.status === 304 || res.status === 204 ? null : /json/.test(type) ? await res.json() : Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, type, data: data as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export async function operator(sb: SandboxHandle, path: string, json?: unknown, method = json === undefined ? 'GET' : 'POST') {
  const res = await fetch(`${sb.url}/operator${path}`, {
    method,
    headers: { authorization: `Bearer ${sb.operatorToken}`, ...(json !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: json !== undefined ? JSON.stringify(json) : undefined,
  });
  return { status: res.status, data: (res.status === 204 ? null : await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Challenge, sign the nonce with the key, open the session. */
export async function signIn(sb: SandboxHandle, chain: string[], key: KeyObject) {
  const ch = await api(sb, '/auth/challenge', { method: 'POST' });
  expect(ch.status).toBe(201);
  const nonce = ch.data.nonce as string;
  const signature = sign('sha256', Buffer.from(nonce, 'utf8'), key).toString('base64');
  return api(sb, '/auth/session', {
    method: 'POST',
    json: { nonce, certificates: chain, signature, algorithm: 'RSASSA-PKCS1-v1_5-SHA256' },
  });
}

export async function signInPerson(sb: SandboxHandle, personId: string): Promise<string> {
  const id = sb.pki.persons[personId]!.auth;
  const r = await signIn(sb, [certB64(sb, id)], keyOf(sb, id));
  expect(r.status).toBe(201);
  return r.data.token as string;
}

export function expectContractClean(sb: SandboxHandle): void {
  expect(sb.contract.violations).toEqual([]);
}

/** A submission as multipart: the JSON part and the files. */
export function submissionForm(json: unknown, files: { field: string; name: string; type: string; bytes: Buffer }[]): FormData {
  const form = new FormData();
  form.append('submission', new Blob([JSON.stringify(json)], { type: 'application/json' }), 'submission.json');
  for (const f of files) form.append(f.field, new Blob([new Uint8Array(f.bytes)], { type: f.type }), f.name);
  return form;
}
