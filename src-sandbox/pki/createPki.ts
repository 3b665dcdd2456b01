import { mkdir, readFile, writeFile, access } from 'node:fs/promises';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';
import { generateRsaKeys, exportPkcs8Pem, randomSerial, setupCrypto, toPem, type CryptoKeyPair } from './crypto';
import { oids, qcStatementsExtension, crlDistributionPoint } from './extensions';
import { exportPkcs12, PKCS12_PASSWORD } from './pkcs12';
import { demoPersons, demoCompany, unregisteredPerson } from '../data/persons';

/** What a certificate is for; the file names on disk are `<name>.pem`, `<name>.key.pem`, `<name>.p12`. */
export type IdentityKind = 'auth' | 'sign' | 'seal' | 'tsa' | 'ca';

export interface PkiIdentity {
  /** Relative file stem inside the PKI folder, e.g. `persons/anne-schmit/auth`. */
  name: string;
  kind: IdentityKind;
  certFile: string;
  keyFile: string;
  p12File?: string;
  serialNumber: string;
  subject: string;
  ssn?: string;
  personId?: string;
  notBefore: string;
  notAfter: string;
}

export interface PkiManifest {
  version: 1;
  createdAt: string;
  dir: string;
  pkcs12Password: string;
  root: PkiIdentity;
  issuing: PkiIdentity;
  tsa: PkiIdentity;
  companySeal: PkiIdentity;
  /** personId -> its authentication and qualified signature identities. */
  persons: Record<string, { auth: PkiIdentity; sign: PkiIdentity }>;
  /** Certificates that must be refused at sign-in. */
  expired: PkiIdentity;
  revoked: PkiIdentity;
  unregistered: PkiIdentity;
  foreignRoot: PkiIdentity;
  foreign: PkiIdentity;
  /** issuing CA + root, PEM, for `-certfile` / `-untrusted`. */
  chainFile: string;
  crlFile: string;
  crlDerFile: string;
  revokedSerials: string[];
}

const MANIFEST = 'pki.json';
const DAY = 24 * 3600 * 1000;
const sandboxMark = '(SANDBOX)';

interface Issuer {
  cert: x509.X509Certificate;
  keys: CryptoKeyPair;
}

interface MakeOpts {
  dir: string;
  name: string;
  kind: IdentityKind;
  subject: string;
  issuer?: Issuer;
  notBefore: Date;
  notAfter: Date;
  extensions: x509.Extension[];
  ssn?: string;
  personId?: string;
  p12?: boolean;
  chainFile?: string;
}

async function makeIdentity(o: MakeOpts): Promise<{ identity: PkiIdentity; issuer: Issuer }> {
  const keys = await generateRsaKeys();
  const serialNumber = randomSerial();
  const signingAlgorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  const extensions = [
    ...o.extensions,
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ...(o.issuer ? [await x509.AuthorityKeyIdentifierExtension.create(o.issuer.cert)] : []),
  ];
  const cert = o.issuer
    ? await x509.X509CertificateGenerator.create({
        serialNumber,
        subject: o.subject,
        issuer: o.issuer.cert.subject,
        notBefore: o.notBefore,
        notAfter: o.notAfter,
        signingAlgorithm,
        publicKey: keys.publicKey,
        signingKey: o.issuer.keys.privateKey,
        extensions,
      })
    : await x509.X509CertificateGenerator.createSelfSigned({
        serialNumber,
        name: o.subject,
        notBefore: o.notBefore,
        notAfter: o.notAfter,
        signingAlgorithm,
        keys,
        extensions,
      });
  const certFile = `${o.name}.pem`;
  const keyFile = `${o.name}.key.pem`;
  await mkdir(join(o.dir, o.name, '..'), { recursive: true });
  await writeFile(join(o.dir, certFile), cert.toString('pem') + '\n');
  await writeFile(join(o.dir, `${o.name}.der`), new Uint8Array(cert.rawData));
  await writeFile(join(o.dir, keyFile), await exportPkcs8Pem(keys.privateKey), { mode: 0o600 });
  let p12File: string | undefined;
  if (o.p12) {
    p12File = `${o.name}.p12`;
    await exportPkcs12({
      keyFile: join(o.dir, keyFile),
      certFile: join(o.dir, certFile),
      chainFile: o.chainFile ? join(o.dir, o.chainFile) : undefined,
      out: join(o.dir, p12File),
      name: o.subject.match(/CN=([^,]+)/)?.[1] ?? o.name,
    });
  }
  const identity: PkiIdentity = {
    name: o.name,
    kind: o.kind,
    certFile,
    keyFile,
    ...(p12File ? { p12File } : {}),
    serialNumber: cert.serialNumber,
    subject: cert.subject,
    ...(o.ssn ? { ssn: o.ssn } : {}),
    ...(o.personId ? { personId: o.personId } : {}),
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
  };
  return { identity, issuer: { cert, keys } };
}

