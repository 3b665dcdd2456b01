import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request as httpRequest } from 'node:http';
import type { SandboxHandle } from '../../../src-sandbox/createSandbox';
import { api, expectContractClean, operator, signInPerson, start } from './helpers';

describe('sandbox: RFC 3161 TSA', () => {
  let sb: SandboxHandle;
  beforeAll(async () => {
    sb = await start({ seed: 'empty' });
  });
  afterAll(async () => {
    expectContractClean(sb);
    await sb.close();
  });

  it('answers a timestamp query that openssl ts -verify accepts against the sandbox root', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tsa-'));
    writeFileSync(join(dir, 'data.bin'), 'Guichet submission bytes');
    execFileSync('openssl', ['ts', '-query', '-data', join(dir, 'data.bin'), '-sha256', '-cert', '-out', join(dir, 'q.tsq')], { stdio: 'pipe' });
    const res = await fetch(`${sb.apiUrl}/tsa`, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query' },
      body: execFileSync('cat', [join(dir, 'q.tsq')]),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/timestamp-reply');
    writeFileSync(join(dir, 'r.tsr'), Buffer.from(await res.arrayBuffer()));
    const out = execFileSync(
      'openssl',
      ['ts', '-verify', '-in', join(dir, 'r.tsr'), '-queryfile', join(dir, 'q.tsq'), '-CAfile', join(sb.pki.dir, 'root-ca.pem'), '-untrusted', join(sb.pki.dir, 'chain.pem')],
      { encoding: 'utf8', stdio: 'pipe' },
    );
    expect(out).toContain('Verification: OK');
    // Another document does not match the token.
    writeFileSync(join(dir, 'other.bin'), 'changed');
    expect(() =>
      execFileSync('openssl', ['ts', '-verify', '-in', join(dir, 'r.tsr'), '-data', join(dir, 'other.bin'), '-CAfile', join(sb.pki.dir, 'root-ca.pem'), '-untrusted', join(sb.pki.dir, 'chain.pem')], { stdio: 'pipe' }),
    ).toThrow();
    const text = execFileSync('openssl', ['ts', '-reply', '-in', join(dir, 'r.tsr'), '-text'], { encoding: 'utf8', stdio: 'pipe' });
    expect(text).toContain('Status: Granted');
    const garbage = await fetch(`${sb.apiUrl}/tsa`, { method: 'POST', headers: { 'content-type': 'application/timestamp-query' }, body: 'nope' });
    const gtext = (writeFileSync(join(dir, 'g.tsr'), Buffer.from(await garbage.arrayBuffer())), execFileSync('openssl', ['ts', '-reply', '-in', join(dir, 'g.tsr'), '-text'], { encoding: 'utf8', stdio: 'pipe' }));
    expect(gtext).toContain('Rejected');
  });
});

