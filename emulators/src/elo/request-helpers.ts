import type { FastifyReply, FastifyRequest } from 'fastify';

/** `Authorization: Basic base64(user:password)`, which ELO accepts from services on every call. */
export function basicAuth(request: FastifyRequest): { userName: string; password: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(request.headers.authorization ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { userName: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** The origin the client used, so that URLs in answers (uploads, downloads) point back to this server. */
export function ixUrlOf(request: FastifyRequest, repository: string): string {
  return `${request.protocol}://${request.headers.host ?? request.hostname}/ix-${repository}`;
}

/** Answers nothing: the socket is closed after the call had its effect (a lost answer, as on a network cut). */
export function dropConnection(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  reply.hijack();
  request.raw.socket.destroy();
  return reply;
}
