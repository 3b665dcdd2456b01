import type { FastifyInstance, FastifyReply } from 'fastify';
import type { SandboxContext } from '../context';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** RFC 3161 over HTTP (application/timestamp-query -> application/timestamp-reply), and the sandbox's trust material. */
export function tsaRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.addContentTypeParser('application/timestamp-query', { parseAs: 'buffer', bodyLimit: 64 * 1024 }, (_req, body, done) =>
    done(null, body),
  );
  app.post('/v1/tsa', async (request, reply) => {
    const answer = await ctx.tsa.respond(request.body as Buffer);
    reply.type('application/timestamp-reply');
    return answer;
  });

  const pem = (file: () => string) => async (_request: unknown, reply: FastifyReply) => {
    reply.type('application/x-pem-file');
    return readFile(join(ctx.pki.dir, file()), 'utf8');
  };
  app.get('/v1/pki/root.pem', pem(() => ctx.pki.root.certFile));
  app.get('/v1/pki/chain.pem', pem(() => ctx.pki.chainFile));
  app.get('/v1/pki/tsa.pem', pem(() => ctx.pki.tsa.certFile));
  app.get('/v1/pki/crl', async (_request, reply) => {
    reply.type('application/pkix-crl');
    return readFile(join(ctx.pki.dir, ctx.pki.crlDerFile));
  });
}
