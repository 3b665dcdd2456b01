import { createHash, randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context';
import { requireRole, requireSession, requireSpace, submittingRoles, type SpaceAccess } from '../http/access';
import { Problem, problems } from '../http/problem';
import { idempotent, requireIdempotencyKey } from '../http/idempotency';
import { checkFile, tooLarge, unsupportedType } from './files';
import { demoPersons, type DemoPerson } from '../data/persons';
import type { CoSignature, CoSignatureFile, FileRef, Session } from '../data/types';
import { dossierView } from '../data/views';
import { verifyPdfSignature } from '../pades/verifyPdfSignature';
import { verifyPdfSignatures } from '../pades/verifyPdfSignatures';
import { procedureTitle } from './procedureTitle';
import { storeDossierFile } from './storeDossierFile';

/**
 * The double signature with transfer to another space: a first signer sends the signed submission PDF to a second
 * signer's space; the second signer appends their signature (an incremental update) and completes it, which submits
 * the dossier in the first signer's space.
 */

interface CoSignatureJson {
  coSignerSpaceId: string;
  procedureId: string;
  procedureVersion: string;
  language: 'de' | 'fr' | 'en';
  data: Record<string, unknown>;
}

interface ParsedFile {
  field: string;
  filename: string;
  mediaType: string;
  bytes: Buffer;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The parts `request` (JSON, when `jsonPart`), `document` (a PDF, required) and `attachments`, with the submissions' limits. */
async function readParts(ctx: SandboxContext, request: FastifyRequest, jsonPart: string | null, allowAttachments: boolean) {
  if (!request.isMultipart()) throw unsupportedType('Send multipart/form-data.');
  let jsonText: string | null = null;
  const files: ParsedFile[] = [];
  let total = 0;
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      if (jsonPart && part.fieldname === jsonPart) jsonText = String(part.value);
      else throw problems.badRequest(`Unknown part ${part.fieldname}.`);
      continue;
    }
    const bytes = await part.toBuffer();
    if (jsonPart && part.fieldname === jsonPart) {
      jsonText = bytes.toString('utf8');
      continue;
    }
    if (part.fieldname !== 'document' && !(allowAttachments && part.fieldname === 'attachments')) {
      throw problems.badRequest(`Unknown part ${part.fieldname}.`);
    }
    if (part.fieldname === 'document' && part.mimetype !== 'application/pdf') throw unsupportedType('The document part must be application/pdf.');
    total += bytes.length;
    const filename = part.filename || part.fieldname;
    checkFile(ctx.limits, filename, part.mimetype, bytes, total);
    files.push({ field: part.fieldname, filename, mediaType: part.mimetype, bytes });
  }
  if (files.filter((f) => f.field === 'attachments').length > ctx.limits.maxFiles) throw tooLarge(`At most ${ctx.limits.maxFiles} attachments.`);
  const documents = files.filter((f) => f.field === 'document');
  if (documents.length !== 1) throw problems.badRequest('One document part (the signed PDF) is needed.');
  let json: unknown = null;
  if (jsonPart) {
    if (jsonText === null) throw problems.badRequest(`The ${jsonPart} part (JSON) is missing.`);
    try {
      json = JSON.parse(jsonText);
    } catch {
      throw problems.badRequest(`The ${jsonPart} part is not JSON.`);
    }
    const errors = ctx.contract.validateSchema('CoSignatureCreate', json);
    if (errors.length) throw problems.badRequest(`The ${jsonPart} part does not match CoSignatureCreate.`, { errors });
  }
  return { json, document: documents[0]!, attachments: files.filter((f) => f.field === 'attachments') };
}