function caExtensions(pathLength?: number): x509.Extension[] {
  return [
    new x509.BasicConstraintsExtension(true, pathLength, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
  ];
}

function personSubject(p: { givenName: string; surname: string; ssn: string }): string {
  return `C=LU, CN=${p.givenName} ${p.surname}, SN=${p.surname}, G=${p.givenName}, 2.5.4.5=${p.ssn}`;
}

function authExtensions(crlUrl: string): x509.Extension[] {
  return [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
    new x509.ExtendedKeyUsageExtension([oids.clientAuth, oids.emailProtection]),
    new x509.CertificatePolicyExtension([oids.sandboxPolicyAuth]),
    crlDistributionPoint(crlUrl),
  ];
}

function signExtensions(crlUrl: string): x509.Extension[] {
  return [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.nonRepudiation, true),
    new x509.CertificatePolicyExtension([oids.sandboxPolicyQualified]),
    qcStatementsExtension('esign'),
    crlDistributionPoint(crlUrl),
  ];
}

export const CRL_URL = 'http://crl.sandbox.invalid/luxtrust-qualified-ca-sandbox.crl';

/** Loads the PKI from `dir`, or makes it there at first start. */
export async function loadOrCreatePki(dir: string): Promise<PkiManifest> {
  setupCrypto();
  try {
    await access(join(dir, MANIFEST));
    const manifest = JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as PkiManifest;
    return { ...manifest, dir };
  } catch {
    return createPki(dir);
  }
}

