import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyPlugin from 'fastify-plugin';

export interface ProxyWarningOptions {
  publicUrl: string;
  trustProxyHops: number;
  /** Production logs these as errors: behind a misconfigured proxy sessions and per-address limits misbehave. */
  production: boolean;
}

/**
 * Says once, at the first request that shows it, when the proxy in front and TRUST_PROXY_HOPS disagree:
 * a request arriving as plain http while PUBLIC_URL is https (the proxy is not trusted, or sends no
 * X-Forwarded-Proto), or X-Forwarded-For arriving while no proxy is trusted (every client then shares the proxy's
 * address for the per-address limits). docs/operations.md "Behind a TLS proxy".
 */
export const proxyWarnings = fastifyPlugin(
  async (app: FastifyInstance, options: ProxyWarningOptions) => {
    const expectsHttps = options.publicUrl.startsWith('https:');
    const warned = { scheme: false, forwardedFor: false };
    const say = (request: FastifyRequest, message: string) =>
      options.production ? request.log.error(message) : request.log.warn(message);

    app.addHook('onRequest', (request, _reply, done) => {
      if (!warned.scheme && expectsHttps && request.protocol === 'http') {
        warned.scheme = true;
        say(
          request,
          options.trustProxyHops === 0
            ? 'PUBLIC_URL is https, but this request arrived as plain http and TRUST_PROXY_HOPS=0: set ' +
                'TRUST_PROXY_HOPS to the number of proxies in front (1 for one TLS proxy), or the connector cannot ' +
                "reach the tenant host's session and every client shares the proxy's address for the per-address limits"
            : `PUBLIC_URL is https, but this request arrived as plain http through ${options.trustProxyHops} trusted ` +
                'proxy hop(s): the proxy must send X-Forwarded-Proto: https (and X-Forwarded-For)',
        );
      }
      if (!warned.forwardedFor && options.trustProxyHops === 0 && request.headers['x-forwarded-for'] !== undefined) {
        warned.forwardedFor = true;
        say(
          request,
          'a request arrived with X-Forwarded-For, but TRUST_PROXY_HOPS=0: the proxy in front is not trusted, so ' +
            "every client shares the proxy's address for the per-address limits; set TRUST_PROXY_HOPS to the " +
            'number of proxies in front',
        );
      }
      done();
    });
  },
  { name: 'proxy-warnings' },
);
