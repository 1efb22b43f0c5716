import type { FastifyInstance } from 'fastify';
import { ControlInputError } from './controls.js';
import { registerMailControlRoutes } from './mail-control-routes.js';
import type {
  FailNextOptions,
  FaultTarget,
  IdTokenTamper,
  MicrosoftEmulatorControls,
  ScopeStyle,
  TokenLifetimes,
} from './types.js';

/**
 * The controls over HTTP (`/_emulator/...`, JSON bodies), for browser tests and processes outside the one that
 * started the emulator. Setters answer 204; bad input 400 `{error:{code:"invalid_control_input",message}}`.
 * The controls themselves check types and ranges, so a body here only needs to be an object with known keys.
 */
function fields<K extends string>(body: unknown, keys: readonly K[]): Record<K, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ControlInputError('expected a JSON object body');
  }
  const unknownKeys = Object.keys(body).filter((key) => !(keys as readonly string[]).includes(key));
  if (unknownKeys.length > 0) throw new ControlInputError(`unknown field(s): ${unknownKeys.join(', ')}`);
  return body as Record<K, unknown>;
}

// Values are passed on unchecked on purpose (typed as the controls expect): the controls validate them.
const str = (value: unknown): string => value as string;
const bool = (value: unknown): boolean => value as boolean;
const num = (value: unknown): number => value as number;
const optNum = (value: unknown): number | undefined => (value === undefined ? undefined : num(value));

export function registerControlRoutes(
  app: FastifyInstance,
  controls: MicrosoftEmulatorControls,
  caCertPem: string,
): void {
  const setter = <K extends string>(
    path: string,
    keys: readonly K[],
    apply: (body: Record<K, unknown>) => void,
  ): void => {
    app.post(`/_emulator/${path}`, async (req, reply) => {
      apply(fields(req.body ?? {}, keys));
      return reply.status(204).send();
    });
  };

  setter('revoke-refresh-tokens', ['upn'], (b) => controls.revokeRefreshTokens(str(b.upn)));
  app.post('/_emulator/refresh-tokens', async (req) => {
    const body = fields(req.body ?? {}, ['like', 'count']);
    return { refreshTokens: controls.issueRefreshTokens(str(body.like), num(body.count)) };
  });
  setter('admin-consent-required', ['tenantId', 'required'], (b) =>
    controls.requireAdminConsent(str(b.tenantId), bool(b.required)),
  );
  setter('admin-consent-granted', ['tenantId', 'clientId', 'granted'], (b) =>
    controls.setAdminConsentGranted(str(b.tenantId), str(b.clientId), bool(b.granted)),
  );
  setter('interaction-required', ['upn', 'required'], (b) => controls.requireInteraction(str(b.upn), bool(b.required)));
  setter('token-lifetimes', ['accessTokenSeconds', 'refreshTokenSeconds', 'authCodeSeconds'], (b) => {
    const lifetimes: TokenLifetimes = {
      accessTokenSeconds: optNum(b.accessTokenSeconds),
      refreshTokenSeconds: optNum(b.refreshTokenSeconds),
      authCodeSeconds: optNum(b.authCodeSeconds),
    };
    controls.setTokenLifetimes(lifetimes);
  });
  setter('client-secret-expired', ['clientId', 'expired'], (b) =>
    controls.expireClientSecret(str(b.clientId), bool(b.expired)),
  );
  setter('fail-next', ['target', 'status', 'retryAfterSeconds', 'times', 'path', 'afterEffect'], (b) => {
    const options: FailNextOptions = {
      target: str(b.target) as FaultTarget,
      status: num(b.status) as FailNextOptions['status'],
      retryAfterSeconds: optNum(b.retryAfterSeconds),
      times: optNum(b.times),
      path: b.path === undefined ? undefined : str(b.path),
      afterEffect: b.afterEffect === undefined ? undefined : bool(b.afterEffect),
    };
    controls.failNext(options);
  });
  setter('latency', ['target', 'ms'], (b) =>
    controls.setLatency({ target: str(b.target) as FaultTarget, ms: num(b.ms) }),
  );
  setter('mailbox-access', ['upn', 'mailbox', 'allowed'], (b) =>
    controls.setMailboxAccess(str(b.upn), str(b.mailbox), bool(b.allowed)),
  );
  setter('tamper-id-tokens', ['tamper', 'times'], (b) =>
    controls.tamperIdTokens({ tamper: str(b.tamper) as IdTokenTamper, times: optNum(b.times) }),
  );
  setter('scope-style', ['style'], (b) => controls.setScopeStyle(str(b.style) as ScopeStyle));
  app.post('/_emulator/rotate-signing-key', async (req, reply) => {
    fields(req.body ?? {}, []);
    await controls.rotateSigningKey();
    return reply.status(204).send();
  });
  setter('reset', [], () => controls.reset());
  registerMailControlRoutes(app, controls);

  app.get('/_emulator/stats', async () => controls.stats());
  // Lets an outside process fetch the CA once (e.g. `curl -k`), then verify TLS properly from there on.
  app.get('/_emulator/ca.pem', async (_req, reply) => reply.type('application/x-pem-file').send(caCertPem));
}
