import { afterEach, describe, expect, it, vi } from 'vitest';
import { freshPinia, session } from '../test/helpers';
import { createAppRouter } from './index';

/** A fetch whose answer to the session check waits until the test lets it go. */
function heldSessionCheck(signedIn: boolean) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => {
      await released;
      const body = signedIn ? session : { error: { code: 'not_authenticated', message: 'Nicht angemeldet.' } };
      return new Response(JSON.stringify(body), {
        status: signedIn ? 200 : 401,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
  return release;
}

describe('the portal’s router', () => {
  afterEach(() => {
    window.history.replaceState(null, '', '/');
  });

  it.each([
    [true, 'ms365'],
    [false, 'login'],
  ])(
    'loads the page asked for and the login page while the session is checked (signed in: %s)',
    async (signedIn, landing) => {
      freshPinia();
      const release = heldSessionCheck(signedIn);
      const router = createAppRouter();
      const component = (name: string) => router.getRoutes().find((route) => route.name === name)?.components;
      const navigation = router.push('/microsoft-365');

      // Loaded components replace the route's import function; the session has not been answered yet.
      await vi.waitFor(
        () => {
          expect(typeof component('ms365')?.default).toBe('object');
          expect(typeof component('login')?.default).toBe('object');
        },
        { timeout: 25_000 }, // the first import of a view compiles it
      );
      expect(router.currentRoute.value.name).toBeUndefined();

      release();
      await navigation;
      expect(router.currentRoute.value.name).toBe(landing);
    },
    30_000,
  );
});
