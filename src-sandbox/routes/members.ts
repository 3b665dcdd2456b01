import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context';
import { requireRole, requireSession, requireSpace } from '../http/access';
import { Problem, problems } from '../http/problem';
import { demoPersons, type Role } from '../data/persons';
import type { Member } from '../data/types';
import { memberView } from '../data/views';

/** Professional spaces: only administrators manage members; the space keeps at least one active administrator. */
export function memberRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  const professional = (request: FastifyRequest) => {
    const session = requireSession(ctx, request, 'person');
    const access = requireSpace(ctx, session, (request.params as { space: string }).space);
    if (access.space.kind !== 'professional') {
      throw new Problem(409, 'not-professional-space', 'Not a professional space', 'Only professional spaces have members.');
    }
    return { session, access, list: ctx.store.members.get(access.space.id) };
  };
  const activeAdmins = (list: Member[]) => list.filter((m) => m.role === 'administrator' && m.status === 'active');
  const lastAdmin = () =>
    new Problem(409, 'last-administrator', 'Last administrator', 'A professional space must keep at least one active administrator.');

  app.get('/v1/spaces/:space/members', async (request) => ({ items: professional(request).list.map(memberView) }));

  app.post('/v1/spaces/:space/members', async (request, reply) => {
    const { access, list } = professional(request);
    requireRole(access, ['administrator'], 'invite members');
    const body = request.body as { firstName: string; lastName: string; email: string; ssn: string; role: Role; certificateScope?: 'this' | 'all' };
    if (list.some((m) => m.ssn === body.ssn)) {
      throw new Problem(409, 'already-member', 'Already a member', 'A member or invitation with this SSN exists.');
    }
    const person = demoPersons.find((p) => p.ssn === body.ssn);
    const member: Member = {
      id: `MEM-${randomUUID()}`,
      spaceId: access.space.id,
      personId: person?.id ?? null,
      ssn: body.ssn,
      firstName: body.firstName,
      lastName: body.lastName,
      email: body.email,
      role: body.role,
      status: 'invited',
      certificateScope: body.certificateScope ?? 'all',
      invitedAt: new Date().toISOString(),
    };
    ctx.store.putMember(member);
    reply.code(201);
    return memberView(member);
  });

  app.patch('/v1/spaces/:space/members/:member', async (request) => {
    const { access, list } = professional(request);
    requireRole(access, ['administrator'], 'change roles');
    const m = list.find((x) => x.id === (request.params as { member: string }).member);
    if (!m) throw problems.notFound('No such member.');
    const { role } = request.body as { role: Role };
    if (m.role === 'administrator' && role !== 'administrator' && m.status === 'active' && activeAdmins(list).length <= 1) {
      throw lastAdmin();
    }
    m.role = role;
    ctx.store.putMember(m);
    return memberView(m);
  });

  app.delete('/v1/spaces/:space/members/:member', async (request, reply) => {
    const { access, list } = professional(request);
    requireRole(access, ['administrator'], 'remove members');
    const m = list.find((x) => x.id === (request.params as { member: string }).member);
    if (!m) throw problems.notFound('No such member.');
    if (m.role === 'administrator' && m.status === 'active' && activeAdmins(list).length <= 1) throw lastAdmin();
    ctx.store.removeMember(m.id);
    reply.code(204);
    return null;
  });

  /** Invitations waiting for the signed-in person (matched by the SSN of their certificates). */
  app.get('/v1/invitations', async (request) => {
    const session = requireSession(ctx, request, 'person');
    const items = [];
    for (const m of ctx.store.members.all()) {
      if (m.personId === session.personId && m.status === 'invited') {
        items.push({ id: m.id, spaceId: m.spaceId, spaceName: ctx.store.spaces.get(m.spaceId)!.name, role: m.role, invitedAt: m.invitedAt });
      }
    }
    return { items };
  });

  const answer = (accept: boolean) => async (request: FastifyRequest) => {
    const session = requireSession(ctx, request, 'person');
    const id = (request.params as { id: string }).id;
    const m = ctx.store.members.all().find((x) => x.id === id && x.personId === session.personId && x.status === 'invited');
    if (!m) throw problems.notFound('No such invitation.');
    if (accept) {
      m.status = 'active';
      ctx.store.putMember(m);
    } else ctx.store.removeMember(m.id);
    return accept ? memberView(m) : { ...memberView(m), status: 'refused' };
  };
  app.post('/v1/invitations/:id/accept', answer(true));
  app.post('/v1/invitations/:id/refuse', answer(false));
}
