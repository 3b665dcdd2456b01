import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context';
import { requireRole, requireSession, requireSpace, submittingRoles } from '../http/access';
import { Problem, problems } from '../http/problem';
import { idempotent, requireIdempotencyKey } from '../http/idempotency';
import { checkFile, tooLarge, unsupportedType } from './files';
import { demoPersons } from '../data/persons';
import type { Dossier, FileRef } from '../data/types';
import { dossierView } from '../data/views';
import { verifyPdfSignature } from '../pades/verifyPdfSignature';
import { procedureTitle } from './procedureTitle';
import type { Session } from '../data/types';
import { confirmationMail } from './confirmationMail';
import { storeDossierFile } from './storeDossierFile';

/**
 * What a submission without a space must carry (checked before anything is written): an e-mail address to reach the
 * person (and a phone where the procedure asks), the terms accepted, and for procedures signed 'simple' the typed
 * name with the consent. Anonymous sessions must also have answered the anti-bot question.
 */
function checkWithoutSpace(ctx: SandboxContext, json: SubmissionJson, signature: unknown): void {
  if (!json.contact?.email) {
    throw new Problem(422, 'contact-required', 'Contact required', 'Without an account, an e-mail address is needed to send the confirmation.');
  }
  if (ctx.catalogue.contact(json.procedureId)?.phone === 'required' && !json.contact.phone) {
    throw new Problem(422, 'contact-phone-required', 'Phone required', `${json.procedureId} also needs a phone number.`);
  }
  if (json.termsAccepted !== true) {
    throw new Problem(422, 'terms-not-accepted', 'Terms not accepted', 'The terms of use must be accepted to submit without authentication.');
  }
  if (signature === 'simple') {
    const sig = json.simpleSignature;
    if (!sig || !sig.name.trim() || sig.consent !== true) {
      throw new Problem(422, 'simple-signature-required', 'Signature required', 'Type your name and confirm that you sign this request.');
    }
  }
}

function requireAntibotPassed(session: Session): void {
  if (session.kind !== 'anonymous') return;
  if (session.antibot === 'passed') return;
  throw new Problem(
    403,
    'antibot-required',
    'Anti-bot question required',
    session.antibot === 'used'
      ? 'This session has submitted already: answer a new anti-bot question for the next procedure.'
      : 'Answer the anti-bot question (POST /auth/anonymous with challengeId and answer) before submitting.',
  );
}

interface SubmissionJson {
  procedureId: string;
  procedureVersion: string;
  language: 'de' | 'fr' | 'en';
  data: Record<string, unknown>;
  contact?: { email: string; phone?: string };
  termsAccepted?: boolean;
  simpleSignature?: { name: string; consent: boolean; signedAt: string };
}

interface ParsedFile {
  field: string;
  filename: string;
  mediaType: string;
  bytes: Buffer;
}

async function readMultipart(ctx: SandboxContext, request: FastifyRequest): Promise<{ json: SubmissionJson; files: ParsedFile[] }> {
  if (!request.isMultipart()) throw unsupportedType('Send multipart/form-data.');
  let jsonText: string | null = null;
  const files: ParsedFile[] = [];
  let total = 0;
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      if (part.fieldname === 'submission') jsonText = String(part.value);
      continue;
    }
    const bytes = await part.toBuffer();
    if (part.fieldname === 'submission') {
      jsonText = bytes.toString('utf8');
      continue;
    }
    if (part.fieldname !== 'document' && part.fieldname !== 'attachments') {
      throw problems.badRequest(`Unknown part ${part.fieldname}.`);
    }
    total += bytes.length;
    const filename = part.filename || part.fieldname;
    if (part.fieldname === 'document' && part.mimetype !== 'application/pdf') {
      throw unsupportedType('The document part must be application/pdf.');
    }
    checkFile(ctx.limits, filename, part.mimetype, bytes, total);
    files.push({ field: part.fieldname, filename, mediaType: part.mimetype, bytes });
  }
  if (files.filter((f) => f.field === 'attachments').length > ctx.limits.maxFiles) {
    throw tooLarge(`At most ${ctx.limits.maxFiles} attachments.`);
  }
  if (jsonText === null) throw problems.badRequest('The submission part (JSON) is missing.');
  let json: unknown;
  try {
    json = JSON.parse(jsonText);
  } catch {
    throw problems.badRequest('The submission part is not JSON.');
  }
  const errors = ctx.contract.validateSchema('SubmissionData', json);
  if (errors.length) throw problems.badRequest('The submission part does not match SubmissionData.', { errors });
  return { json: json as SubmissionJson, files };
}

