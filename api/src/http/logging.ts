import type { FastifyRequest } from 'fastify';
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';

/** Query parameters whose values never reach a log line (OAuth codes, state, Microsoft's error texts). */
const SECRET_QUERY =
  /([?&](?:code|state|session_state|id_token|access_token|refresh_token|client_secret|error_description)=)[^&#]*/gi;

export function redactUrl(url: string): string {
  return url.replace(SECRET_QUERY, '$1[redacted]');
}

/**
 * Pino options for the app: secrets are redacted by path (headers, bodies) and URLs are logged without secret
 * query values. Fastify does not log bodies; the body paths guard against anyone logging one by hand.
 */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        'password',
        'userPwd',
        'code',
        'token',
        'accessToken',
        'refreshToken',
        'clientSecret',
        '*.password',
        '*.userPwd',
        '*.code',
        '*.token',
        '*.accessToken',
        '*.refreshToken',
        '*.clientSecret',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req(request: FastifyRequest) {
        return {
          method: request.method,
          url: redactUrl(request.url),
          host: request.hostname,
          remoteAddress: request.ip,
        };
      },
    },
  };
}

/** The process's one logger: Fastify logs requests through it, services and jobs log through it. */
export function createLogger(level: string, stream?: DestinationStream): Logger {
  return stream ? pino(loggerOptions(level), stream) : pino(loggerOptions(level));
}
