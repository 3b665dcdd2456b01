import { randomUUID } from 'node:crypto';
import type { SandboxContext } from '../context';
import type { FileRef } from '../data/types';

/** A file that came with a submission, kept as a document of its dossier (its space's "my documents" shows it). */
export function storeDossierFile(
  ctx: SandboxContext,
  dossier: { spaceId: string; reference: string; at: string },
  file: { filename: string; mediaType: string; bytes: Buffer },
): FileRef {
  const doc = ctx.store.addDocument({
    id: `DOC-${randomUUID()}`,
    spaceId: dossier.spaceId,
    kind: 'uploaded',
    title: { de: file.filename, fr: file.filename, en: file.filename },
    filename: file.filename,
    mediaType: file.mediaType,
    createdAt: dossier.at,
    dossierReference: dossier.reference,
    bytes: file.bytes,
  });
  return { id: doc.id, filename: doc.filename, mediaType: doc.mediaType, size: doc.size, sha256: doc.sha256 };
}
