import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context';
import { Problem, problems } from '../http/problem';
import { bearer } from '../http/access';
import { dossierStatuses, etrackingStatuses, finalStatuses, type DossierStatus, type EtrackingStatus } from '../data/types';
import { toLocalized, type LocalizedText } from '../data/localized';
import { dossierView, messageView, documentView, etrackingView } from '../data/views';
import { seedBulk } from '../data/seed';
import { describeFault, faultKinds, type FaultSpec } from '../http/faults';
import { procedureTitle } from './procedureTitle';
import { checkFile } from './files';
import { demoPersons, demoCompany } from '../data/persons';

/** The operator API (its own bearer token): plays the administration in tests and demos. Not part of the public API. */
export function operatorRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  const expected = Buffer.from(ctx.operatorToken);
  const guard = async (request: FastifyRequest) => {
    const t = Buffer.from(bearer(request) ?? '');
    if (t.length !== expected.length || !timingSafeEqual(t, expected)) {
      throw new Problem(401, 'operator-unauthenticated', 'Operator token required', 'Send the operator token as a bearer token.');
    }
  };
  const dossierOf = (request: FastifyRequest) => {
    const ref = (request.params as { ref: string }).ref;
    const d = ctx.store.dossiers.get(ref);
    if (!d) throw problems.notFound(`No dossier ${ref}.`);
    return d;
  };

  app.register(async (op) => {
    op.addHook('onRequest', guard);

    op.get('/operator/persons', async () => ({
      persons: demoPersons.map((p) => ({
        id: p.id,
        name: `${p.givenName} ${p.surname}`,
        ssn: p.ssn,
        privateSpaceId: p.privateSpaceId,
        auth: ctx.pki.persons[p.id]?.auth,
        sign: ctx.pki.persons[p.id]?.sign,
      })),
      companySpaceId: demoCompany.spaceId,
      pkiDir: ctx.pki.dir,
      pkcs12Password: ctx.pki.pkcs12Password,
    }));

    op.get('/operator/dossiers', async (request) => {
      const { space } = request.query as { space?: string };
      return { items: [...ctx.store.dossiers.values()].filter((d) => !space || d.spaceId === space).map(dossierView) };
    });

    op.post('/operator/dossiers/:ref/status', async (request) => {
      const d = dossierOf(request);
      const body = (request.body ?? {}) as { status: DossierStatus; note?: string | LocalizedText; repliesAllowed?: boolean };
      if (!dossierStatuses.includes(body.status)) throw problems.badRequest(`status must be one of ${dossierStatuses.join(', ')}.`);
      if (finalStatuses.includes(d.status)) throw problems.conflict('dossier-closed', `${d.reference} is ${d.status}.`);
      ctx.store.setStatus(d, body.status, new Date().toISOString(), body.note ? toLocalized(body.note) : undefined, body.repliesAllowed);
      return dossierView(d);
    });

    op.post('/operator/dossiers/:ref/replies-allowed', async (request) => {
      const d = dossierOf(request);
      d.repliesAllowed = Boolean((request.body as { allowed?: boolean } | undefined)?.allowed);
      d.updatedAt = new Date().toISOString();
      ctx.store.touchDossier(d);
      return dossierView(d);
    });

    op.post('/operator/dossiers/:ref/messages', async (request, reply) => {
      const d = dossierOf(request);
      const body = request.body as {
        subject: string | LocalizedText;
        body: string | LocalizedText;
        author?: string;
        repliesAllowed?: boolean;
        bodyFormat?: 'text' | 'rich';
        /** Files sent with the message: kept as issued documents of the dossier. */
        attachments?: { title?: string | LocalizedText; filename: string; mediaType: string; contentBase64: string }[];
      };
      if (!body?.subject || !body.body) throw problems.badRequest('subject and body are required.');
      if (body.bodyFormat !== undefined && body.bodyFormat !== 'text' && body.bodyFormat !== 'rich') throw problems.badRequest('bodyFormat must be text or rich.');
      if (body.repliesAllowed !== undefined) {
        d.repliesAllowed = body.repliesAllowed;
        ctx.store.touchDossier(d);
      }
      const attachments = (body.attachments ?? []).map((a) => {
        const bytes = Buffer.from(a.contentBase64 ?? '', 'base64');
        checkFile(ctx.limits, a.filename, a.mediaType, bytes, bytes.length);
        const doc = ctx.store.addDocument({
          id: `DOC-${randomUUID()}`,
          spaceId: d.spaceId ?? '',
          kind: 'issued',
          title: toLocalized(a.title ?? a.filename),
          filename: a.filename,
          mediaType: a.mediaType,
          createdAt: new Date().toISOString(),
          dossierReference: d.reference,
          bytes,
        });
        return { id: doc.id, filename: doc.filename, mediaType: doc.mediaType, size: doc.size, sha256: doc.sha256 };
      });
      const m = ctx.store.addMessage({
        id: ctx.store.nextMessageId(),
        dossierReference: d.reference,
        spaceId: d.spaceId,
        direction: 'authority',
        sentAt: new Date().toISOString(),
        subject: toLocalized(body.subject),
        body: toLocalized(body.body),
        author: body.author ?? 'Administration (SANDBOX)',
        attachments,
        ...(body.bodyFormat ? { bodyFormat: body.bodyFormat } : {}),
      });
      reply.code(201);
      return messageView(m);
    });

    /** A message as the authority holds it, with its read state and how many mark-read requests reached it. */
    op.get('/operator/messages/:id', async (request) => {
      const m = ctx.store.messages.get((request.params as { id: string }).id);
      if (!m) throw problems.notFound('No such message.');
      return { ...messageView(m), read: m.read ?? false, readRequests: m.readRequests ?? 0 };
    });

    /** The person marks it read or unread elsewhere (another device, the portal): the feed carries the mark. */
    op.post('/operator/messages/:id/read', async (request) => {
      const m = ctx.store.messages.get((request.params as { id: string }).id);
      if (!m || m.direction !== 'authority') throw problems.notFound('No such message from the authority.');
      const { read } = (request.body ?? {}) as { read?: unknown };
      if (typeof read !== 'boolean') throw problems.badRequest('read must be true or false.');
      const marked = ctx.store.setMessageRead(m, read);
      return { id: marked.id, read: marked.read ?? false };
    });

    op.post('/operator/dossiers/:ref/documents', async (request, reply) => {
      const d = dossierOf(request);
      const body = request.body as { title: string | LocalizedText; filename: string; mediaType: string; contentBase64: string; message?: boolean };
      const bytes = Buffer.from(body.contentBase64 ?? '', 'base64');
      checkFile(ctx.limits, body.filename, body.mediaType, bytes, bytes.length);
      const doc = ctx.store.addDocument({
        id: `DOC-${randomUUID()}`,
        spaceId: d.spaceId ?? '',
        kind: 'issued',
        title: toLocalized(body.title),
        filename: body.filename,
        mediaType: body.mediaType,
        createdAt: new Date().toISOString(),
        dossierReference: d.reference,
        bytes,
      });
      if (body.message !== false) {
        ctx.store.addMessage({
          id: ctx.store.nextMessageId(),
          dossierReference: d.reference,
          spaceId: d.spaceId,
          direction: 'authority',
          sentAt: doc.createdAt,
          subject: doc.title,
          body: { de: 'Ein neues Dokument liegt vor.', fr: 'Un nouveau document est disponible.', en: 'A new document is available.' },
          author: 'Administration (SANDBOX)',
          attachments: [{ id: doc.id, filename: doc.filename, mediaType: doc.mediaType, size: doc.size, sha256: doc.sha256 }],
        });
      }
      reply.code(201);
      return documentView(doc);
    });

    op.post('/operator/seed', async (request) => {
      const body = (request.body ?? {}) as { spaceId?: string; dossiers?: number; messages?: number };
      const spaceId = body.spaceId ?? demoPersons[0]!.privateSpaceId;
      if (!ctx.store.spaces.has(spaceId)) throw problems.notFound(`No space ${spaceId}.`);
      const t = performance.now();
      const r = seedBulk(ctx.store, (id) => procedureTitle(ctx, id), spaceId, body.dossiers ?? 0, body.messages ?? 0);
      return { ...r, spaceId, ms: Math.round(performance.now() - t) };
    });

    op.post('/operator/etracking/:number/status', async (request) => {
      const e = ctx.store.etrackings.get((request.params as { number: string }).number);
      if (!e) throw problems.notFound('No such eTracking number.');
      const { status } = request.body as { status: EtrackingStatus };
      if (!etrackingStatuses.includes(status)) throw problems.badRequest(`status must be one of ${etrackingStatuses.join(', ')}.`);
      e.status = status;
      e.updatedAt = new Date().toISOString();
      e.history.push({ status, at: e.updatedAt });
      ctx.store.etrackings.set(e);
      return etrackingView(e);
    });

    /** Plays a reset of the authority: its data start over (the seed again) and cursors of before get 410. */
    op.post('/operator/reset', async () => {
      ctx.reset();
      return { epoch: ctx.store.epoch, dossiers: ctx.store.dossiers.size, messages: ctx.store.messages.size };
    });

    /** The e-mails the authority would have sent (it sends none), oldest first; ?to= and ?reference= filter. */
    op.get('/operator/outgoing-mail', async (request) => {
      const { to, reference } = request.query as { to?: string; reference?: string };
      const items = ctx.store.outgoingMail.values().filter((m) => (!to || m.to === to) && (!reference || m.dossierReference === reference));
      return { items };
    });

    /** The expected answer of an open anti-bot question: tests and demos play the person. */
    op.get('/operator/antibot/:id', async (request) => {
      const answer = ctx.antibot.answerOf((request.params as { id: string }).id);
      if (answer === undefined) throw problems.notFound('No open anti-bot question with this id.');
      return { answer };
    });

    op.get('/operator/counters', async () => ({
      dossiers: ctx.store.dossiers.size,
      messages: ctx.store.messages.size,
      documents: ctx.store.documents.size,
      sessions: ctx.store.sessions.size,
      acceptedByKey: ctx.store.acceptedByKey(),
    }));

    /** Closes a procedure for now (or opens it again): its submissions are refused with procedure-closed. */
    op.post('/operator/procedures/:id/closed', async (request) => {
      const id = (request.params as { id: string }).id;
      if (!ctx.catalogue.get(id)) throw problems.notFound(`No procedure ${id}.`);
      const closed = (request.body as { closed?: unknown } | null)?.closed !== false;
      if (closed) ctx.closedProcedures.add(id);
      else ctx.closedProcedures.delete(id);
      return { id, closed };
    });

    op.get('/operator/faults', async () => ({ items: ctx.faults.active().map(describeFault) }));
    op.post('/operator/faults', async (request, reply) => {
      const spec = request.body as FaultSpec;
      if (!spec || !faultKinds.includes(spec.kind)) throw problems.badRequest(`kind must be one of ${faultKinds.join(', ')}.`);
      reply.code(201);
      return describeFault(ctx.faults.add(spec));
    });
    op.delete('/operator/faults', async (_request, reply) => {
      ctx.faults.clear();
      reply.code(204);
      return null;
    });
  });
}