export async function createPki(dir: string): Promise<PkiManifest> {
  setupCrypto();
  await mkdir(dir, { recursive: true });
  const now = Date.now();
  const start = new Date(now - DAY);
  const root = await makeIdentity({
    dir,
    name: 'root-ca',
    kind: 'ca',
    subject: `C=LU, O=LuxTrust S.A. ${sandboxMark}, OU=SANDBOX - NOT FOR PRODUCTION, CN=LuxTrust Global Root CA ${sandboxMark}`,
    notBefore: start,
    notAfter: new Date(now + 20 * 365 * DAY),
    extensions: caExtensions(),
  });
  const issuing = await makeIdentity({
    dir,
    name: 'issuing-ca',
    kind: 'ca',
    subject: `C=LU, O=LuxTrust S.A. ${sandboxMark}, OU=SANDBOX - NOT FOR PRODUCTION, CN=LuxTrust Qualified CA ${sandboxMark}`,
    issuer: root.issuer,
    notBefore: start,
    notAfter: new Date(now + 10 * 365 * DAY),
    extensions: [...caExtensions(0), new x509.CertificatePolicyExtension(['2.5.29.32.0'])],
  });
  const chainFile = 'chain.pem';
  await writeFile(join(dir, chainFile), issuing.issuer.cert.toString('pem') + '\n' + root.issuer.cert.toString('pem') + '\n');
  await writeFile(join(dir, 'ca-bundle.pem'), root.issuer.cert.toString('pem') + '\n');

  const leafValidity = { notBefore: start, notAfter: new Date(now + 3 * 365 * DAY) };
  const common = { dir, issuer: issuing.issuer, p12: true, chainFile, ...leafValidity };

  // Key generation is the slow part: run the leaves in parallel.
  const personJobs = demoPersons.map(async (p) => {
    const [auth, sign] = await Promise.all([
      makeIdentity({
        ...common,
        name: `persons/${p.id}/auth`,
        kind: 'auth',
        subject: personSubject(p),
        extensions: authExtensions(CRL_URL),
        ssn: p.ssn,
        personId: p.id,
      }),
      makeIdentity({
        ...common,
        name: `persons/${p.id}/sign`,
        kind: 'sign',
        subject: personSubject(p),
        extensions: signExtensions(CRL_URL),
        ssn: p.ssn,
        personId: p.id,
      }),
    ]);
    return [p.id, { auth: auth.identity, sign: sign.identity }] as const;
  });
  const anne = demoPersons[0]!;
  const [persons, tsa, companySeal, expired, revoked, unregistered, foreignRoot] = await Promise.all([
    Promise.all(personJobs),
    makeIdentity({
      ...common,
      name: 'tsa',
      kind: 'tsa',
      subject: `C=LU, O=LuxTrust S.A. ${sandboxMark}, CN=LuxTrust Time Stamping Authority ${sandboxMark}`,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
        new x509.ExtendedKeyUsageExtension([oids.timeStamping], true),
        new x509.CertificatePolicyExtension([oids.sandboxPolicyTsa]),
      ],
    }),
    makeIdentity({
      ...common,
      name: 'company/seal',
      kind: 'seal',
      subject: `C=LU, O=${demoCompany.name.replace(/,/g, '')}, 2.5.4.97=VATLU-${demoCompany.vatNumber.slice(2)}, CN=${demoCompany.name.replace(/,/g, '')}`,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
        new x509.CertificatePolicyExtension([oids.sandboxPolicyQualified]),
        qcStatementsExtension('eseal'),
        crlDistributionPoint(CRL_URL),
      ],
    }),
    makeIdentity({
      ...common,
      name: 'refused/expired-auth',
      kind: 'auth',
      subject: personSubject(anne),
      notBefore: new Date(now - 800 * DAY),
      notAfter: new Date(now - 30 * DAY),
      extensions: authExtensions(CRL_URL),
      ssn: anne.ssn,
      personId: anne.id,
    }),
    makeIdentity({
      ...common,
      name: 'refused/revoked-auth',
      kind: 'auth',
      subject: personSubject(anne),
      extensions: authExtensions(CRL_URL),
      ssn: anne.ssn,
      personId: anne.id,
    }),
    makeIdentity({
      ...common,
      name: 'refused/unregistered-auth',
      kind: 'auth',
      subject: personSubject(unregisteredPerson),
      extensions: authExtensions(CRL_URL),
      ssn: unregisteredPerson.ssn,
    }),
    makeIdentity({
      dir,
      name: 'refused/foreign-root',
      kind: 'ca',
      subject: 'C=LU, O=Not The Sandbox, CN=Foreign Test Root (UNTRUSTED)',
      notBefore: start,
      notAfter: new Date(now + 10 * 365 * DAY),
      extensions: caExtensions(),
    }),
  ]);
  await writeFile(join(dir, 'refused/foreign-chain.pem'), foreignRoot.issuer.cert.toString('pem') + '\n');
  const foreign = await makeIdentity({
    dir,
    name: 'refused/foreign-auth',
    kind: 'auth',
    issuer: foreignRoot.issuer,
    subject: personSubject(anne),
    ...leafValidity,
    extensions: authExtensions(CRL_URL),
    ssn: anne.ssn,
    personId: anne.id,
    p12: true,
    chainFile: 'refused/foreign-chain.pem',
  });

  const revokedSerials = [revoked.identity.serialNumber];
  const crl = await x509.X509CrlGenerator.create({
    issuer: issuing.issuer.cert.subject,
    thisUpdate: new Date(now - 60_000),
    nextUpdate: new Date(now + 7 * DAY),
    entries: revokedSerials.map((serialNumber) => ({
      serialNumber,
      revocationDate: new Date(now - 60_000),
      reason: x509.X509CrlReason.keyCompromise,
    })),
    signingAlgorithm: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    signingKey: issuing.issuer.keys.privateKey,
    extensions: [await x509.AuthorityKeyIdentifierExtension.create(issuing.issuer.cert)],
  });
  await writeFile(join(dir, 'issuing-ca.crl.pem'), toPem(crl.rawData, 'X509 CRL'));
  await writeFile(join(dir, 'issuing-ca.crl'), new Uint8Array(crl.rawData));

  const manifest: PkiManifest = {
    version: 1,
    createdAt: new Date(now).toISOString(),
    dir,
    pkcs12Password: PKCS12_PASSWORD,
    root: root.identity,
    issuing: issuing.identity,
    tsa: tsa.identity,
    companySeal: companySeal.identity,
    persons: Object.fromEntries(persons),
    expired: expired.identity,
    revoked: revoked.identity,
    unregistered: unregistered.identity,
    foreignRoot: foreignRoot.identity,
    foreign: foreign.identity,
    chainFile,
    crlFile: 'issuing-ca.crl.pem',
    crlDerFile: 'issuing-ca.crl',
    revokedSerials,
  };
  await writeFile(join(dir, 'README.txt'), readme());
  // The manifest last: its presence means "complete".
  await writeFile(join(dir, MANIFEST), JSON.stringify(manifest, null, 2));
  return manifest;
}

function readme(): string {
  return `Guichet Desktop sandbox PKI - FOR TESTS ONLY, NOT A REAL LUXTRUST HIERARCHY.

root-ca.pem               LuxTrust Global Root CA (SANDBOX), self-signed trust anchor (also ca-bundle.pem)
issuing-ca.pem            LuxTrust Qualified CA (SANDBOX), issues every leaf below
chain.pem                 issuing CA + root (PEM), for -certfile / -untrusted
issuing-ca.crl(.pem)      CRL of the issuing CA (lists refused/revoked-auth)
tsa.pem                   time-stamping authority (EKU timeStamping, critical)
persons/<id>/auth.*       authentication certificate (digitalSignature, clientAuth)
persons/<id>/sign.*       qualified signature certificate (nonRepudiation, QC statements)
company/seal.*            company seal (QC statements, eSeal)
refused/*                 expired, revoked, unregistered and foreign-root identities (sign-in must refuse them)

Each identity: <name>.pem (certificate), <name>.der, <name>.key.pem (PKCS#8, unencrypted),
<name>.p12 (key + certificate + chain), PKCS#12 password: ${PKCS12_PASSWORD}
Subject serialNumber (2.5.4.5) = the person's 20-digit SSN. pki.json lists everything.
`;
}
