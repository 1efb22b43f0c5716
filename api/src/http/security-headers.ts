import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';

/** The portal's security headers: a strict CSP for the SPA, no referrer, no framing. */
export function securityHeaderOptions(publicUrl: string): Readonly<HelmetOptions> {
  return {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        // Over plain http (the demo on localhost) upgrading would break every asset request.
        upgradeInsecureRequests: publicUrl.startsWith('https:') ? [] : null,
      },
    },
    // The connector popup travels to Microsoft and back; an opener policy would cut it off from the portal
    // page (the code hand-over falls back to BroadcastChannel, but closing detection needs the opener).
    crossOriginOpenerPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
  };
}

/**
 * The headers helmet sets with these options. They are the same for every reply, so helmet runs once, against a
 * recording response, instead of per request (its middleware chain, and @fastify/helmet's re-parsing of the CSP
 * on every request, cost a noticeable share of a cached status read).
 */
export function securityHeaderValues(publicUrl: string): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(securityHeaderOptions(publicUrl))({} as IncomingMessage, recorder as unknown as ServerResponse, () => {});
  return headers;
}

/** Sends the portal's security headers with every reply. */
export const securityHeaders = fastifyPlugin(
  async (app: FastifyInstance, options: { publicUrl: string }) => {
    const headers = securityHeaderValues(options.publicUrl);
    app.addHook('onRequest', (_request, reply, done) => {
      reply.headers(headers);
      done();
    });
  },
  { name: 'security-headers' },
);