async function submit(ctx: SandboxContext, request: FastifyRequest, reply: FastifyReply, session: Session, spaceId: string | null) {
  const key = requireIdempotencyKey(request);
  const { json, files } = await readMultipart(ctx, request);
  const entry = ctx.catalogue.get(json.procedureId);
  if (!entry) throw new Problem(422, 'procedure-unknown', 'Unknown procedure', `No procedure ${json.procedureId} in the catalogue.`);
  const def = entry.definition;
  if (ctx.closedProcedures.has(json.procedureId)) {
    throw new Problem(422, 'procedure-closed', 'Procedure closed', `${json.procedureId} does not accept submissions at the moment.`);
  }
  const space = spaceId ? ctx.store.spaces.get(spaceId)! : null;
  if (def.requiresAuthentication && !space) {
    throw new Problem(403, 'authentication-required', 'Authentication required', `${json.procedureId} needs a signed-in person and a space.`);
  }
  if (space) {
    const audience = def.audience;
    const wanted = space.kind === 'private' ? 'private' : 'professional';
    const ok = Array.isArray(audience) ? audience.includes(wanted) : audience === wanted || audience === 'both' || audience === 'all';
    if (!ok) {
      throw new Problem(422, 'procedure-not-available', 'Wrong space', `${json.procedureId} is not offered in a ${wanted} space.`);
    }
  }
  if (String(def.version) !== String(json.procedureVersion)) {
    throw new Problem(409, 'procedure-version-outdated', 'Form version outdated', `The current version of ${json.procedureId} is ${String(def.version)}.`);
  }
  if (!space) checkWithoutSpace(ctx, json, def.signature);
  // An anonymous session's id outlives its token (renewals), so a retry after a renewal still replays.
  const principal = session.personId ?? `anonymous:${session.anonymousId ?? session.token}`;
  const fingerprint = createHash('sha256')
    .update(JSON.stringify(json))
    .update(files.map((f) => `${f.field}:${f.filename}:${createHash('sha256').update(f.bytes).digest('hex')}`).join('|'))
    .digest('hex');
  return idempotent(ctx, reply, principal, key, fingerprint, async () => {
    // Here, not before: a replay of an accepted submission must not need a second answer.
    if (!space) requireAntibotPassed(session);
    const document = files.find((f) => f.field === 'document');
    let signature: Dossier['signature'] = { status: 'absent' };
    if (document) {
      const result = await verifyPdfSignature(document.bytes, ctx.trust);
      if (result.status === 'invalid') {
        throw new Problem(422, 'signature-invalid', 'Signature invalid', result.reason ?? 'The PDF signature does not verify.');
      }
      if (result.status === 'valid') signature = { status: 'valid', signer: result.signer!, ...(result.ssn ? { ssn: result.ssn } : {}) };
    }
    if (ctx.requireSignature && def.requiresAuthentication && signature.status !== 'valid') {
      throw new Problem(422, 'signature-required', 'Signature required', 'This procedure needs the signed PDF (PAdES).');
    }
    // Checked; what follows is written in the transaction that keeps the answer.
    return () => {
      // Again at the commit: two submissions racing on one answered session get one dossier, not two.
      if (!space) requireAntibotPassed(session);
      const person = demoPersons.find((p) => p.id === session.personId);
      const now = new Date().toISOString();
      const reference = ctx.store.nextReference();
      const attachments: FileRef[] = files.map((f) => storeDossierFile(ctx, { spaceId: space?.id ?? '', reference, at: now }, f));
      const dossier = ctx.store.addDossier({
        reference,
        spaceId: space?.id ?? null,
        procedureId: json.procedureId,
        procedureVersion: String(json.procedureVersion),
        procedureTitle: procedureTitle(ctx, json.procedureId),
        status: 'submitted',
        repliesAllowed: false,
        createdAt: now,
        updatedAt: now,
        history: [{ status: 'submitted', at: now }],
        submittedBy: { personId: person?.id ?? null, name: person ? `${person.givenName} ${person.surname}` : (json.simpleSignature?.name.trim() || 'anonymous') },
        attachments,
        signature: json.simpleSignature ? { ...signature, simple: { name: json.simpleSignature.name.trim(), signedAt: json.simpleSignature.signedAt } } : signature,
      });
      if (!space && json.contact) {
        // No space and no mailbox: the e-mail with the reference is all the person keeps (recorded, never sent).
        ctx.store.addOutgoingMail(confirmationMail(dossier, json.contact.email, json.language, now));
      }
      if (session.kind === 'anonymous') session.antibot = 'used';
      return { status: 201, body: dossierView(dossier) };
    };
  });
}

export function submissionRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.post('/v1/spaces/:space/submissions', async (request, reply) => {
    const session = requireSession(ctx, request, 'person');
    const access = requireSpace(ctx, session, (request.params as { space: string }).space);
    requireRole(access, submittingRoles, 'submit');
    return submit(ctx, request, reply, session, access.space.id);
  });

  /** Procedures without authentication: an anonymous session, no space, no follow-up besides the reference. */
  app.post('/v1/submissions', async (request, reply) => {
    const session = requireSession(ctx, request);
    return submit(ctx, request, reply, session, null);
  });
}
