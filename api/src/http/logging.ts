import type { FastifyRequest } from 'fastify';
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { prettyFactory } from 'pino-pretty';

/**
 * Query parameters whose values never reach a log line: OAuth codes, state and Microsoft's error texts, and the
 * places a client might misplace a secret (`?token=`, `?api_key=`, `?ecm365_session=`, `?csrfToken=` are refused,
 * but the refused request is logged too).
 */
const SECRET_PARAMETERS = [
  'code',
  'state',
  'session_state',
  'id_token',
  'access_token',
  'refresh_token',
  'client_secret',
  'client_assertion',
  'error_description',
  'token',
  'api_key',
  'apikey',
  'key',
  'password',
  'secret',
  'ecm365_session',
  '__Host-ecm365_session',
  'session',
  'csrfToken',
  'csrf_token',
  'authorization',
];
const SECRET_QUERY = new RegExp(`([?&](?:${SECRET_PARAMETERS.join('|')})=)[^&#\\s"\\\\]*`, 'gi');

/**
 * Secrets recognised by their shape wherever they stand (a query parameter of any name, a path, an error message):
 * our API tokens, JSON Web Tokens (Microsoft's id and access tokens), MS365 codes, and 32 random bytes in base64url
 * (session ids, CSRF tokens).
 */
const SECRET_SHAPES = new RegExp(
  [
    String.raw`ecm365_[A-Za-z0-9_-]{40,}`,
    String.raw`eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*`,
    String.raw`(?<![A-Za-z0-9])(?:[A-Za-z0-9]{4}-){6}[A-Za-z0-9]{4}(?![A-Za-z0-9])`,
    // 43 characters with a capital among them (a random one lacks it once in 5 billion; names of things do not).
    String.raw`(?<![A-Za-z0-9_-])(?=[a-z0-9_-]{0,42}[A-Z])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])`,
  ].join('|'),
  'g',
);
const BEARER = /(\bBearer\s+)[^\s"\\]+/gi;

/** Characters of the shapes above: letters, digits, `_`, `-` and the dots between a JWT's parts. */
const RUN_CHARACTER = new Uint8Array(128);
for (const char of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.')
  RUN_CHARACTER[char.charCodeAt(0)] = 1;
/** The shortest shape, the MS365 code, has 34 characters. */
const SHORTEST_SHAPE = 34;

/**
 * Tries the shapes only on runs of shape characters long enough to hold one. Every log line passes here, and the
 * shapes' look-arounds at every position of a whole line cost tens of microseconds; this scan costs one or two.
 */
function redactShapes(text: string): string {
  let result: string | undefined;
  let copiedUpTo = 0;
  let runStart = -1;
  for (let index = 0; index <= text.length; index++) {
    const code = index < text.length ? text.charCodeAt(index) : 0;
    if (code < 128 && RUN_CHARACTER[code] === 1) {
      if (runStart < 0) runStart = index;
      continue;
    }
    if (runStart >= 0 && index - runStart >= SHORTEST_SHAPE) {
      const run = text.slice(runStart, index);
      const replaced = run.replace(SECRET_SHAPES, '[redacted]');
      if (replaced !== run) {
        result = `${result ?? ''}${text.slice(copiedUpTo, runStart)}${replaced}`;
        copiedUpTo = index;
      }
    }
    runStart = -1;
  }
  return result === undefined ? text : result + text.slice(copiedUpTo);
}

/** The text with secret query values and anything shaped like one of our secrets replaced by `[redacted]`. */
export function redactSecrets(text: string): string {
  const withoutParameters = text.includes('=') ? text.replace(SECRET_QUERY, '$1[redacted]') : text;
  const withoutShapes = redactShapes(withoutParameters);
  return /bearer/i.test(withoutShapes) ? withoutShapes.replace(BEARER, '$1[redacted]') : withoutShapes;
}

/**
 * Pino options for the app: secrets are redacted by path (headers, bodies); createLogger redacts the rest by name
 * and shape. Fastify does not log bodies; the body paths guard against anyone logging one by hand.
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
          url: request.url,
          host: request.hostname,
          remoteAddress: request.ip,
        };
      },
    },
  };
}

/** `auto`: human-readable on a terminal, JSON lines otherwise (containers, CI, pipes, tests). */
export type LogFormat = 'auto' | 'json' | 'pretty';

/** Where log lines go: process.stdout, or a stream of a test (which may say it is a terminal). */
type LogOutput = DestinationStream & { isTTY?: boolean };

/** The parts of a request line (request-logging.ts) a reader scans for, after the message. */
function prettyMessage(log: Record<string, unknown>, messageKey: string): string {
  const parts = [String(log[messageKey] ?? '')];
  const req = log.req as { method?: unknown; url?: unknown } | undefined;
  const res = log.res as { statusCode?: unknown } | undefined;
  if (req && typeof req.method === 'string') parts.push(`${req.method} ${String(req.url)}`);
  if (res && typeof res.statusCode === 'number') parts.push(String(res.statusCode));
  if (typeof log.responseTime === 'number') parts.push(`${log.responseTime.toFixed(1)} ms`);
  if (typeof log.reqId === 'string') parts.push(`[${log.reqId}]`);
  return parts.join(' ');
}

/**
 * pino-pretty in-process (its synchronous formatter, not a worker transport): one short line per event, the
 * request lines as `request completed GET /path 200 1.2 ms [reqId]`, other fields as inline JSON, errors with stack.
 */
function prettyLines(): (line: string) => string {
  return prettyFactory({
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,reqId,req,res,responseTime',
    singleLine: true,
    messageFormat: prettyMessage,
  });
}

/**
 * Every line passes redactSecrets on its way out: whatever a message, an error or a serialized object holds, a
 * secret of a known name or shape never reaches the log. Pino's path redaction above still hides known fields
 * whatever their values look like. Pretty lines are made from the redacted JSON line, so they hide the same.
 */
function redacting(destination: DestinationStream, format?: (line: string) => string): DestinationStream {
  return format
    ? { write: (line: string) => destination.write(format(redactSecrets(line))) }
    : { write: (line: string) => destination.write(redactSecrets(line)) };
}

/**
 * The process's one logger: Fastify logs requests through it, services and jobs log through it. Writes to stdout
 * unless given a stream; `auto` chooses pretty lines when that output is a terminal.
 */
export function createLogger(level: string, stream?: LogOutput, format: LogFormat = 'auto'): Logger {
  const output: LogOutput = stream ?? process.stdout;
  if (format === 'pretty' || (format === 'auto' && output.isTTY === true))
    return pino(loggerOptions(level), redacting(output, prettyLines()));
  return pino(loggerOptions(level), redacting(stream ?? pino.destination(1)));
}
