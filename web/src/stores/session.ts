import type { LoginRequest, SessionResponse } from '@ecm365/shared';
import { defineStore } from 'pinia';
import { computed, readonly, ref } from 'vue';
import { isApiError, setCsrfToken } from '../api/client';
import { authApi } from '../api/endpoints';

/** Who is signed in (user, tenant, CSRF token, Microsoft 365 access), loaded once per page load. */
export const useSessionStore = defineStore('session', () => {
  const session = ref<SessionResponse | null>(null);
  const loaded = ref(false);
  /** Why the user is on the login page, shown there once: an expired session or a logout. */
  const notice = ref<'session_expired' | 'logged_out' | null>(null);
  let pending: Promise<void> | null = null;

  const isAuthenticated = computed(() => session.value !== null);
  const user = computed(() => session.value?.user ?? null);
  const tenant = computed(() => session.value?.tenant ?? null);
  const ms365Access = computed(() => session.value?.ms365Access ?? null);

  function apply(next: SessionResponse | null) {
    session.value = next;
    setCsrfToken(next?.csrfToken ?? null);
  }

  /** Asks the server once whether the cookie still holds a session; later calls reuse the answer. */
  function ensureLoaded(): Promise<void> {
    if (loaded.value) return Promise.resolve();
    pending ??= authApi
      .session()
      .then(apply, (error: unknown) => {
        if (!isApiError(error, 'not_authenticated')) throw error;
        apply(null);
      })
      .then(() => {
        loaded.value = true;
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  }

  async function login(request: LoginRequest): Promise<void> {
    apply(await authApi.login(request));
    loaded.value = true;
    notice.value = null;
  }

  async function logout(): Promise<void> {
    try {
      await authApi.logout();
    } catch (error) {
      // An already expired session is as good as a logout.
      if (!isApiError(error, 'not_authenticated')) throw error;
    } finally {
      apply(null);
    }
    notice.value = 'logged_out';
  }

  /**
   * Reads the session anew after the server rejected the CSRF token (another tab signed out and in again), which
   * brings the current token. True when it is still the same user of the same customer.
   */
  async function refresh(): Promise<boolean> {
    const before = session.value;
    const next = await authApi.session();
    apply(next);
    return before?.user.id === next.user.id && before.tenant.slug === next.tenant.slug;
  }

  /** The server said 401 to an authenticated call: the session is gone. */
  function expire(): void {
    if (!session.value) return;
    apply(null);
    notice.value = 'session_expired';
  }

  function clearNotice(): void {
    notice.value = null;
  }

  return {
    session: readonly(session),
    loaded: readonly(loaded),
    notice: readonly(notice),
    isAuthenticated,
    user,
    tenant,
    ms365Access,
    ensureLoaded,
    login,
    logout,
    refresh,
    expire,
    clearNotice,
  };
});
