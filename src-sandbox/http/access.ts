import type { FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context';
import type { Member, Session, Space } from '../data/types';
import type { Role } from '../data/persons';
import { Problem, problems } from './problem';

export function bearer(request: FastifyRequest): string | null {
  const h = request.headers.authorization;
  if (!h) return null;
  const m = /^Bearer\s+(.+)$/i.exec(h);
  return m ? m[1]!.trim() : null;
}

/** The request's live session; 401 when missing, unknown or expired. */
export function requireSession(ctx: SandboxContext, request: FastifyRequest, kind?: 'person'): Session {
  const token = bearer(request);
  if (!token) throw problems.unauthenticated();
  const session = ctx.store.sessions.get(token);
  if (!session) throw problems.unauthenticated('The session token is unknown.');
  if (session.expiresAt <= Date.now()) {
    ctx.store.sessions.delete(token);
    throw new Problem(401, 'session-expired', 'Session expired', 'The session has expired: renew it before it ends, or sign in again.');
  }
  if (kind === 'person' && session.kind !== 'person') {
    throw new Problem(403, 'authentication-required', 'Authentication required', 'This needs a session opened with a certificate.');
  }
  return session;
}

export interface SpaceAccess {
  space: Space;
  member: Member | null;
  role: Role | 'owner';
}

/** The space, if the session's person may see it; 404 otherwise (no hint that it exists). */
export function requireSpace(ctx: SandboxContext, session: Session, spaceId: string): SpaceAccess {
  const space = ctx.store.spaces.get(spaceId);
  if (!space || !session.personId) throw problems.notFound(`No space ${spaceId}.`);
  if (space.kind === 'private') {
    if (space.ownerPersonId !== session.personId) throw problems.notFound(`No space ${spaceId}.`);
    return { space, member: null, role: 'owner' };
  }
  const member = (ctx.store.members.get(space.id) ?? []).find((m) => m.personId === session.personId && m.status === 'active');
  if (!member) throw problems.notFound(`No space ${spaceId}.`);
  return { space, member, role: member.role };
}

/** Roles that may submit and reply in a professional space. */
export const submittingRoles: readonly (Role | 'owner')[] = ['owner', 'administrator', 'manager', 'signer'];

export function requireRole(access: SpaceAccess, allowed: readonly (Role | 'owner')[], what: string): void {
  if (!allowed.includes(access.role)) {
    throw problems.forbidden(`The role ${access.role} may not ${what} in ${access.space.id}.`);
  }
}
