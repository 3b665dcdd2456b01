import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context';
import { requireSession } from '../http/access';
import { Problem, problems } from '../http/problem';
import { etrackingNumber, isValidEtrackingNumber } from '../data/ids';
import { etrackingView } from '../data/views';
import type { Etracking } from '../data/types';
import { procedureTitle } from './procedureTitle';

/** eTracking for paper procedures: any session (anonymous too) may create one; the number is the only key to it. */
export function etrackingRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.post('/v1/etracking', async (request, reply) => {
    requireSession(ctx, request);
    const body = request.body as { procedureId: string; email?: string; phone?: string; language: 'de' | 'fr' | 'en' };
    if (!body.email && !body.phone) throw problems.badRequest('Give an e-mail address, a mobile number or both.');
    const entry = ctx.catalogue.get(body.procedureId);
    if (!entry) throw new Problem(422, 'procedure-unknown', 'Unknown procedure', `No procedure ${body.procedureId}.`);
    const et = entry.definition.etracking;
    if (et === false || (et && typeof et === 'object' && (et as { available?: boolean }).available === false)) {
      throw new Problem(422, 'etracking-not-offered', 'eTracking not offered', `${body.procedureId} has no eTracking.`);
    }
    let number = etrackingNumber(new Date().getUTCFullYear());
    while (ctx.store.etrackings.has(number)) number = etrackingNumber(new Date().getUTCFullYear());
    const now = new Date().toISOString();
    const e: Etracking = {
      number,
      procedureId: body.procedureId,
      procedureTitle: procedureTitle(ctx, body.procedureId),
      ...(body.email ? { email: body.email } : {}),
      ...(body.phone ? { phone: body.phone } : {}),
      language: body.language,
      status: 'awaiting_paper',
      createdAt: now,
      updatedAt: now,
      history: [{ status: 'awaiting_paper', at: now }],
    };
    ctx.store.etrackings.set(e);
    reply.code(201);
    return etrackingView(e);
  });

  app.get('/v1/etracking/:number', async (request) => {
    const { number } = request.params as { number: string };
    if (!isValidEtrackingNumber(number)) throw problems.badRequest('This is not an eTracking number (check digits).');
    const e = ctx.store.etrackings.get(number);
    if (!e) throw problems.notFound(`No eTracking ${number}.`);
    return etrackingView(e);
  });
}
