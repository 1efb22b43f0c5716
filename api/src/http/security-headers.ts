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
    // The same rule as frame-ancestors 'none', for browsers that only know the older header.
    xFrameOptions: { action: 'deny' },
    // Sent per request, and only over https (below): over plain http a browser ignores it anyway.
    strictTransportSecurity: false,
  };
}

/** HSTS as helmet would send it: a year, subdomains (the tenants' hosts) included. */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Powerful browser features the portal never uses, switched off for it and anything it could embed. Only
 * features Chromium knows: an unknown one is reported as an error in the console.
 */
const PERMISSIONS_POLICY = [
  'accelerometer',
  'camera',
  'geolocation',
  'gyroscope',
  'magnetometer',
  'microphone',
  'payment',
  'usb',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

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
  headers['permissions-policy'] = PERMISSIONS_POLICY;
  return headers;
}

const isApiPath = (url: string) => url.startsWith('/api/') || url === '/api' || url.startsWith('/api?');

/**
 * Sends the portal's security headers with every reply; HSTS only when the request came over https (directly or
 * through a trusted proxy); `Cache-Control: no-store` on every API answer, errors included, so that no browser
 * or proxy keeps a session's data (routes that mean otherwise would have to say so).
 */
export const securityHeaders = fastifyPlugin(
  async (app: FastifyInstance, options: { publicUrl: string }) => {
    const headers = securityHeaderValues(options.publicUrl);
    // The four sets a reply can get (over https or not, API or not), each made once: one `reply.headers` per request.
    const api = { ...headers, 'cache-control': 'no-store' };
    const sets = {
      http: { page: headers, api },
      https: {
        page: { ...headers, 'strict-transport-security': HSTS },
        api: { ...api, 'strict-transport-security': HSTS },
      },
    };
    app.addHook('onRequest', (request, reply, done) => {
      const set = request.protocol === 'https' ? sets.https : sets.http;
      reply.headers(isApiPath(request.url) ? set.api : set.page);
      done();
    });
  },
  { name: 'security-headers' },
);
