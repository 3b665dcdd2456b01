import { describe, expect, it } from 'vitest';
import * as asn1js from 'asn1js';
import * as x509 from '@peculiar/x509';
import { parseCertificate } from '../../../../src-main/tokens/parseCertificate';
import { ecdsaRawToDer } from '../../../../src-main/tokens/ecdsaRawToDer';
import { moduleIdFor } from '../../../../src-main/tokens/moduleIdFor';
import { resolveModuleEntries } from '../../../../src-main/tokens/resolveModuleEntries';
import { makeTestCertificate } from './makeTestCertificate';

function qcStatements(type: 'esign' | 'eseal'): x509.Extension {
  const oid = (value: string) => new asn1js.ObjectIdentifier({ value });
  const value = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({ value: [oid('0.4.0.1862.1.1')] }),
      new asn1js.Sequence({ value: [oid('0.4.0.1862.1.6'), new asn1js.Sequence({ value: [oid(type === 'esign' ? '0.4.0.1862.1.6.1' : '0.4.0.1862.1.6.2')] })] }),
    ],
  });
  return new x509.Extension('1.3.6.1.5.5.7.1.3', false, value.toBER(false));
}

describe('certificates', () => {
  it('classifies authentication, qualified signature, seal and CA certificates', async () => {
    const subject = 'C=LU, CN=Anne Schmit, 2.5.4.5=10000000000000000001';
    const auth = await makeTestCertificate({ subject, keyUsage: x509.KeyUsageFlags.digitalSignature });
    const sign = await makeTestCertificate({ subject, keyUsage: x509.KeyUsageFlags.nonRepudiation, extensions: [qcStatements('esign')] });
    const plainSign = await makeTestCertificate({ subject, keyUsage: x509.KeyUsageFlags.nonRepudiation, ec: true });
    const seal = await makeTestCertificate({
      subject: 'C=LU, O=Moselle Digital, 2.5.4.97=VATLU-12345678, CN=Moselle Digital',
      keyUsage: x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation,
      extensions: [qcStatements('eseal')],
    });
    const ca = await makeTestCertificate({ subject: 'CN=Test CA', keyUsage: x509.KeyUsageFlags.keyCertSign, ca: true });

    expect(parseCertificate(auth.der)).toMatchObject({ role: 'authentication', holder: 'Anne Schmit', ssn: '10000000000000000001', qualified: false, keyAlgorithm: 'rsa', keyBits: 2048, validity: 'valid' });
    expect(parseCertificate(sign.der)).toMatchObject({ role: 'signature', qualified: true, qcTypes: ['esign'], keyUsage: ['nonRepudiation'] });
    expect(parseCertificate(plainSign.der)).toMatchObject({ role: 'signature', qualified: false, keyAlgorithm: 'ec', keyBits: 256 });
    expect(parseCertificate(seal.der)).toMatchObject({ role: 'seal', qualified: true, qcTypes: ['eseal'], organizationId: 'VATLU-12345678', ssn: null });
    expect(parseCertificate(ca.der)).toMatchObject({ role: 'ca' });
    expect(parseCertificate(auth.der, new Date(Date.now() + 3 * 365 * 86_400_000)).validity).toBe('expired');
  });

  it('turns a raw ECDSA r||s into DER', () => {
    const raw = Buffer.concat([Buffer.alloc(32, 0x80), Buffer.concat([Buffer.alloc(1, 0), Buffer.alloc(31, 0x01)])]);
    const der = ecdsaRawToDer(raw);
    // SEQUENCE { INTEGER 00 80.. (33 bytes), INTEGER 01.. (31 bytes, leading zero dropped) }
    expect(der.subarray(0, 4).toString('hex')).toBe('30440221');
    expect(der.length).toBe(2 + 2 + 33 + 2 + 31);
  });
});

describe('modules', () => {
  it('lists known middleware per OS as absent when not installed, and loads each library once', () => {
    const { entries, absent } = resolveModuleEntries({ platform: 'win32', settingsPaths: ['/tmp/x/lib.so', '/tmp/x/lib.so'], extraPaths: [] });
    expect(absent.map((a) => a.path)).toContain('C:\\Program Files\\Gemalto\\Classic Client\\BIN\\gclib.dll');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ source: 'settings', id: moduleIdFor('/tmp/x/lib.so') });
    expect(moduleIdFor('/usr/lib/softhsm/libsofthsm2.so')).toMatch(/^libsofthsm2-[0-9a-f]{8}$/);
    const linux = resolveModuleEntries({ platform: 'linux', settingsPaths: [] });
    expect([...linux.entries, ...linux.absent].map((e) => e.path)).toContain('/usr/lib/pkcs11/libgclib.so');
  });
});