/** As submissions: known, open, offered in the kind of space, the current version. */
function checkProcedure(ctx: SandboxContext, json: CoSignatureJson, spaceKind: 'private' | 'professional'): void {
  const entry = ctx.catalogue.get(json.procedureId);
  if (!entry) throw new Problem(422, 'procedure-unknown', 'Unknown procedure', `No procedure ${json.procedureId} in the catalogue.`);
  const def = entry.definition;
  if (ctx.closedProcedures.has(json.procedureId)) {
    throw new Problem(422, 'procedure-closed', 'Procedure closed', `${json.procedureId} does not accept submissions at the moment.`);
  }
  const audience = def.audience;
  const ok = Array.isArray(audience) ? audience.includes(spaceKind) : audience === spaceKind || audience === 'both' || audience === 'all';
  if (!ok) throw new Problem(422, 'procedure-not-available', 'Wrong space', `${json.procedureId} is not offered in a ${spaceKind} space.`);
  if (String(def.version) !== String(json.procedureVersion)) {
    throw new Problem(409, 'procedure-version-outdated', 'Form version outdated', `The current version of ${json.procedureId} is ${String(def.version)}.`);
  }
}

function personOf(session: Session): DemoPerson {
  const person = demoPersons.find((p) => p.id === session.personId);
  if (!person) throw problems.forbidden('The session has no registered person.');
  return person;
}

const fullName = (p: DemoPerson) => `${p.givenName} ${p.surname}`;

export function coSignatureView(c: CoSignature): Record<string, unknown> {
  return {
    id: c.id,
    procedureId: c.procedureId,
    procedureVersion: c.procedureVersion,
    procedureTitle: c.procedureTitle,
    requesterSpaceId: c.requesterSpaceId,
    requesterName: c.requesterName,
    coSignerSpaceId: c.coSignerSpaceId,
    coSignerName: c.coSignerName,
    status: c.status,
    dossierReference: c.dossierReference,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    document: c.document,
    attachments: c.attachments,
  };
}

/** The request, if the space is its requester's or its co-signer's; 404 otherwise (no hint that it exists). */
function requestIn(ctx: SandboxContext, access: SpaceAccess, id: string): CoSignature {
  const c = ctx.store.coSignatures.get(id);
  if (!c || (c.requesterSpaceId !== access.space.id && c.coSignerSpaceId !== access.space.id)) throw problems.notFound(`No co-signature request ${id}.`);
  return c;
}

/** Complete and decline: only the co-signer's space, by a person who may submit there. */
function requireCoSigner(c: CoSignature, access: SpaceAccess, what: string): void {
  if (c.coSignerSpaceId !== access.space.id) throw problems.forbidden(`Only the co-signer's space ${c.coSignerSpaceId} may ${what} this request.`);
  requireRole(access, submittingRoles, what);
}

function requirePending(c: CoSignature): void {
  if (c.status !== 'pending') throw new Problem(409, 'cosignature-not-pending', 'Not pending', `The co-signature request ${c.id} is ${c.status}.`);
}

const isLineEnds = (b: Buffer) => /^[\r\n\t ]*$/.test(b.toString('latin1'));