describe('sandbox: faults on demand', () => {
  let sb: SandboxHandle;
  let token: string;
  const space = 'PP-A7K3QZ';
  beforeAll(async () => {
    sb = await start();
    token = await signInPerson(sb, 'anne-schmit');
  });
  afterAll(async () => {
    await sb.close();
  });

  it('delays', async () => {
    sb.faults.add({ kind: 'delay', route: '/v1/spaces/*/dossiers', delayMs: 300 });
    const t = Date.now();
    expect((await api(sb, `/spaces/${space}/dossiers`, { token })).status).toBe(200);
    expect(Date.now() - t).toBeGreaterThanOrEqual(290);
  });

  it('answers 5xx for the next N requests, through the operator API too', async () => {
    const added = await operator(sb, '/faults', { kind: 'error', route: '/v1/spaces/**', status: 502, times: 2 });
    expect(added.status).toBe(201);
    expect((await api(sb, `/spaces/${space}/dossiers`, { token })).status).toBe(502);
    const second = await api(sb, `/spaces/${space}/documents`, { token });
    expect(second.status).toBe(502);
    expect(second.type).toContain('application/problem+json');
    expect((await api(sb, `/spaces/${space}/dossiers`, { token })).status).toBe(200);
  });

  it('does the work and then answers 5xx (phase after): the Idempotency-Key replays it', async () => {
    sb.faults.add({ kind: 'error', route: '/v1/spaces/*/dossiers/*/replies', phase: 'after' });
    const ref = (await api(sb, `/spaces/${space}/dossiers`, { token })).data.items.find((d: { repliesAllowed: boolean }) => d.repliesAllowed).reference;
    const send = () => api(sb, `/spaces/${space}/dossiers/${ref}/replies`, { method: 'POST', token, headers: { 'idempotency-key': 'fault-reply-0001' }, json: { body: 'x', language: 'en' } });
    expect((await send()).status).toBe(503);
    const retry = await send();
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect((await operator(sb, '/counters')).data.acceptedByKey['fault-reply-0001']).toBe(1);
  });

  it('drops the connection, before and after the work', async () => {
    sb.faults.add({ kind: 'drop', route: '/v1/spaces/*/dossiers', times: 1 });
    await expect(api(sb, `/spaces/${space}/dossiers`, { token })).rejects.toThrow();
    sb.faults.add({ kind: 'drop', route: '/v1/spaces/*/documents', phase: 'after' });
    const raw = await new Promise<string>((resolve) => {
      const req = httpRequest(`${sb.apiUrl}/spaces/${space}/documents`, { headers: { authorization: `Bearer ${token}` } }, () => resolve('answered'));
      req.on('error', (e) => resolve(e.message));
      req.end();
    });
    expect(raw).not.toBe('answered');
    expect((await api(sb, `/spaces/${space}/dossiers`, { token })).status).toBe(200);
  });

  it('sends malformed and wrong-shaped bodies', async () => {
    sb.faults.add({ kind: 'malformed', route: '/v1/spaces/*/changes' });
    const res = await fetch(`${sb.apiUrl}/spaces/${space}/changes`, { headers: { authorization: `Bearer ${token}` } });
    await expect(res.json()).rejects.toThrow();
    sb.faults.add({ kind: 'wrong-shape', route: '/v1/spaces/*/changes' });
    const wrong = await api(sb, `/spaces/${space}/changes`, { token });
    expect(wrong.status).toBe(200);
    expect(Array.isArray(wrong.data.items)).toBe(false);
  });

  it('delivers changes twice (duplicate), and a full pass still reaches the end', async () => {
    sb.faults.add({ kind: 'duplicate', route: '/v1/spaces/*/changes', times: 2 });
    const seen: number[] = [];
    let cursor = '';
    for (let i = 0; i < 20; i++) {
      const page = await api(sb, `/spaces/${space}/changes?limit=4${cursor ? `&cursor=${cursor}` : ''}`, { token });
      seen.push(...page.data.items.map((x: { seq: number }) => x.seq));
      cursor = page.data.nextCursor;
      if (!page.data.hasMore) break;
    }
    expect(seen.length).toBeGreaterThan(new Set(seen).size);
    const clean = await api(sb, `/spaces/${space}/changes?limit=1000`, { token });
    expect(new Set(seen)).toEqual(new Set(clean.data.items.map((x: { seq: number }) => x.seq)));
  });

  it('seeds 10k dossiers and 100k messages and serves them all through the changes feed', async () => {
    const r = await operator(sb, '/seed', { spaceId: space, dossiers: 10_000, messages: 100_000 });
    expect(r.data).toMatchObject({ dossiers: 10_000, messages: 100_000 });
    console.log(`seed 10k dossiers + 100k messages: ${r.data.ms} ms`);
    const t = performance.now();
    let cursor = '';
    let n = 0;
    for (;;) {
      const page = await api(sb, `/spaces/${space}/changes?limit=1000${cursor ? `&cursor=${cursor}` : ''}`, { token });
      n += page.data.items.length;
      cursor = page.data.nextCursor;
      if (!page.data.hasMore) break;
    }
    console.log(`raw fetch of ${n} changes in pages of 1000: ${Math.round(performance.now() - t)} ms`);
    expect(n).toBeGreaterThanOrEqual(110_000);
  });
});
