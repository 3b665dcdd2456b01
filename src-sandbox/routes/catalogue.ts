import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context';
import { etagMatches } from '../catalogue/catalogue';
import { problems } from '../http/problem';

/** The catalogue is public: the procedures without authentication are listed before any sign-in. */
export function catalogueRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get('/v1/catalogue', async (request, reply) => {
    const { audience } = request.query as { audience?: string };
    if (audience && audience !== 'private' && audience !== 'professional') {
      throw problems.badRequest('audience must be private or professional.');
    }
    const etag = ctx.catalogue.listEtag + (audience ? `;${audience}` : '');
    const quoted = `"${etag.replace(/"/g, '')}"`;
    reply.header('ETag', quoted).header('Cache-Control', 'no-cache');
    if (etagMatches(request.headers['if-none-match'], quoted)) {
      reply.code(304);
      return null;
    }
    return { etag: quoted, items: ctx.catalogue.summaries(audience) };
  });

  app.get('/v1/catalogue/:id', async (request, reply) => {
    const { id } = request.params as { id: string };
    const entry = ctx.catalogue.get(id);
    if (!entry) throw problems.notFound(`No procedure ${id}.`);
    reply.header('ETag', entry.etag).header('Cache-Control', 'no-cache');
    if (etagMatches(request.headers['if-none-match'], entry.etag)) {
      reply.code(304);
      return null;
    }
    reply.type('application/json');
    return entry.body;
  });
}
