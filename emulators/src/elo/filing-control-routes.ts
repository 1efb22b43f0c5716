import { createReadStream } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { ControlState } from './controls.js';

const object = (properties: Record<string, unknown>, required: string[]) => ({
  body: { type: 'object', properties, required, additionalProperties: false },
});
const fault = {
  fn: { type: 'string', minLength: 1 },
  times: { type: 'integer', minimum: 1 },
  repository: { type: 'string' },
};
const maskRef = { repository: { type: 'string' }, mask: { anyOf: [{ type: 'string' }, { type: 'integer' }] } };

/** The filing controls over HTTP: what was filed, downloads, fault injection, masks, session expiry. */
export async function filingControlRoutes(app: FastifyInstance, controls: ControlState): Promise<void> {
  const known = (repository: string) => {
    if (!controls.repositories.has(repository)) {
      throw Object.assign(new Error(`unknown repository "${repository}"`), { statusCode: 404 });
    }
  };

  app.get<{ Querystring: { repository?: string } }>('/call-counts', async (request) => ({
    counts: controls.callCounts(request.query.repository),
    openSearches: controls.openSearches(),
  }));

  app.get<{ Querystring: { repository?: string } }>('/filed', async (request) => {
    if (request.query.repository !== undefined) known(request.query.repository);
    return { documents: controls.filed(request.query.repository) };
  });

  app.get<{ Params: { repository: string; objId: string; which: string } }>(
    '/documents/:repository/:objId/:which',
    async (request, reply) => {
      const { repository, objId, which } = request.params;
      known(repository);
      if (which !== 'content' && which !== 'attachment')
        return reply.code(404).send({ error: 'content or attachment' });
      const file = controls.filedFile(repository, Number(objId), which === 'content' ? 'document' : 'attachment');
      if (!file) return reply.code(404).send({ error: `no ${which} for object ${objId}` });
      const filed = controls.filed(repository).find((document) => document.objId === Number(objId));
      const type = (which === 'content' ? filed?.document : filed?.attachment)?.contentType;
      return reply.type(type ?? 'application/octet-stream').send(createReadStream(file));
    },
  );

  app.post<{ Body: { fn: string; code: number; text?: string; times?: number; repository?: string } }>(
    '/inject-exception',
    { schema: object({ ...fault, code: { type: 'integer', minimum: 0 }, text: { type: 'string' } }, ['fn', 'code']) },
    async (request) => {
      controls.injectException(request.body);
      return controls.faultsArmed();
    },
  );

  app.post<{ Body: { fn: string; times?: number; repository?: string } }>(
    '/drop-connection-after',
    { schema: object(fault, ['fn']) },
    async (request) => {
      controls.dropConnectionAfter(request.body);
      return controls.faultsArmed();
    },
  );

  app.post<{ Body: { repository: string; mask: string | number; code?: number } }>(
    '/masks/reject',
    { schema: object({ ...maskRef, code: { type: 'integer', minimum: 0 } }, ['repository', 'mask']) },
    async (request) => {
      known(request.body.repository);
      controls.rejectMask(request.body.repository, request.body.mask, request.body.code);
      return { rejected: true };
    },
  );

  app.post<{ Body: { repository: string; mask: string | number } }>(
    '/masks/accept',
    { schema: object(maskRef, ['repository', 'mask']) },
    async (request) => {
      known(request.body.repository);
      controls.acceptMask(request.body.repository, request.body.mask);
      return { rejected: false };
    },
  );

  app.post('/expire-sessions', async () => {
    controls.expireSessions();
    return { expired: true };
  });
}
