import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NetworkError } from '../../../src-shared/errors';
import { AuthorityClient } from '../../../src-main/authority/AuthorityClient';
import { createNodeTransport } from '../../../src-main/net/createNodeTransport';
import { parsePolicyDocument } from '../../../src-main/policy/parsePolicyDocument';
import { chainsToTrustedRoot } from '../../../src-main/net/chainsToTrustedRoot';
import { parseTrustedRoot } from '../../../src-main/net/parseTrustedRoot';
import { PolicyError } from '../../../src-main/policy/PolicyError';
import { makeTempDir } from '../vault/vaultTestKit';

/**
 * A company's TLS inspection: the authority's address answers with a certificate from the company's own root, which
 * only the policy's `trustedRootCertificates` makes trusted. Real certificates (openssl), a real TLS server.
 */
describe('root certificates added by policy', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let server: https.Server;
  let baseUrl: string;
  let rootPem: string;
  let leafPem: string;

  beforeAll(async () => {
    ({ dir, cleanup } = await makeTempDir('guichet-trusted-roots-'));
    const at = (name: string) => path.join(dir, name);
    const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
    openssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'root.key', '-out', 'root.pem', '-days', '2', '-subj', '/O=Example Corp/CN=Example Corp TLS Inspection Root', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
    openssl('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=127.0.0.1');
    execFileSync('sh', ['-c', 'printf "subjectAltName=IP:127.0.0.1\\nbasicConstraints=CA:FALSE\\nextendedKeyUsage=serverAuth\\n" > leaf.ext'], { cwd: dir });
    openssl('x509', '-req', '-in', 'leaf.csr', '-CA', 'root.pem', '-CAkey', 'root.key', '-CAcreateserial', '-out', 'leaf.pem', '-days', '2', '-extfile', 'leaf.ext');
    rootPem = readFileSync(at('root.pem'), 'utf8');
    leafPem = readFileSync(at('leaf.pem'), 'utf8');
    server = https.createServer({ key: readFileSync(at('leaf.key')), cert: leafPem }, (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await cleanup();
  });

  const ask = async (trustedRootCertificates: string[]) => {
    const client = new AuthorityClient({ baseUrl, retries: 0, transport: createNodeTransport({ proxyMode: 'direct', proxyUrl: null, trustedRootCertificates }) });
    try {
      const answer = await client.request({ operation: 'probe', method: 'GET', path: '/probe', auth: false, schema: null });
      return answer.status;
    } finally {
      client.dispose();
    }
  };

  it('refuses the company-signed server without the root, and trusts it with the root as PEM or as one line of base64 DER', async () => {
    const refused = await ask([]).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(NetworkError);
    expect((refused as NetworkError).details.code).toMatch(/SELF_SIGNED|UNABLE_TO_(GET_ISSUER|VERIFY)/);
    expect(await ask([rootPem])).toBe(200);
    const base64Der = rootPem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s/g, '');
    expect(await ask([base64Der])).toBe(200);
  });

  it('the policy refuses what is not a root certificate, naming the entry', () => {
    const base64Der = rootPem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s/g, '');
    expect(parsePolicyDocument('policy.json', { managed: { trustedRootCertificates: [base64Der] } }).managed.trustedRootCertificates).toEqual([base64Der]);
    const bad = (() => {
      try {
        parsePolicyDocument('policy.json', { managed: { trustedRootCertificates: [base64Der, leafPem, 'not a certificate'] } });
        return null;
      } catch (error) {
        return error;
      }
    })();
    expect(bad).toBeInstanceOf(PolicyError);
    expect((bad as PolicyError).problems).toEqual([
      { path: 'managed.trustedRootCertificates.1', message: expect.stringMatching(/^not a certificate authority \(CN=127\.0\.0\.1\)$/) },
      { path: 'managed.trustedRootCertificates.2', message: 'not a readable X.509 certificate' },
    ]);
  });

  it('a chain Chromium refused is trusted only when it leads to a policy root and names the host (the desktop app\'s verify step)', () => {
    const root = parseTrustedRoot(rootPem);
    expect(chainsToTrustedRoot([leafPem], [root], '127.0.0.1')).toBe(true);
    expect(chainsToTrustedRoot([leafPem, rootPem], [root], '127.0.0.1')).toBe(true);
    // Another name, no root of the policy, a day after it expired, a chain that is not one.
    expect(chainsToTrustedRoot([leafPem], [root], 'api.guichet.example.lu')).toBe(false);
    expect(chainsToTrustedRoot([leafPem], [], '127.0.0.1')).toBe(false);
    expect(chainsToTrustedRoot([leafPem], [root], '127.0.0.1', new Date(Date.now() + 3 * 24 * 3600 * 1000))).toBe(false);
    expect(chainsToTrustedRoot(['garbage'], [root], '127.0.0.1')).toBe(false);
  });

  it('the policy refuses idle-lock bounds at odds', () => {
    expect(() => parsePolicyDocument('policy.json', { managed: { idleLockMinMinutes: 30, idleLockMaxMinutes: 10 } })).toThrow(PolicyError);
  });
});
