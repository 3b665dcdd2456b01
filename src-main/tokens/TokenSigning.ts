import type { IdentityRef } from '../../src-shared/tokens/tokenSchemas';
import { ValidationError } from '../../src-shared/errors/ValidationError';
import { TokenNotFoundError } from '../../src-shared/tokens/errors';
import { certificateFacts, type CertificateCache } from './buildSlotViews';
import { CertificateChains } from './CertificateChains';
import { createPkcs12Signer } from './createPkcs12Signer';
import { createSessionSigner, type SessionSigner } from './createSessionSigner';
import type { ModuleClient } from './ModuleClient';
import type { Pkcs12Identities } from './Pkcs12Identities';
import type { TokenModules } from './TokenModules';
import type { SignInput, SignatureAlgorithmName, TokenSigner } from './TokenSigner';
import type { OpenSessionResult, SignMechanism } from './worker/protocol';

export interface SignWithTokenRequest {
  moduleId: string;
  slotId: string;
  /** CKA_ID (hex) shared by the certificate and its private key. */
  certificateId: string;
  /** The PIN as bytes, consumed: zero-filled once handed to the module. Leave out for a PIN-pad reader. */
  pin?: Buffer;
  /** Bytes to hash (SHA-256) and sign, or a SHA-256 digest. */
  data?: Uint8Array;
  digest?: Uint8Array;
  /** Default: RSA keys sha256-rsa-pkcs (data) / rsa-pkcs with DigestInfo (digest); EC keys ecdsa-sha256. */
  mechanism?: SignMechanism;
}

export interface SignResult {
  signature: Buffer;
  algorithm: SignatureAlgorithmName;
  certificate: Buffer;
  /** Issuers found on the token and elsewhere (issuer first). */
  chain: Buffer[];
}

export interface SignChallengeRequest {
  identity: IdentityRef;
  /** Consumed (zero-filled). Not needed for PKCS#12 identities or PIN-pad readers. */
  pin?: Buffer;
  /** The sandbox's challenge nonce; its UTF-8 bytes are signed (RSASSA-PKCS1-v1_5 with SHA-256 for RSA keys). */
  nonce: string;
}

export interface SignChallengeResult {
  signature: Buffer;
  algorithm: SignatureAlgorithmName;
  /** Leaf first, then the issuers that are available. */
  certificateChainDer: Buffer[];
}

/** Signing with a token key (a logged-in session per signer) or an opened PKCS#12 identity; sign-in challenges. */
export class TokenSigning {
  private readonly signers = new Set<TokenSigner>();
  private readonly chains = new CertificateChains();

  constructor(
    private readonly modules: TokenModules,
    private readonly pkcs12: Pkcs12Identities,
    private readonly certificates: CertificateCache,
    private readonly signerIdleMs: number,
  ) {}

  /** Opens a signer on a token certificate's key (logs in now) or on an opened PKCS#12 identity. */
  async openSigner(identity: IdentityRef, pin?: Buffer): Promise<TokenSigner> {
    if (identity.kind === 'pkcs12') {
      pin?.fill(0);
      const p12 = this.pkcs12.get(identity.id);
      if (!p12) throw new TokenNotFoundError('This PKCS#12 identity is not opened.', { what: 'pkcs12', id: identity.id });
      return createPkcs12Signer(p12.privateKey, p12.certificate, await this.chainFor(p12.certificate, p12.others));
    }
    return this.openSessionSigner(identity, pin);
  }

  async signWithToken(request: SignWithTokenRequest): Promise<SignResult> {
    if ((request.data === undefined) === (request.digest === undefined)) {
      request.pin?.fill(0);
      throw new ValidationError('Give either data or a digest.', [{ path: 'data', message: 'data xor digest' }]);
    }
    const signer = await this.openSessionSigner(
      { kind: 'token', moduleId: request.moduleId, slotId: request.slotId, certificateId: request.certificateId },
      request.pin,
    );
    try {
      const input: SignInput = request.digest ? { digest: request.digest } : request.data!;
      const signature = await signer.signWith(request.mechanism, input);
      return { signature, algorithm: signer.algorithm, certificate: signer.certificate, chain: signer.chain };
    } finally {
      await signer.close();
    }
  }

  /** Sign-in: signs the challenge's nonce with the identity's key; gives the chain to send with it. */
  async signChallenge(request: SignChallengeRequest): Promise<SignChallengeResult> {
    const signer = await this.openSigner(request.identity, request.pin);
    try {
      const signature = await signer.sign(Buffer.from(request.nonce, 'utf8'));
      return { signature, algorithm: signer.algorithm, certificateChainDer: [signer.certificate, ...signer.chain] };
    } finally {
      await signer.close();
    }
  }

  /** Closes every signer still open (their sessions log out). */
  async closeAll(): Promise<void> {
    await Promise.all([...this.signers].map((s) => s.close().catch(() => undefined)));
  }

  private async openSessionSigner(identity: Extract<IdentityRef, { kind: 'token' }>, pin?: Buffer): Promise<SessionSigner> {
    const where = { moduleId: identity.moduleId, slotId: identity.slotId, certificateId: identity.certificateId };
    let client: ModuleClient;
    let certificateDer: Buffer;
    try {
      client = await this.modules.readyModule(identity.moduleId);
      const raw = this.modules.findSlot(client, identity.slotId).token.certificates.find((c) => c.idHex === identity.certificateId);
      if (!raw) throw new TokenNotFoundError('This certificate is not on the token (any more).', { ...where, what: 'certificate' });
      certificateDer = Buffer.from(raw.der);
    } catch (error) {
      pin?.fill(0);
      throw error;
    }
    const opened = (await this.modules
      .call(client, { op: 'openSession', slotId: identity.slotId, keyIdHex: identity.certificateId, pin: pin ?? null }, pin ? [pin] : [], where)
      .catch((error: unknown) => {
        void this.modules.rescan(client);
        throw error;
      })) as OpenSessionResult;
    const chain = await this.chainFor(certificateDer, []);
    const keyType = opened.keyType !== 'other' ? opened.keyType : (certificateFacts(certificateDer, this.certificates)?.keyAlgorithm ?? 'rsa');
    const signer = createSessionSigner({
      modules: this.modules,
      client,
      opened,
      keyType: keyType === 'ec' ? 'ec' : 'rsa',
      certificate: certificateDer,
      chain,
      where,
      idleMs: this.signerIdleMs,
      onClose: (closed) => this.signers.delete(closed),
    });
    this.signers.add(signer);
    return signer;
  }

  /** Issuers of `leaf` among the certificates on every token and in every opened PKCS#12 file. */
  private chainFor(leaf: Buffer, extra: Buffer[]): Promise<Buffer[]> {
    const pool: Uint8Array[] = [...extra];
    for (const client of this.modules.clients()) {
      for (const slot of client.snapshot.slots) for (const cert of slot.token?.certificates ?? []) pool.push(cert.der);
    }
    for (const p12 of this.pkcs12.all()) pool.push(p12.certificate, ...p12.others);
    return this.chains.chainFor(leaf, pool);
  }
}
