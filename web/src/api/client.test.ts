import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError, mockApi } from '../test/helpers';
import { ApiError, apiCall, onStaleCsrfToken, onUnauthorized, setCsrfToken, toApiError } from './client';
import { ms365Api, notificationsApi, webhooksApi } from './endpoints';

describe('the HTTP client (@ecm365/client underneath)', () => {
  afterEach(() => {
    setCsrfToken(null);
    onUnauthorized(null);
    onStaleCsrfToken(null);
  });

  it('sends cookies and JSON, and the CSRF token only on unsafe methods', async () => {
    const { requests } = mockApi({ 'GET /webhooks': { body: [] }, 'POST /webhooks': { body: { id: 'w1' } } });
    setCsrfToken('token-1');

    await webhooksApi.list();
    const created = await webhooksApi.create({ url: 'https://x.example', events: ['ms365.connection.error'] });

    expect(created).toEqual({ id: 'w1' });
    expect(requests[0]).toMatchObject({ method: 'GET', credentials: 'same-origin' });
    expect(requests[0]!.headers['x-csrf-token']).toBeUndefined();
    expect(requests[1]).toMatchObject({
      method: 'POST',
      body: { url: 'https://x.example', events: ['ms365.connection.error'] },
      credentials: 'same-origin',
    });
    expect(requests[1]!.headers).toMatchObject({ 'x-csrf-token': 'token-1', 'content-type': 'application/json' });
  });

  it('answers undefined for 204', async () => {
    mockApi({ 'DELETE /webhooks/w%201': { status: 204 } });
    await expect(webhooksApi.remove('w 1')).resolves.toBeUndefined();
  });

  it('turns the error format into an ApiError with code, message, details and correlation id', async () => {
    mockApi({
      'POST /ms365/connection': {
        status: 400,
        body: { error: { code: 'invalid_code', message: 'Ungültig', details: { a: 1 }, correlationId: 'c-1' } },
      },
    });
    const error = await ms365Api.redeem('x').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'invalid_code', message: 'Ungültig', details: { a: 1 } });
    expect((error as ApiError).correlationId).toBe('c-1');
  });

  it('reads the wait of a 429 from details or the Retry-After header', async () => {
    mockApi({
      'POST /ms365/connect': apiError(429, 'too_many_attempts', 'Zu viele', { retryAfterSeconds: 90 }),
      'POST /ms365/connection/test': {
        ...apiError(429, 'too_many_attempts', 'Zu viele'),
        headers: { 'retry-after': '30' },
      },
    });
    await expect(ms365Api.connect()).rejects.toMatchObject({ retryAfterSeconds: 90 });
    await expect(ms365Api.test()).rejects.toMatchObject({ retryAfterSeconds: 30 });
  });

  it('calls the 401 handler for authenticated calls, not for calls that expect 401', async () => {
    mockApi({ 'GET /ms365/connection': apiError(401, 'not_authenticated', 'Bitte melden Sie sich an.') });
    const connection = (options?: { expectUnauthorized: boolean }) =>
      apiCall((api) => api.GET('/api/v1/ms365/connection'), options);
    const handler = vi.fn();
    onUnauthorized(handler);

    await expect(connection({ expectUnauthorized: true })).rejects.toMatchObject({ status: 401 });
    expect(handler).not.toHaveBeenCalled();
    await expect(connection()).rejects.toMatchObject({ code: 'not_authenticated' });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('reports network failures and non-API answers with client codes', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    await expect(ms365Api.connection()).rejects.toMatchObject({ status: 0, code: 'network_error' });

    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response('<html>Bad Gateway</html>', { status: 502 })));
    await expect(ms365Api.connection()).rejects.toMatchObject({ status: 502, code: 'unexpected_response' });
  });

  it('passes ApiErrors through toApiError and turns anything else into a network error', () => {
    const original = new ApiError(400, 'invalid_code', 'Ungültig');
    expect(toApiError(original)).toBe(original);
    const converted = toApiError(new TypeError('Failed to fetch'));
    expect(converted).toBeInstanceOf(ApiError);
    expect(converted).toMatchObject({ status: 0, code: 'network_error' });
  });

  describe('with a stale CSRF token (another tab signed out and in again)', () => {
    const csrfFailed = apiError(403, 'csrf_failed', 'Ungültiges CSRF-Token.');
    const acceptsOnly = (token: string) => (request: { headers: Record<string, string> }) =>
      request.headers['x-csrf-token'] === token ? { body: { saved: true } } : csrfFailed;

    it('takes the current token from the session and repeats the call once', async () => {
      const { requests } = mockApi({ 'PUT /notifications': acceptsOnly('fresh') });
      setCsrfToken('stale');
      const refresh = vi.fn(async () => {
        setCsrfToken('fresh');
        return true;
      });
      onStaleCsrfToken(refresh);

      await expect(notificationsApi.set('it@x.example')).resolves.toEqual({ saved: true });
      expect(refresh).toHaveBeenCalledTimes(1);
      expect(requests.map((r) => r.headers['x-csrf-token'])).toEqual(['stale', 'fresh']);
      expect(requests[1]!.body).toEqual({ email: 'it@x.example' });
    });

    it('reads the session once for calls that fail together, and tries each call only once more', async () => {
      const { requests } = mockApi({
        'POST /ms365/connect': acceptsOnly('fresh'),
        'POST /ms365/connection/test': csrfFailed,
      });
      setCsrfToken('stale');
      const refresh = vi.fn(async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        setCsrfToken('fresh');
        return true;
      });
      onStaleCsrfToken(refresh);

      const [a, b] = await Promise.allSettled([ms365Api.connect(), ms365Api.test()]);
      expect(a).toMatchObject({ status: 'fulfilled' });
      expect(b).toMatchObject({ status: 'rejected', reason: { code: 'csrf_failed' } });
      expect(refresh).toHaveBeenCalledTimes(1);
      expect(requests.filter((r) => r.path === '/ms365/connection/test')).toHaveLength(2);
    });

    it('does not repeat the call for another user, and treats a lost session as a 401', async () => {
      const { requests } = mockApi({ 'POST /ms365/connect': csrfFailed });
      const unauthorized = vi.fn();
      onUnauthorized(unauthorized);

      onStaleCsrfToken(async () => false);
      await expect(ms365Api.connect()).rejects.toMatchObject({ code: 'csrf_failed' });
      expect(requests).toHaveLength(1);
      expect(unauthorized).not.toHaveBeenCalled();

      onStaleCsrfToken(() => Promise.reject(new ApiError(401, 'not_authenticated', 'Bitte melden Sie sich an.')));
      await expect(ms365Api.connect()).rejects.toMatchObject({ code: 'not_authenticated' });
      expect(requests).toHaveLength(2);
      expect(unauthorized).toHaveBeenCalledTimes(1);
    });
  });
});
