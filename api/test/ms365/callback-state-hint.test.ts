import type { AttemptResponse } from '@ecm365/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser, followCallback, walkConnector } from '../support/connect-flow.js';
import { PUBLIC_URL, hostOf, signIn, startTestApp, type SignedIn, type TestApp } from '../support/test-app.js';

/**
 * The state Microsoft hands back ends with the portal origin the browser returns to (`<attempt>.<random>.<origin,
 * base64url>`), so the shared callback host sends the browser on without reading the attempt. That hint is the
 * browser's to change: these tests change it and see that it only ever sends the browser to one of the portal's own
 * origins, and that a changed hint completes nothing (it is part of the state, whose hash the attempt keeps).
 */
let t: TestApp;
let admin: SignedIn;

beforeAll(async () => {
  t = await startTestApp();
  admin = await signIn(t.app, 'admin', 'admin');
});
afterAll(() => t.close());

const base64url = (text: string) => Buffer.from(text).toString('base64url');

/** Microsoft's redirect of a fresh trip (consent given), not yet followed. */
async function microsoftRedirect(): Promise<{ attemptId: string; url: URL }> {
  const trip = await walkConnector(t, admin, {
    account: 'admin@contoso.example',
    action: 'accept',
    stopBeforeCallback: true,
  });
  return { attemptId: trip.attemptId, url: new URL(trip.microsoftRedirect) };
}

/** The redirect with the state's last part replaced. */
function withHint(url: URL, hint: string): URL {
  const changed = new URL(url);
  const [attemptId, random] = (url.searchParams.get('state') ?? '').split('.');
  changed.searchParams.set('state', `${attemptId}.${random}.${hint}`);
  return changed;
}

/** One callback request as a browser without cookies of the host makes it; answers where it sends the browser. */
async function callbackWithoutCookies(url: URL, host = url.host): Promise<string> {
  const response = await t.app.inject({ method: 'GET', url: url.pathname + url.search, headers: { host } });
  expect(response.statusCode).toBe(303);
  return response.headers.location as string;
}

const attemptStatus = async (attemptId: string) =>
  (await asUser(t, admin).get(`/api/v1/ms365/connect/${attemptId}`)).json<AttemptResponse>().status;

describe("the return hint at the end of Microsoft's state", () => {
  it('names the tenant origin, and the shared callback host sends the browser on there with the whole answer', async () => {
    const { attemptId, url } = await microsoftRedirect();
    expect(url.origin).toBe(PUBLIC_URL);
    const parts = (url.searchParams.get('state') ?? '').split('.');
    expect(parts).toHaveLength(3);
    expect(Buffer.from(parts[2] ?? '', 'base64url').toString()).toBe(`http://${hostOf('acme')}`);

    const next = new URL(await callbackWithoutCookies(url));
    expect(next.origin).toBe(`http://${hostOf('acme')}`);
    expect(next.pathname).toBe(url.pathname);
    expect([...next.searchParams]).toEqual([...url.searchParams]);
    // There, with the session cookie, the callback completes.
    expect(await followCallback(t, admin, next.href)).toContain(`/connector/${attemptId}`);
    expect(await attemptStatus(attemptId)).toBe('code_ready');
  });

  it('is never followed to anything but an origin of the portal', async () => {
    const { attemptId, url } = await microsoftRedirect();
    const foreign = [
      'https://evil.example',
      `http://${hostOf('acme')}.evil.example`,
      `http://${hostOf('acme')}/elsewhere`,
      `http://${hostOf('acme')}?next=https://evil.example`,
      `http://user@${hostOf('acme')}`,
      `https://${hostOf('acme')}`, // another scheme than the portal's
      `http://${hostOf('acme')}:8443`, // another port
      'javascript:alert(1)',
      'not a url',
    ];
    for (const hint of foreign) {
      const location = new URL(await callbackWithoutCookies(withHint(url, base64url(hint))));
      // Not followed: the state (changed with its hint) was looked up here and matches no attempt.
      expect(location.origin, hint).toBe(PUBLIC_URL);
      expect(location.searchParams.get('error'), hint).toBe('invalid_state');
    }
    // Nothing was completed or spent by the changed states: the real one still completes.
    expect(await attemptStatus(attemptId)).toBe('pending');
    expect(await followCallback(t, admin, url.href)).toContain(`/connector/${attemptId}`);
    expect(await attemptStatus(attemptId)).toBe('code_ready');
  });

  it("sent on to another tenant's host by a changed hint, completes nothing there", async () => {
    const { attemptId, url } = await microsoftRedirect();
    const other = await signIn(t.app, 'admin', 'admin', 'other');
    const changed = withHint(url, base64url(`http://${hostOf('other')}`));
    const next = new URL(await callbackWithoutCookies(changed));
    expect(next.host).toBe(hostOf('other'));
    // Even with the other tenant's session, the changed state is no attempt of anyone's.
    const response = await t.app.inject({
      method: 'GET',
      url: next.pathname + next.search,
      headers: { host: next.host, cookie: other.cookie },
    });
    expect(response.statusCode).toBe(303);
    expect(new URL(response.headers.location as string).searchParams.get('error')).toBe('invalid_state');
    expect(await attemptStatus(attemptId)).toBe('pending');
  });

  it('naming the host the request is on, is not followed (no loop): the attempt is read and decides', async () => {
    const { attemptId, url } = await microsoftRedirect();
    // On the tenant's own host without its cookie: the hint names this host, so the attempt is read, and it
    // belongs to a session this browser does not present.
    const location = new URL(await callbackWithoutCookies(url, hostOf('acme')));
    expect(location.host).toBe(hostOf('acme'));
    expect(location.pathname).toContain(`/connector/${attemptId}`);
    expect(location.searchParams.get('error')).toBe('session_mismatch');
    expect(await attemptStatus(attemptId)).toBe('pending');
  });
});
