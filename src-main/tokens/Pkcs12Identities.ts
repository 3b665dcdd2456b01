import { createHash } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../log/Logger';
import { FileUnreadableError } from '../../src-shared/errors/FileUnreadableError';
import { normalizeFileName } from '../../src-shared/files/normalizeFileName';
import type { Pkcs12View } from '../../src-shared/tokens/tokenSchemas';
import { Pkcs12InvalidError, Pkcs12NotAllowedError, TokenNotFoundError } from '../../src-shared/tokens/errors';
import { certificateFacts, type CertificateCache } from './buildSlotViews';
import type { Pkcs12Identity } from './Pkcs12Identity';
import { readPkcs12 } from './readPkcs12';

const MAX_PKCS12_BYTES = 1024 * 1024;

/** The PKCS#12 files opened in this run of the app: in memory only, the password used once and dropped. */
export class Pkcs12Identities {
  private readonly identities = new Map<string, Pkcs12Identity>();
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly log: Logger,
    private readonly certificates: CertificateCache,
    /** Whether the policy allows PKCS#12 files (asked at each use: a policy turned off hides those already open). */
    private readonly isAllowed: () => boolean = () => true,
  ) {}

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get(id: string): Pkcs12Identity | undefined {
    return this.isAllowed() ? this.identities.get(id) : undefined;
  }

  all(): Pkcs12Identity[] {
    return this.isAllowed() ? [...this.identities.values()] : [];
  }

  views(): Pkcs12View[] {
    return this.all().map((p) => this.viewOf(p));
  }

  /** Opens a PKCS#12 file for this run; the password (consumed) is not kept. */
  async add(filePath: string, password: Buffer): Promise<Pkcs12View> {
    if (!this.isAllowed()) {
      password.fill(0);
      throw new Pkcs12NotAllowedError('Certificate files are not allowed on this computer.');
    }
    let file: Buffer;
    let real: string;
    try {
      real = await realpath(filePath);
      const info = await stat(real);
      // A PKCS#12 file holds a key and a few certificates: kilobytes. Anything larger is not one (and not read whole).
      if (!info.isFile() || info.size > MAX_PKCS12_BYTES) throw new Pkcs12InvalidError('This file is not a PKCS#12 file.', { reason: 'tooLarge' });
      file = await readFile(real);
    } catch (error) {
      password.fill(0);
      if (error instanceof Pkcs12InvalidError) throw error;
      throw new FileUnreadableError('The chosen file cannot be read.');
    }
    const contents = await readPkcs12(file, password);
    const id = `p12-${createHash('sha256').update(real).digest('hex').slice(0, 16)}`;
    const shown = normalizeFileName(path.basename(real), { fallback: 'certificate.p12' });
    const identity: Pkcs12Identity = { id, name: shown.ok ? shown.name : 'certificate.p12', path: real, ...contents };
    this.identities.set(id, identity);
    // Not the file's name: people name these files after themselves.
    this.log.info('tokens.pkcs12Added', { id });
    this.emit();
    return this.viewOf(identity);
  }

  remove(id: string): void {
    if (!this.identities.delete(id)) throw new TokenNotFoundError('This PKCS#12 identity is not opened.', { what: 'pkcs12', id });
    this.emit();
  }

  clear(): void {
    this.identities.clear();
    this.listeners.clear();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }

  private viewOf(p12: Pkcs12Identity): Pkcs12View {
    const toView = (der: Buffer, index: number, hasKey: boolean) => {
      const facts = certificateFacts(der, this.certificates);
      if (!facts) return null;
      return { ...facts, id: index.toString(16).padStart(2, '0'), label: facts.holder, keyPresence: hasKey ? ('private-key' as const) : ('none' as const), alwaysAuthenticate: false };
    };
    const certificate = toView(p12.certificate, 0, true);
    if (!certificate) throw new Pkcs12InvalidError('The certificate in the file cannot be read.', { reason: 'badCertificate' });
    return {
      id: p12.id,
      name: p12.name,
      certificate,
      chain: p12.others.map((der, i) => toView(der, i + 1, false)).filter((v): v is NonNullable<typeof v> => v !== null),
    };
  }
}
