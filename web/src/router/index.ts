import { PORTAL_PAGES } from '@ecm365/shared';
import {
  createRouter,
  createWebHistory,
  loadRouteLocation,
  type RouteLocationNormalized,
  type RouteLocationRaw,
  type Router,
} from 'vue-router';
import { loadPageMessages } from '../i18n';
import { useSessionStore } from '../stores/session';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without a session (the login page). */
    public?: boolean;
    /** i18n key of the page title. */
    titleKey?: string;
    /**
     * Renders with the texts of the initial bundle alone (the `firstScreen` namespaces in vite.config.ts); every
     * other page waits for the rest of the messages, so a new page needs nothing here.
     */
    firstScreen?: boolean;
  }
}

export function createAppRouter(): Router {
  const router = createRouter({
    history: createWebHistory(),
    routes: [
      {
        path: PORTAL_PAGES.login,
        name: 'login',
        component: () => import('../views/login/LoginView.vue'),
        meta: { public: true, firstScreen: true, titleKey: 'login.title' },
      },
      {
        // Where Microsoft sends a Microsoft 365 administrator after the admin-consent link: no portal account needed.
        path: PORTAL_PAGES.adminConsent,
        name: 'admin-consent',
        component: () => import('../views/admin-consent/AdminConsentView.vue'),
        meta: { public: true, titleKey: 'adminConsent.title' },
      },
      {
        // The connector window: its own minimal chrome, no menu. Reachable without a session: the browser an
        // integrator sent an API token's connector link to has none, and where Microsoft's answer reached a host
        // without the user's session the window explains that instead of showing a bare login form.
        path: PORTAL_PAGES.connector,
        name: 'connector',
        component: () => import('../views/connector/ConnectorView.vue'),
        props: true,
        meta: { public: true, titleKey: 'connector.title' },
      },
      {
        path: PORTAL_PAGES.overview,
        component: () => import('../layouts/AppLayout.vue'),
        children: [
          {
            path: PORTAL_PAGES.overview,
            name: 'overview',
            component: () => import('../views/overview/OverviewView.vue'),
            meta: { titleKey: 'nav.overview' },
          },
          {
            path: PORTAL_PAGES.ms365,
            name: 'ms365',
            component: () => import('../views/ms365/Ms365View.vue'),
            meta: { titleKey: 'nav.ms365' },
          },
          {
            // „Import-Aktivität“ of the invoice mail import, linked from its card on the Microsoft 365 page.
            path: PORTAL_PAGES.invoiceImportActivity,
            name: 'invoice-import-activity',
            component: () => import('../views/invoice-import/ImportActivityView.vue'),
            meta: { titleKey: 'invoiceImport.activity.title' },
          },
          {
            path: PORTAL_PAGES.webhooks,
            name: 'webhooks',
            component: () => import('../views/webhooks/WebhooksView.vue'),
            meta: { titleKey: 'nav.webhooks' },
          },
          {
            path: PORTAL_PAGES.apiTokens,
            name: 'api-tokens',
            component: () => import('../views/api-tokens/ApiTokensView.vue'),
            meta: { titleKey: 'nav.apiTokens' },
          },
          {
            path: ':pathMatch(.*)*',
            name: 'not-found',
            component: () => import('../views/NotFoundView.vue'),
            meta: { titleKey: 'notFound.title' },
          },
        ],
      },
    ],
  });

  // The one guard: pages need a session, the login page does not (and skips itself when signed in).
  router.beforeEach(async (to): Promise<RouteLocationRaw | true> => {
    const session = useSessionStore();
    const sessionKnown = session.loaded;
    // Asked first: a browser opens six connections per host, and the answer decides which page renders.
    const loading = session.ensureLoaded();
    if (!sessionKnown) prefetchWhileTheSessionIsAsked(router, to);
    try {
      await loading;
    } catch {
      // Server unreachable: treat as signed out; the login form then says what is wrong.
    }
    if (!to.meta.public && !session.isAuthenticated) {
      return { name: 'login', query: to.fullPath === PORTAL_PAGES.overview ? {} : { redirect: to.fullPath } };
    }
    if (to.name === 'login' && session.isAuthenticated) return safeRedirect(to.query.redirect);
    // Fetched while the page's own chunks load; beforeResolve below waits for them (and retries a failed one).
    if (!to.meta.firstScreen) loadPageMessages().catch(() => undefined);
    return true;
  });

  router.beforeResolve(async (to) => {
    if (!to.meta.firstScreen) await loadPageMessages();
  });

  return router;
}

/**
 * The first navigation waits for the server's answer whether the cookie holds a session; the chunks and texts of
 * the page asked for, and the login page's where it may lead instead, download meanwhile rather than after the
 * answer (the router then finds them loaded). A failed download here is retried by the navigation itself.
 */
function prefetchWhileTheSessionIsAsked(router: Router, to: RouteLocationNormalized): void {
  const targets = to.meta.public ? [to] : [to, router.resolve({ name: 'login' })];
  for (const target of targets) loadRouteLocation(target).catch(() => undefined);
  if (!to.meta.firstScreen) loadPageMessages().catch(() => undefined);
}

/** Only paths inside the portal: a crafted ?redirect=https://… must not lead elsewhere after login. */
export function safeRedirect(target: unknown): string {
  return typeof target === 'string' && target.startsWith('/') && !target.startsWith('//') ? target : '/';
}
