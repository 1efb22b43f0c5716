import { API_PREFIX } from './constants.js';

/**
 * The portal's pages, as the web router serves them. The server links and redirects to some of them (the connector
 * window, the admin-consent page) and the web links to all of them: one table, so moving a page cannot leave a
 * redirect or a link pointing at nothing.
 */
export const PORTAL_PAGES = {
  overview: '/',
  login: '/login',
  ms365: '/microsoft-365',
  /** „Import-Aktivität“ of the invoice mail import, below the Microsoft 365 page. */
  invoiceImportActivity: '/microsoft-365/rechnungs-import',
  webhooks: '/webhooks',
  apiTokens: '/api-tokens',
  /** Where Microsoft sends an administrator back to after the admin-consent link (`?result=`). */
  adminConsent: '/admin-consent',
  /** The connector window of one connect attempt (`?error=` when the server sends a browser there with a reason). */
  connector: '/connector/:attemptId',
} as const;

/** The connector window of the attempt `attemptId`. */
export const connectorPage = (attemptId: string): string =>
  PORTAL_PAGES.connector.replace(':attemptId', encodeURIComponent(attemptId));

/** The login page, which goes on to the portal path `target` once signed in. */
export const loginPageTo = (target: string): string => `${PORTAL_PAGES.login}?redirect=${encodeURIComponent(target)}`;

/**
 * The Microsoft 365 routes of the API below API_PREFIX, in the route notation (`:param`). The server registers
 * them from here and builds from here the URLs it hands out (the authorize link, Microsoft's redirect URI); the web
 * calls them through the typed client, whose paths are generated from the OpenAPI document.
 */
export const MS365_ROUTES = {
  connect: '/ms365/connect',
  attempt: '/ms365/connect/:attemptId',
  authorize: '/ms365/connect/:attemptId/authorize',
  code: '/ms365/connect/:attemptId/code',
  /** Microsoft's redirect URI (registered at the app as `<PUBLIC_URL>/api/v1/ms365/callback`). */
  callback: '/ms365/callback',
  connection: '/ms365/connection',
  connectionTest: '/ms365/connection/test',
  accessToken: '/ms365/connection/access-token',
} as const;

/** Every Microsoft 365 route starts with this (the connector's binding cookie is scoped to it). */
export const MS365_API_BASE = `${API_PREFIX}/ms365`;

/** The absolute path of the attempt's authorize route (the connector window's link to Microsoft). */
export const authorizePath = (attemptId: string): string =>
  `${API_PREFIX}${MS365_ROUTES.authorize.replace(':attemptId', encodeURIComponent(attemptId))}`;

/** The absolute path of Microsoft's redirect URI. */
export const CALLBACK_PATH = `${API_PREFIX}${MS365_ROUTES.callback}`;
