import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context';
import { demoCompany, demoPersons } from '../data/persons';
import { requireRole, requireSession, requireSpace, submittingRoles } from '../http/access';
import { Problem, problems } from '../http/problem';
import { changeView, documentView, dossierView, messageView } from '../data/views';
import { idempotent, requireIdempotencyKey } from '../http/idempotency';
import { checkFile } from './files';
import type { FileRef } from '../data/types';
import { randomUUID } from 'node:crypto';

interface CursorValue {
  seq: number;
}

export function encodeCursor(epoch: string, seq: number): string {
  return Buffer.from(`${epoch}:${seq}`).toString('base64url');
}

function decodeCursor(epoch: string, cursor: string | undefined): CursorValue {
  if (!cursor) return { seq: 0 };
  const m = /^([0-9a-f]{8}):(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) throw problems.badRequest('The cursor is not one this server gave.');
  if (m[1] !== epoch) {
    throw new Problem(410, 'cursor-expired', 'Cursor expired', 'The server was reset: sync again from the start (no cursor).');
  }
  return { seq: Number(m[2]) };
}

export function spaceRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get('/v1/spaces', async (request) => {
    const session = requireSession(ctx, request, 'person');
    const person = demoPersons.find((p) => p.id === session.personId)!;
    const items: Record<string, unknown>[] = [{ id: person.privateSpaceId, kind: 'private', name: `${person.givenName} ${person.surname}`, role: null }];
    for (const space of ctx.store.spaces.values()) {
      if (space.kind !== 'professional') continue;
      const member = (ctx.store.members.get(space.id) ?? []).find((m) => m.personId === person.id && m.status === 'active');
      if (member) items.push({ id: space.id, kind: 'professional', name: space.name, role: member.role });
    }
    return { items };
  });

  app.get('/v1/spaces/:space/personal-data', async (request) => {
    const session = requireSession(ctx, request, 'person');
    const { space } = requireSpace(ctx, session, (request.params as { space: string }).space);
    if (space.kind === 'private') {
      const p = demoPersons.find((x) => x.id === space.ownerPersonId)!;
      return {
        kind: 'private',
        spaceId: space.id,
        civil: {
          matricule: p.matricule,
          givenName: p.givenName,
          surname: p.surname,
          birthDate: p.birthDate,
          birthPlace: p.birthPlace,
          sex: p.sex,
          nationality: p.nationality,
        },
        address: p.address,
        contact: { email: p.email, phone: p.phone },
        vehicles: p.vehicles,
        source: { de: 'Nationales Register natürlicher Personen (SANDBOX)', fr: 'Registre national des personnes physiques (SANDBOX)', en: 'National register of natural persons (SANDBOX)' },
        updatedAt: '2026-01-15T09:00:00.000Z',
      };
    }
    return {
      kind: 'professional',
      spaceId: space.id,
      company: {
        name: demoCompany.name,
        legalForm: demoCompany.legalForm,
        rcsNumber: demoCompany.rcsNumber,
        vatNumber: demoCompany.vatNumber,
        matricule: demoCompany.matricule,
        address: demoCompany.address,
      },
      contact: demoCompany.contact,
      vatBalance: { amount: '-1250.40', currency: 'EUR', asOf: '2026-09-30' },
      source: { de: 'Handels- und Firmenregister (SANDBOX)', fr: 'Registre de commerce et des sociétés (SANDBOX)', en: 'Trade and companies register (SANDBOX)' },
      updatedAt: '2026-01-15T09:00:00.000Z',
    };
  });

  app.get('/v1/spaces/:space/documents', async (request) => {
    const session = requireSession(ctx, request, 'person');
    const { space } = requireSpace(ctx, session, (request.params as { space: string }).space);
    const items = [...ctx.store.documents.values()].filter((d) => d.spaceId === space.id).map(documentView);
    return { items };
  });

  app.get('/v1/spaces/:space/documents/:id', async (request) => {
    const session = requireSession(ctx, request, 'person');
    const params = request.params as { space: string; id: string };
    const { space } = requireSpace(ctx, session, params.space);
    const doc = ctx.store.documents.get(params.id);
    if (!doc || doc.spaceId !== space.id) throw problems.notFound(`No document ${params.id}.`);
    return documentView(doc);
  });

  app.get('/v1/spaces/:space/documents/:id/content', async (request, reply) => {
    const session = requireSession(ctx, request, 'person');
    const params = request.params as { space: string; id: string };
    const { space } = requireSpace(ctx, session, params.space);
    const doc = ctx.store.documents.get(params.id);
    if (!doc || doc.spaceId !== space.id) throw problems.notFound(`No document ${params.id}.`);
    reply
      .type(doc.mediaType)
      .header('Content-Disposition', `attachment; filename="${doc.filename.replace(/"/g, '')}"`)
      .header('Digest', `sha-256=${Buffer.from(doc.sha256, 'hex').toString('base64')}`);
    return doc.bytes;
  });

  app.get('/v1/spaces/:space/dossiers', async (request) => {
    const session = requireSession(ctx, request, 'person');
    const { space } = requireSpace(ctx, session, (request.params as { space: string }).space);
    const items = [...ctx.store.dossiers.values()].filter((d) => d.spaceId === space.id).map(dossierView);
    return { items };
  });

  app.get('/v1/spaces/:space/dossiers/:ref', async (request) => {
    const session = requireSession(ctx, request, 'person');
    const params = request.params as { space: string; ref: string };
    const { space } = requireSpace(ctx, session, params.space);
    const d = ctx.store.dossiers.get(params.ref);
    if (!d || d.spaceId !== space.id) throw problems.notFound(`No dossier ${params.ref}.`);
    return dossierView(d);
  });

  app.get('/v1/spaces/:space/dossiers/:ref/messages', async (request) => {
    const session = requireSession(ctx, request, 'person');
    const params = request.params as { space: string; ref: string };
    const { space } = requireSpace(ctx, session, params.space);
    const d = ctx.store.dossiers.get(params.ref);
    if (!d || d.spaceId !== space.id) throw problems.notFound(`No dossier ${params.ref}.`);
    const items = ctx.store.messageIdsOf(d.reference).map((id) => messageView(ctx.store.messages.get(id)!));
    return { items };
  });

  app.post('/v1/spaces/:space/dossiers/:ref/messages/:id/read', async (request, reply) => {
    const session = requireSession(ctx, request, 'person');
    const params = request.params as { space: string; ref: string; id: string };
    const { space } = requireSpace(ctx, session, params.space);
    const key = requireIdempotencyKey(request);
    const d = ctx.store.dossiers.get(params.ref);
    if (!d || d.spaceId !== space.id) throw problems.notFound(`No dossier ${params.ref}.`);
    const found = ctx.store.messages.get(params.id);
    if (!found || found.dossierReference !== d.reference || found.direction !== 'authority') throw problems.notFound(`No message ${params.id} from the authority in ${d.reference}.`);
    const { read } = request.body as { read: boolean };
    const fingerprint = createHash('sha256').update(JSON.stringify({ id: params.id, read })).digest('hex');
    return idempotent(ctx, reply, session.personId!, key, fingerprint, async () => () => {
      const m = ctx.store.setMessageRead(ctx.store.messages.get(params.id)!, read);
      return { status: 200, body: { id: m.id, read: m.read ?? false } };
    });
  });

  app.post('/v1/spaces/:space/dossiers/:ref/replies', async (request, reply) => {
    const session = requireSession(ctx, request, 'person');
    const params = request.params as { space: string; ref: string };
    const access = requireSpace(ctx, session, params.space);
    requireRole(access, submittingRoles, 'reply');
    const key = requireIdempotencyKey(request);
    const d = ctx.store.dossiers.get(params.ref);
    if (!d || d.spaceId !== access.space.id) throw problems.notFound(`No dossier ${params.ref}.`);
    const body = request.body as {
      subject?: string;
      body: string;
      language: 'de' | 'fr' | 'en';
      attachments?: { filename: string; mediaType: string; contentBase64: string }[];
    };
    const fingerprint = createHash('sha256').update(JSON.stringify(body)).digest('hex');
    return idempotent(ctx, reply, session.personId!, key, fingerprint, async () => {
      if (!d.repliesAllowed) {
        throw new Problem(409, 'replies-not-allowed', 'Replies not allowed', `The authority does not accept replies on ${d.reference} now.`);
      }
      // A file that breaks the limits rolls the whole reply back.
      return () => {
        const person = demoPersons.find((p) => p.id === session.personId)!;
        const files: FileRef[] = [];
        let total = 0;
        for (const a of body.attachments ?? []) {
          const bytes = Buffer.from(a.contentBase64, 'base64');
          total += bytes.length;
          checkFile(ctx.limits, a.filename, a.mediaType, bytes, total);
          const doc = ctx.store.addDocument({
            id: `DOC-${randomUUID()}`,
            spaceId: access.space.id,
            kind: 'uploaded',
            title: { de: a.filename, fr: a.filename, en: a.filename },
            filename: a.filename,
            mediaType: a.mediaType,
            createdAt: new Date().toISOString(),
            dossierReference: d.reference,
            bytes,
          });
          files.push({ id: doc.id, filename: doc.filename, mediaType: doc.mediaType, size: doc.size, sha256: doc.sha256 });
        }
        const subject = body.subject ?? `Re: ${d.reference}`;
        const m = ctx.store.addMessage({
          id: ctx.store.nextMessageId(),
          dossierReference: d.reference,
          spaceId: d.spaceId,
          direction: 'person',
          sentAt: new Date().toISOString(),
          subject: { [body.language]: subject },
          body: { [body.language]: body.body },
          author: `${person.givenName} ${person.surname}`,
          attachments: files,
        });
        return { status: 201, body: messageView(m) };
      };
    });
  });

  app.get('/v1/spaces/:space/changes', async (request) => {
    const session = requireSession(ctx, request, 'person');
    const { space } = requireSpace(ctx, session, (request.params as { space: string }).space);
    const q = request.query as { cursor?: string; limit?: string };
    const limit = q.limit === undefined ? 100 : Number(q.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw problems.badRequest('limit must be an integer from 1 to 1000.');
    const { seq } = decodeCursor(ctx.store.epoch, q.cursor);
    const { entries, end, hasMore, remaining } = ctx.store.changesAfter(space.id, seq, limit);
    let items = entries.map(changeView);
    let last = end;
    let more = hasMore;
    if (entries.length && ctx.faults.take('duplicate', request.method, request.url.split('?')[0]!)) {
      // Duplicate delivery: the page carries its items twice, and the next page starts again halfway through.
      items = [...items, ...items];
      const half = entries[Math.floor((entries.length - 1) / 2)]!;
      last = entries.length > 1 ? half.seq : seq;
      more = true;
    }
    return { items, nextCursor: encodeCursor(ctx.store.epoch, last), hasMore: more, ...(more === hasMore ? { remaining } : {}) };
  });
}
