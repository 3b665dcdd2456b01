import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import type { SandboxHandle } from '../../../src-sandbox/createSandbox';
import { api, certB64, expectContractClean, keyFromP12, keyOf, pemToBase64Der, signIn, start } from './helpers';

describe('sandbox: PKI and sign-in', () => {
  let sb: SandboxHandle;
  beforeAll(async () => {
    sb = await start({ sessionTtlSeconds: 2 });
  });
  afterAll(async () => {
    expectContractClean(sb);
    await sb.close();
  });

  it('made a PKI that openssl accepts, with the usages the tokens work relies on', () => {
    const dir = sb.pki.dir;
    const anne = sb.pki.persons['anne-schmit']!;
    const verify = (file: string, extra: string[] = []) =>
      execFileSync('openssl', ['verify', ...extra, '-CAfile', join(dir, 'root-ca.pem'), '-untrusted', join(dir, 'issuing-ca.pem'), join(dir, file)], {
        encoding: 'utf8',
        stdio: 'pipe',
      });
    expect(verify(anne.auth.certFile)).toContain(': OK');
    expect(verify(anne.sign.certFile)).toContain(': OK');
    expect(verify(sb.pki.tsa.certFile, ['-purpose', 'timestampsign'])).toContain(': OK');
    expect(() => verify(sb.pki.revoked.certFile, ['-crl_check', '-CRLfile', join(dir, sb.pki.crlFile)])).toThrow();
    expect(() => verify(sb.pki.expired.certFile)).toThrow();
    const signText = execFileSync('openssl', ['x509', '-in', join(dir, anne.sign.certFile), '-noout', '-text'], { encoding: 'utf8' });
    expect(signText).toContain('Non Repudiation');
    expect(signText).toContain('qcStatements');
    expect(signText).toContain('serialNumber = 10000000000000000001');
    const authText = execFileSync('openssl', ['x509', '-in', join(dir, anne.auth.certFile), '-noout', '-text'], { encoding: 'utf8' });
    expect(authText).toContain('Digital Signature');
    expect(authText).toContain('TLS Web Client Authentication');
    const tsaText = execFileSync('openssl', ['x509', '-in', join(dir, sb.pki.tsa.certFile), '-noout', '-text'], { encoding: 'utf8' });
    expect(tsaText).toMatch(/Extended Key Usage: critical\s+Time Stamping/);
    expect(readFileSync(join(dir, 'root-ca.pem'), 'utf8')).toContain('BEGIN CERTIFICATE');
  });

  it('opens a session with a PKCS#12 identity, renews it, and it expires', async () => {
    const anne = sb.pki.persons['anne-schmit']!;
    const key = keyFromP12(join(sb.pki.dir, anne.auth.p12File!), sb.pki.pkcs12Password);
    const chain = [certB64(sb, anne.auth), pemToBase64Der(readFileSync(join(sb.pki.dir, 'issuing-ca.pem'), 'utf8'))];
    const r = await signIn(sb, chain, key);
    expect(r.status).toBe(201);
    expect(r.data.person).toMatchObject({ ssn: '10000000000000000001', privateSpaceId: 'PP-A7K3QZ' });
    const renewed = await api(sb, '/auth/session/renew', { method: 'POST', token: r.data.token });
    expect(renewed.status).toBe(201);
    expect((await api(sb, '/spaces', { token: r.data.token })).status).toBe(401); // the old token ended
    expect((await api(sb, '/spaces', { token: renewed.data.token })).status).toBe(200);
    await new Promise((res) => setTimeout(res, 2100));
    const expired = await api(sb, '/spaces', { token: renewed.data.token });
    expect(expired.status).toBe(401);
    expect(expired.data.type).toBe('urn:guichet:problem:session-expired');
  });

  it('refuses expired, revoked, unknown and unregistered certificates, bad signatures and replayed nonces', async () => {
    const refusedWith = async (id: typeof sb.pki.expired, type: string, status = 401) => {
      const r = await signIn(sb, [certB64(sb, id)], keyOf(sb, id));
      expect(r.status).toBe(status);
      expect(r.type).toContain('application/problem+json');
      expect(r.data.type).toBe(`urn:guichet:problem:${type}`);
    };
    await refusedWith(sb.pki.expired, 'certificate-expired');
    await refusedWith(sb.pki.revoked, 'certificate-revoked');
    await refusedWith(sb.pki.foreign, 'certificate-unknown');
    await refusedWith(sb.pki.unregistered, 'person-not-registered', 403);
    // The qualified signature certificate is not for authentication.
    await refusedWith(sb.pki.persons['anne-schmit']!.sign, 'certificate-wrong-usage');
    // Someone else's key over Anne's certificate.
    const anne = sb.pki.persons['anne-schmit']!.auth;
    const wrong = await signIn(sb, [certB64(sb, anne)], keyOf(sb, sb.pki.persons['luc-hoffmann']!.auth));
    expect(wrong.data.type).toBe('urn:guichet:problem:signature-invalid');
    const unknownNonce = await api(sb, '/auth/session', {
      method: 'POST',
      json: { nonce: 'x'.repeat(43), certificates: [certB64(sb, anne)], signature: 'AAAAAAAAAAAAAAAAAAAAAA==', algorithm: 'RSASSA-PKCS1-v1_5-SHA256' },
    });
    expect(unknownNonce.data.type).toBe('urn:guichet:problem:challenge-invalid');
    const badBody = await api(sb, '/auth/session', { method: 'POST', json: { nonce: 1 } });
    expect(badBody.status).toBe(400);
  });

  it('gives an anonymous session that cannot see spaces', async () => {
    const anon = await api(sb, '/auth/anonymous', { method: 'POST' });
    expect(anon.status).toBe(201);
    expect(anon.data.kind).toBe('anonymous');
    const spaces = await api(sb, '/spaces', { token: anon.data.token });
    expect(spaces.status).toBe(403);
  });
});
