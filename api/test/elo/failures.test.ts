import { Readable } from 'node:stream';
import { inspect } from 'node:util';
import { DEMO_ELO_REPOSITORY, DEMO_MS365_GROUP, startEloEmulator, type RunningEloEmulator } from '@ecm365/emulators';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EloArchiveError, EloIxGateway, type EloCallObserver } from '../../src/adapters/elo/index.js';
import { uploadStream } from '../../src/adapters/elo/ix-stream-upload.js';
import {
  EloUnavailableError,
  InvalidCredentialsError,
  PasswordLoginDisabledError,
} from '../../src/errors/domain-errors.js';
import { startRawServer } from './raw-http-server.js';

const TIMEOUT_MS = 300;
/** Distinctive, so that a leak anywhere would be found. */
const SECRET = 'Pw-4c1d-NeverAnywhere!';

let elo: RunningEloEmulator;
let observed: Parameters<EloCallObserver>[0][];
let gateway: EloIxGateway;

beforeAll(async () => {
  elo = await startEloEmulator({
    repositories: {
      demo: {
        ...DEMO_ELO_REPOSITORY,
        users: [...DEMO_ELO_REPOSITORY.users, { id: 99, name: 'geheim', password: SECRET, groups: [DEMO_MS365_GROUP] }],
      },
      modern: { ...DEMO_ELO_REPOSITORY, passwordLoginDisabled: true },
    },
  });
});
beforeEach(() => {
  elo.controls.reset();
  observed = [];
  gateway = new EloIxGateway({ timeoutMs: TIMEOUT_MS, onCall: (call) => observed.push(call) });
});
afterAll(() => elo.close());

const login = (baseUrl: string, username = 'geheim', password = SECRET) =>
  gateway.authenticate({ baseUrl, username, password, groupName: DEMO_MS365_GROUP });

/** Everything an error could reveal when logged or serialised. */
const serialised = (error: unknown) =>
  [
    JSON.stringify(error),
    JSON.stringify({ ...(error as object), message: (error as Error).message }),
    inspect(error, { depth: 10 }),
  ].join('\n');

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await run();
  return { value, ms: performance.now() - started };
}

describe('login answers', () => {
  it('wrong password → InvalidCredentialsError', async () => {
    const error = await failure(login(elo.baseUrl(), 'geheim', `${SECRET}-wrong`));
    expect(error).toBeInstanceOf(InvalidCredentialsError);
    expect(serialised(error)).not.toContain(SECRET);
  });

  it('unknown or locked user → InvalidCredentialsError', async () => {
    expect(await failure(login(elo.baseUrl(), 'niemand', 'x'))).toBeInstanceOf(InvalidCredentialsError);
    expect(await failure(login(elo.baseUrl(), 'gesperrt', 'gesperrt'))).toBeInstanceOf(InvalidCredentialsError);
  });

  it('password login disabled → PasswordLoginDisabledError, from the fixture or switched at run time', async () => {
    expect(await failure(login(elo.baseUrl('modern'), 'admin', 'admin'))).toBeInstanceOf(PasswordLoginDisabledError);
    elo.controls.setPasswordLoginDisabled('demo', true);
    expect(await failure(login(elo.baseUrl()))).toBeInstanceOf(PasswordLoginDisabledError);
  });
});

describe('ELO unavailable', () => {
  const expectUnavailable = (error: unknown, reason: string) => {
    expect(error).toBeInstanceOf(EloUnavailableError);
    expect((error as EloUnavailableError).details).toEqual({ reason });
    expect(serialised(error)).not.toContain(SECRET);
  };

  it('HTTP 503 → http_503', async () => {
    elo.controls.setAvailability('down');
    expectUnavailable(await failure(login(elo.baseUrl())), 'http_503');
  });

  it('socket reset → connection_reset', async () => {
    elo.controls.setAvailability('reset');
    expectUnavailable(await failure(login(elo.baseUrl())), 'connection_reset');
  });

  it('nothing listening → connection_refused', async () => {
    const gone = await startEloEmulator();
    await gone.close();
    const { value, ms } = await timed(() => failure(login(gone.baseUrl())));
    expectUnavailable(value, 'connection_refused');
    expect(ms).toBeLessThan(TIMEOUT_MS + 500);
  });

  it('an answer slower than the timeout → timeout, within roughly the timeout', async () => {
    elo.controls.setLatency(TIMEOUT_MS * 10);
    const { value, ms } = await timed(() => failure(login(elo.baseUrl())));
    expectUnavailable(value, 'timeout');
    expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 20);
    expect(ms).toBeLessThan(TIMEOUT_MS + 500);
  });

  it('a wrong base URL (unknown repository) → http_404', async () => {
    expectUnavailable(await failure(login(elo.baseUrl('nirgends'))), 'http_404');
  });

  it('a base URL that is no http(s) URL → bad_url', async () => {
    expectUnavailable(await failure(login('ftp://elo.example/ix-demo/rest')), 'bad_url');
    expectUnavailable(await failure(login('not a url')), 'bad_url');
  });

  it('the observer sees the unavailable call with its duration, and nothing else', async () => {
    elo.controls.setAvailability('down');
    await failure(login(elo.baseUrl()));
    expect(observed).toEqual([{ fn: 'login', outcome: 'unavailable', durationMs: expect.any(Number) }]);
  });
});

