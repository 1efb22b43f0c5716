import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { Busboy } from '@fastify/busboy';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ARCHIVE_IX } from './archive-exceptions.js';
import type { StoredBlob } from './blob-store.js';
import type { ControlState } from './controls.js';
import type { FilingServices } from './filing-services.js';
import { requireSession } from './ix-call.js';
import { IxException } from './ix-exception.js';
import { basicAuth, dropConnection, ixUrlOf } from './request-helpers.js';
import type { TicketStore } from './tickets.js';

export interface UploadRouteDeps {
  controls: ControlState;
  tickets: TicketStore;
  filing: FilingServices;
  selectorNumbers: Parameters<typeof requireSession>[0]['selectorNumbers'];
}

/** The first file part of a multipart/form-data body (as ELO's Java client uploads to a checkinDocBegin URL). */
function firstFilePart(request: FastifyRequest, write: (source: Readable) => Promise<StoredBlob>): Promise<StoredBlob> {
  return new Promise((resolve, reject) => {
    const parser = Busboy({ headers: request.headers as { 'content-type': string }, limits: { files: 1 } });
    let written: Promise<StoredBlob> | undefined;
    parser.on('file', (_field, stream) => {
      if (written) return stream.resume();
      written = write(stream);
      written.catch(() => stream.resume());
    });
    parser.on('error', reject);
    parser.on('finish', () => {
      if (!written) return reject(new Error('no file part'));
      written.then(resolve, reject);
    });
    (request.body as Readable).pipe(parser);
  });
}

/**
 * The byte-carrying parts of the REST API, which the JSON routes cannot take:
 * - `POST …/rest/BUtility/upload` (raw bytes, answered `{"result":{"streamId"}}`, used by checkinDocEnd),
 * - `POST /ix-<repo>/ix?cmd=upload&token=…` (the URL checkinDocBegin hands out; raw or multipart, answers the
 *   uploadResult as text/plain),
 * - `GET /ix-<repo>/ix?cmd=readdoc&…` (the DocVersion.url download).
 * Bodies are never parsed into memory: they stream to the BlobStore.
 */
export async function uploadRoutes(app: FastifyInstance, deps: UploadRouteDeps): Promise<void> {
  const { controls, filing } = deps;
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

  const repositoryOf = (name: string, reply: FastifyReply) => {
    const repository = controls.repositories.get(name);
    if (!repository) void reply.code(404).header('content-type', 'text/html').send('<h1>404 Not Found</h1>');
    return repository;
  };
  const discardBody = (request: FastifyRequest) => (request.body as Readable | undefined)?.resume?.();

  app.post<{ Params: { repository: string } }>('/ix-:repository/rest/BUtility/upload', async (request, reply) => {
    const { repository: name } = request.params;
    const repository = repositoryOf(name, reply);
    if (!repository) return reply;
    const fn = 'BUtility/upload';
    controls.record({ repository: name, fn });
    const injected = controls.takeInjectedException(name, fn);
    if (injected) {
      discardBody(request);
      return { exception: injected.message };
    }
    let userId: number;
    try {
      userId = requireSession({
        repository,
        body: {},
        bearerTicket: /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1],
        tickets: deps.tickets,
        selectorNumbers: deps.selectorNumbers,
        constants: {},
        basicAuth: basicAuth(request),
        filing: { services: filing, ixUrl: ixUrlOf(request, name) },
      });
    } catch (error) {
      discardBody(request);
      if (error instanceof IxException) return { exception: error.message };
      throw error;
    }
    const source = request.body as Readable | undefined;
    if (!source) return { exception: ARCHIVE_IX.invalidParam('the upload has no body').message };
    const blob = await filing.blobs.write(source);
    const streamId = filing.uploads.addStream({ repository: name, userId }, blob);
    if (controls.takeConnectionDrop(name, fn)) return dropConnection(request, reply);
    return { result: { streamId } };
  });

  app.post<{ Params: { repository: string }; Querystring: { cmd?: string; token?: string } }>(
    '/ix-:repository/ix',
    async (request, reply) => {
      const { repository: name } = request.params;
      if (!repositoryOf(name, reply)) return reply;
      controls.record({ repository: name, fn: 'ix?cmd=upload' });
      const slot = request.query.cmd === 'upload' ? filing.uploads.slot(request.query.token ?? '') : undefined;
      const sessionAlive = slot && (!slot.ticket || deps.tickets.use(name, slot.ticket) !== undefined);
      if (!slot || slot.repository !== name || !sessionAlive) {
        discardBody(request);
        return reply.code(401).type('text/plain').send('upload URL unknown or its session expired');
      }
      const write = (source: Readable) => filing.blobs.write(source);
      const multipart = /^multipart\/form-data/i.test(request.headers['content-type'] ?? '');
      const blob = multipart ? await firstFilePart(request, write) : await write(request.body as Readable);
      return reply.type('text/plain; charset=utf-8').send(filing.uploads.fillSlot(request.query.token ?? '', blob));
    },
  );

  app.get<{ Params: { repository: string }; Querystring: { cmd?: string; id?: string; objid?: string; key?: string } }>(
    '/ix-:repository/ix',
    async (request, reply) => {
      const { repository: name } = request.params;
      const repository = repositoryOf(name, reply);
      if (!repository) return reply;
      const sord = repository.archive.get(Number(request.query.objid));
      const version = [sord?.document, sord?.attachment].find(
        (candidate) => candidate && String(candidate.id) === request.query.id && candidate.urlKey === request.query.key,
      );
      if (request.query.cmd !== 'readdoc' || !version) return reply.code(404).type('text/plain').send('not found');
      return reply
        .type(version.contentType)
        .header('content-length', String(version.size))
        .send(createReadStream(version.file));
    },
  );
}
