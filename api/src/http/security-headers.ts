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
 * Sets helmet's headers on every reply. Built once: @fastify/helmet constructs the helmet middleware (parsing
 * every CSP directive) anew for each request, which cost about a tenth of the CPU of a cached status read.
 */
export const securityHeaders = fastifyPlugin(
  async (app: FastifyInstance, options: { publicUrl: string }) => {
    const applyHeaders = helmet(securityHeaderOptions(options.publicUrl));
    app.addHook('onRequest', (request, reply, done) => {
      applyHeaders(request.raw, reply.raw, (error?: unknown) => done(error instanceof Error ? error : undefined));
    });
  },
  { name: 'security-headers' },
);