describe('misbehaving servers', () => {
  it('HTML with status 200 → bad_response', async () => {
    const server = await startRawServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<html>Anmeldung</html>');
    });
    try {
      const error = await failure(login(`${server.origin}/ix-demo/rest`));
      expect((error as EloUnavailableError).details).toEqual({ reason: 'bad_response' });
    } finally {
      await server.close();
    }
  });

  it('headers in time but a body that stalls → timeout, within roughly the timeout', async () => {
    const server = await startRawServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"result":');
    });
    try {
      const { value, ms } = await timed(() => failure(login(`${server.origin}/ix-demo/rest`)));
      expect((value as EloUnavailableError).details).toEqual({ reason: 'timeout' });
      expect(ms).toBeLessThan(TIMEOUT_MS + 500);
    } finally {
      await server.close();
    }
  });

  it('a redirect is not followed, so the password never reaches its target', async () => {
    const target = await startRawServer((_request, response) => response.writeHead(200).end('{"result":null}'));
    const redirecting = await startRawServer((_request, response) => {
      response.writeHead(307, { location: `${target.origin}/ix-demo/rest/IXServicePortIF/login` }).end();
    });
    try {
      const error = await failure(login(`${redirecting.origin}/ix-demo/rest`));
      expect((error as EloUnavailableError).details).toEqual({ reason: 'http_307' });
      expect(target.bodies).toEqual([]);
    } finally {
      await Promise.all([target.close(), redirecting.close()]);
    }
  });
});

describe('a streamed upload', () => {
  it('is not sent on by a redirect: it fails as "redirected" and nothing reaches the target', async () => {
    const target = await startRawServer((_request, response) => response.writeHead(200).end('{"result":{}}'));
    const redirecting = await startRawServer((_request, response) => {
      response.writeHead(307, { location: `${target.origin}/ix-demo/rest/BUtility/upload` }).end();
    });
    try {
      const error = await uploadStream({
        baseUrl: `${redirecting.origin}/ix-demo/rest`,
        ticket: 'ticket',
        content: Readable.from([Buffer.from('%PDF-1.7 invoice')]),
        timeoutMs: 2_000,
      }).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(EloArchiveError);
      expect((error as EloArchiveError).kind).toBe('unavailable');
      expect((error as EloArchiveError).detail).toMatchObject({ fn: 'BUtility/upload', reason: 'redirected' });
      expect(redirecting.bodies).toEqual(['%PDF-1.7 invoice']);
      expect(target.bodies).toEqual([]);
    } finally {
      await Promise.all([target.close(), redirecting.close()]);
    }
  });
});

describe('the password', () => {
  it('appears in no call log, observer report or identity of a successful login', async () => {
    const identity = await login(elo.baseUrl());
    expect(identity).toMatchObject({ userName: 'geheim', isGroupMember: true });
    const everything = JSON.stringify([identity, observed, elo.controls.calls()]);
    expect(everything).not.toContain(SECRET);
    expect(observed.map((call) => call.fn).sort()).toEqual(['checkoutUsers', 'getConstants', 'getUserNames', 'login']);
    expect(observed.every((call) => call.outcome === 'ok' && Object.keys(call).length === 3)).toBe(true);
  });

  it('is only in the login request body', async () => {
    const server = await startRawServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"exception":"[ELOIX:3008]wrong"}');
    });
    try {
      await failure(login(`${server.origin}/ix-demo/rest`));
      expect(server.bodies).toHaveLength(1);
      expect(JSON.parse(server.bodies[0]!)).toEqual({
        ci: { language: 'de', country: 'DE', timeZone: 'UTC' },
        userName: 'geheim',
        userPwd: SECRET,
        clientComputer: 'ecm365',
        runAsUser: '',
      });
    } finally {
      await server.close();
    }
  });
});