export function coSignatureRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.post('/v1/spaces/:space/cosignatures', async (request, reply) => {
    const session = requireSession(ctx, request, 'person');
    const access = requireSpace(ctx, session, (request.params as { space: string }).space);
    requireRole(access, submittingRoles, 'send for co-signature');
    const person = personOf(session);
    const key = requireIdempotencyKey(request);
    const parts = await readParts(ctx, request, 'request', true);
    const json = parts.json as CoSignatureJson;
    const coSpace = ctx.store.spaces.get(json.coSignerSpaceId);
    if (!coSpace) throw new Problem(404, 'cosigner-unknown', 'Co-signer unknown', `No space ${json.coSignerSpaceId}.`);
    if (coSpace.id === access.space.id || coSpace.id === person.privateSpaceId) {
      throw new Problem(422, 'cosigner-is-requester', 'Co-signer is the requester', `${coSpace.id} is the requester's own space.`);
    }
    checkProcedure(ctx, json, access.space.kind);
    const files = [parts.document, ...parts.attachments];
    const fingerprint = createHash('sha256')
      .update(`cosignature:${access.space.id}`)
      .update(JSON.stringify(json))
      .update(files.map((f) => `${f.field}:${f.filename}:${sha256(f.bytes)}`).join('|'))
      .digest('hex');
    return idempotent(ctx, reply, person.id, key, fingerprint, async () => {
      const result = await verifyPdfSignature(parts.document.bytes, ctx.trust);
      if (result.status !== 'valid') {
        throw new Problem(422, 'signature-invalid', 'Signature invalid', result.reason ?? 'The document carries no PAdES signature.');
      }
      if (result.coversWholeFile === false || !/%%EOF[\r\n\t ]*$/.test(parts.document.bytes.subarray(-64).toString('latin1'))) {
        throw new Problem(422, 'signature-invalid', 'Signature invalid', 'The signature does not cover the whole PDF.');
      }
      if (result.ssn !== person.ssn) {
        throw new Problem(422, 'signer-not-requester', 'Signer is not the requester', 'The PDF must be signed by the person sending it.');
      }
      return () => {
        const now = new Date().toISOString();
        const id = `COS-${randomUUID()}`;
        const stored = (f: ParsedFile, role: CoSignatureFile['role']): CoSignatureFile =>
          ctx.store.coSignatureFiles.set({
            id: `COSF-${randomUUID()}`,
            coSignatureId: id,
            role,
            filename: f.filename,
            mediaType: f.mediaType,
            size: f.bytes.length,
            sha256: sha256(f.bytes),
            bytes: f.bytes,
          });
        const doc = stored(parts.document, 'document');
        const attachments: FileRef[] = parts.attachments.map((f) => {
          const a = stored(f, 'attachment');
          return { id: a.id, filename: a.filename, mediaType: a.mediaType, size: a.size, sha256: a.sha256 };
        });
        const c = ctx.store.coSignatures.set({
          id,
          procedureId: json.procedureId,
          procedureVersion: String(json.procedureVersion),
          procedureTitle: procedureTitle(ctx, json.procedureId),
          language: json.language,
          data: json.data,
          requesterSpaceId: access.space.id,
          requesterPersonId: person.id,
          requesterName: fullName(person),
          coSignerSpaceId: coSpace.id,
          coSignerName: coSpace.name,
          status: 'pending',
          dossierReference: null,
          createdAt: now,
          updatedAt: now,
          document: { filename: doc.filename, size: doc.size, sha256: doc.sha256 },
          attachments,
        });
        return { status: 201, body: coSignatureView(c) };
      };
    });
  });

  app.get('/v1/spaces/:space/cosignatures', async (request) => {
    const session = requireSession(ctx, request, 'person');
    const { space } = requireSpace(ctx, session, (request.params as { space: string }).space);
    const items = ctx.store.coSignatures
      .values()
      .filter((c) => c.requesterSpaceId === space.id || c.coSignerSpaceId === space.id)
      .reverse()
      .map(coSignatureView);
    return { items };
  });

  app.get('/v1/spaces/:space/cosignatures/:id/document', async (request, reply) => {
    const session = requireSession(ctx, request, 'person');
    const params = request.params as { space: string; id: string };
    const c = requestIn(ctx, requireSpace(ctx, session, params.space), params.id);
    const file = ctx.store.coSignatureFiles.byParent(c.id).find((f) => f.role === 'document');
    if (!file) throw problems.notFound(`No document for ${c.id}.`);
    reply
      .type('application/pdf')
      .header('Content-Disposition', `attachment; filename="${file.filename.replace(/"/g, '')}"`)
      .header('Digest', `sha-256=${Buffer.from(file.sha256, 'hex').toString('base64')}`);
    return file.bytes;
  });

  app.post('/v1/spaces/:space/cosignatures/:id/complete', async (request, reply) => {
    const session = requireSession(ctx, request, 'person');
    const params = request.params as { space: string; id: string };
    const access = requireSpace(ctx, session, params.space);
    const found = requestIn(ctx, access, params.id);
    requireCoSigner(found, access, 'complete');
    const person = personOf(session);
    const key = requireIdempotencyKey(request);
    const { document } = await readParts(ctx, request, null, false);
    const fingerprint = createHash('sha256').update(`cosignature-complete:${found.id}:${sha256(document.bytes)}`).digest('hex');
    return idempotent(ctx, reply, person.id, key, fingerprint, async () => {
      requirePending(found);
      const storedFiles = ctx.store.coSignatureFiles.byParent(found.id);
      const original = storedFiles.find((f) => f.role === 'document')!;
      const pdf = document.bytes;
      if (pdf.length <= original.bytes.length || !pdf.subarray(0, original.bytes.length).equals(original.bytes)) {
        throw new Problem(
          422,
          'cosignature-document-changed',
          'Document changed',
          'The PDF must be the one sent for co-signature, byte for byte, with the second signature appended as an incremental update.',
        );
      }
      const result = await verifyPdfSignatures(pdf, ctx.trust);
      const invalid = (detail: string) => new Problem(422, 'signature-invalid', 'Signature invalid', detail);
      if (result.status === 'absent') throw invalid('The PDF carries no signature.');
      if (result.status === 'invalid') throw invalid(result.reason);
      const signatures = result.signatures;
      if (signatures.length < 2) throw invalid('The co-signer\'s signature is missing: the PDF has one signature.');
      const last = signatures[signatures.length - 1]!;
      const earlier = signatures.slice(0, -1);
      const firstRevisionEnd = earlier[earlier.length - 1]!.end;
      if (earlier.some((s) => s.end > original.bytes.length) || !isLineEnds(original.bytes.subarray(firstRevisionEnd))) {
        throw invalid('The earlier signatures must cover the PDF sent for co-signature.');
      }
      if (last.range[1] < original.bytes.length) throw invalid('The last signature must be in the appended update.');
      if (last.ssn !== person.ssn) {
        throw new Problem(422, 'signer-not-cosigner', 'Signer is not the co-signer', 'The last signature must be made by the person completing the request.');
      }
      return () => {
        // Again in the transaction: a decline or another completion may have come in meanwhile.
        const c = ctx.store.coSignatures.get(found.id)!;
        requirePending(c);
        const requester = demoPersons.find((p) => p.id === c.requesterPersonId);
        const now = new Date().toISOString();
        const reference = ctx.store.nextReference();
        const toDossier = (f: { filename: string; mediaType: string; bytes: Buffer }): FileRef =>
          storeDossierFile(ctx, { spaceId: c.requesterSpaceId, reference, at: now }, f);
        const attachments = [
          toDossier({ filename: original.filename, mediaType: 'application/pdf', bytes: pdf }),
          ...storedFiles.filter((f) => f.role === 'attachment').map(toDossier),
        ];
        const signers = signatures.map((s) => ({ signer: s.signer, ...(s.ssn ? { ssn: s.ssn } : {}) }));
        const first = signers[0]!;
        const dossier = ctx.store.addDossier({
          reference,
          spaceId: c.requesterSpaceId,
          procedureId: c.procedureId,
          procedureVersion: c.procedureVersion,
          procedureTitle: c.procedureTitle,
          status: 'submitted',
          repliesAllowed: false,
          createdAt: now,
          updatedAt: now,
          history: [{ status: 'submitted', at: now }],
          submittedBy: { personId: c.requesterPersonId, name: requester ? fullName(requester) : c.requesterName },
          attachments,
          signature: { status: 'valid', ...first, signers },
        });
        ctx.store.coSignatures.set({ ...c, status: 'submitted', dossierReference: reference, coSignerName: fullName(person), signers, updatedAt: now });
        return { status: 201, body: dossierView(dossier) };
      };
    });
  });

  app.post('/v1/spaces/:space/cosignatures/:id/decline', async (request) => {
    const session = requireSession(ctx, request, 'person');
    const params = request.params as { space: string; id: string };
    const access = requireSpace(ctx, session, params.space);
    const c = requestIn(ctx, access, params.id);
    requireCoSigner(c, access, 'decline');
    requirePending(c);
    const declined = ctx.store.coSignatures.set({ ...c, status: 'declined', updatedAt: new Date().toISOString() });
    return coSignatureView(declined);
  });
}
