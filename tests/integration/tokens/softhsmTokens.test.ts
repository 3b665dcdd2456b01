import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { X509Certificate, createHash, verify } from 'node:crypto';
import path from 'node:path';
import type { PkiManifest } from '../../../src-sandbox/pki/createPki';
import type { TokenService } from '../../../src-main/tokens/TokenService';
import type { TokensView } from '../../../src-shared/tokens/tokenSchemas';
import { createSoftHsm, SOFTHSM_MODULE, testPki, type SoftHsm } from '../../helpers/softhsm/softHsm';
import { createSoftHsmService } from './softhsmService';
import { api, start } from '../sandbox/helpers';

describe.skipIf(!SOFTHSM_MODULE)('tokens on SoftHSM2 (real module in its worker thread)', () => {
  let pki: PkiManifest;
  let hsm: SoftHsm;
  let service: TokenService;
  let moduleId: string;
  let log: ReturnType<typeof createSoftHsmService>['log'];
  let anneSlot: string;
  let lucSlot: string;
  const events: TokensView[] = [];

  beforeAll(async () => {
    pki = await testPki();
    hsm = createSoftHsm();
    anneSlot = hsm.addPersonToken(pki, 'anne-schmit', 'Anne Schmit', '123456').slotId;
    lucSlot = hsm.addPersonToken(pki, 'luc-hoffmann', 'Luc Hoffmann', '654321').slotId;
    ({ service, moduleId, log } = createSoftHsmService(hsm, { withBroken: true, pollIntervalMs: 500 }));
    service.onChange((view) => events.push(view));
  });
  afterAll(async () => {
    await service?.dispose();
    hsm?.cleanup();
  });

  it('lists both tokens with their certificates classified and paired with their keys by CKA_ID', async () => {
    const view = await service.list();
    const softhsm = view.modules.find((m) => m.id === moduleId)!;
    expect(softhsm).toMatchObject({ status: 'ready', watch: 'polling', library: { manufacturer: 'SoftHSM' } });
    const anne = view.slots.find((s) => s.slotId === anneSlot)!.token!;
    expect(anne).toMatchObject({ label: 'Anne Schmit', initialized: true, loginRequired: true, pin: { locked: false, pinPad: false, minLength: 4 } });
    const byId = Object.fromEntries(anne.certificates.map((c) => [c.id, c]));
    expect(byId['01']).toMatchObject({ role: 'authentication', holder: 'Anne Schmit', ssn: '10000000000000000001', qualified: false, keyPresence: 'public-key', issuerName: 'LuxTrust Qualified CA (SANDBOX)' });
    expect(byId['02']).toMatchObject({ role: 'signature', qualified: true, qcTypes: ['esign'], keyPresence: 'public-key' });
    expect(byId['10']).toMatchObject({ role: 'ca', keyPresence: 'none' });
    expect(byId['11']).toMatchObject({ role: 'ca', keyPresence: 'none' });
    expect(view.slots.find((s) => s.slotId === lucSlot)!.token!.certificates.find((c) => c.id === '01')!.ssn).toBe(pki.persons['luc-hoffmann']!.auth.ssn);
  });

  it('gives a diagnostic for a broken and a missing module, and keeps the others working', async () => {
    const view = await service.list();
    const broken = view.modules.find((m) => m.name === 'broken')!;
    const missing = view.modules.find((m) => m.name === 'missing')!;
    expect(broken).toMatchObject({ status: 'loadFailed', diagnostic: { code: 'LOAD_FAILED' }, watch: 'none' });
    expect(broken.diagnostic!.message).toMatch(/cannot load the library/);
    expect(missing).toMatchObject({ status: 'notFound', diagnostic: { code: 'NOT_FOUND' } });
    expect(view.slots.every((s) => s.moduleId === view.modules.find((m) => m.status === 'ready')!.id)).toBe(true);
  });

  it('signs with the authentication key: the signature verifies against the certificate; the chain comes along', async () => {
    const data = Buffer.from('to be signed');
    const result = await service.signing.signWithToken({ moduleId, slotId: anneSlot, certificateId: '01', pin: Buffer.from('123456'), data });
    const cert = new X509Certificate(result.certificate);
    expect(cert.subject).toContain('Anne Schmit');
    expect(result.algorithm).toBe('RSASSA-PKCS1-v1_5-SHA256');
    expect(verify('sha256', data, cert.publicKey, result.signature)).toBe(true);
    expect(result.chain.map((der) => new X509Certificate(der).subject)).toEqual([
      expect.stringContaining('LuxTrust Qualified CA (SANDBOX)'),
      expect.stringContaining('LuxTrust Global Root CA (SANDBOX)'),
    ]);
    // A digest with DigestInfo (CKM_RSA_PKCS), with the signature key.
    const digest = createHash('sha256').update(data).digest();
    const second = await service.signing.signWithToken({ moduleId, slotId: anneSlot, certificateId: '02', pin: Buffer.from('123456'), digest, mechanism: 'rsa-pkcs' });
    expect(verify('sha256', data, new X509Certificate(second.certificate).publicKey, second.signature)).toBe(true);
  });

  it('refuses a wrong PIN with WrongPinError and the PIN state after it', async () => {
    const error = await service.signing
      .signWithToken({ moduleId, slotId: lucSlot, certificateId: '01', pin: Buffer.from('000000'), data: Buffer.from('x') })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'WrongPinError', kind: 'expected', details: { moduleId, slotId: lucSlot, code: 'CKR_PIN_INCORRECT', pin: { locked: false } } });
    expect(JSON.stringify(log.entries)).not.toContain('000000');
    // The right PIN still works.
    await service.signing.signWithToken({ moduleId, slotId: lucSlot, certificateId: '01', pin: Buffer.from('654321'), data: Buffer.from('x') });
  });

  it('changes the PIN (C_SetPIN)', async () => {
    const ref = { moduleId, slotId: lucSlot };
    await expect(service.pins.changePin(ref, Buffer.from('111111'), Buffer.from('24682468'))).rejects.toMatchObject({ name: 'WrongPinError' });
    await expect(service.pins.changePin(ref, Buffer.from('654321'), Buffer.from('12'))).rejects.toMatchObject({ name: 'PinPolicyError' });
    expect(await service.pins.changePin(ref, Buffer.from('654321'), Buffer.from('24682468'))).toMatchObject({ locked: false });
    await service.signing.signWithToken({ ...ref, certificateId: '01', pin: Buffer.from('24682468'), data: Buffer.from('x') });
  });

  it('opens the company seal PKCS#12 (pkijs) and signs with it; a wrong password gives WrongPasswordError', async () => {
    const file = path.join(pki.dir, pki.companySeal.p12File!);
    await expect(service.pkcs12.add(file, Buffer.from('not-the-password'))).rejects.toMatchObject({ name: 'WrongPasswordError' });
    const password = Buffer.from(pki.pkcs12Password);
    const seal = await service.pkcs12.add(file, password);
    expect(password.every((b) => b === 0)).toBe(true);
    expect(seal.certificate).toMatchObject({ role: 'seal', qualified: true, organizationId: 'VATLU-12345678', keyPresence: 'private-key' });
    expect(seal.chain).toHaveLength(2);
    const signed = await service.signing.signChallenge({ identity: { kind: 'pkcs12', id: seal.id }, nonce: 'abc' });
    expect(verify('sha256', Buffer.from('abc'), new X509Certificate(signed.certificateChainDer[0]!).publicKey, signed.signature)).toBe(true);
    expect((await service.list()).pkcs12.map((p) => p.id)).toEqual([seal.id]);
    service.pkcs12.remove(seal.id);
    expect(service.view().pkcs12).toEqual([]);
  });

  it('signs the sandbox challenge with the token and opens a session there', async () => {
    const sandbox = await start({ seed: 'empty' });
    try {
      const challenge = await api(sandbox, '/auth/challenge', { method: 'POST' });
      const signed = await service.signing.signChallenge({
        identity: { kind: 'token', moduleId, slotId: anneSlot, certificateId: '01' },
        pin: Buffer.from('123456'),
        nonce: challenge.data.nonce as string,
      });
      const session = await api(sandbox, '/auth/session', {
        method: 'POST',
        json: {
          nonce: challenge.data.nonce,
          certificates: signed.certificateChainDer.map((der) => der.toString('base64')),
          signature: signed.signature.toString('base64'),
          algorithm: signed.algorithm,
        },
      });
      expect(session.status).toBe(201);
      expect(session.data.person.ssn).toBe('10000000000000000001');
    } finally {
      await sandbox.close();
    }
  });

  it('sees a token added and removed while the watcher runs (tokens.changed)', async () => {
    await service.list();
    const before = events.length;
    const { slotId } = hsm.addPersonToken(pki, 'sofia-ferreira', 'Sofia Ferreira');
    const hasSofia = (v: TokensView | undefined) => v?.slots.some((s) => s.slotId === slotId && s.token?.certificates.length === 4) ?? false;
    await expect.poll(() => hasSofia(events.at(-1)), { timeout: 8000, interval: 100 }).toBe(true);
    expect(events.length).toBeGreaterThan(before);
    hsm.deleteToken('Sofia Ferreira');
    await expect.poll(() => events.at(-1)!.slots.some((s) => s.token?.label === 'Sofia Ferreira'), { timeout: 8000, interval: 100 }).toBe(false);
    // The other tokens stayed.
    expect(events.at(-1)!.slots.filter((s) => s.token?.initialized).map((s) => s.token!.label).sort()).toEqual(['Anne Schmit', 'Luc Hoffmann']);
  });
});
