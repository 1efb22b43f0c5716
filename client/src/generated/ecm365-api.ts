// Generated from GET /openapi.json by openapi-typescript (pnpm --filter @ecm365/api openapi). Do not edit.
export interface paths {
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics (HTTP, logins, connections, ELO and Microsoft calls)
         * @description With METRICS_TOKEN set, 401 unless the scraper sends it as a bearer token; in production without METRICS_TOKEN the endpoint is off (404).
         */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process is up */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: database reachable and all migrations applied (503 otherwise) */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with ELO user name and password */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out (deletes the session) */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The current session */
        get: operations["getSession"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ms365/access": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** May the signed-in user manage the Microsoft 365 connection? (the ELO group check) */
        get: operations["getMs365Access"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ms365/connect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a connection attempt; open connectorUrl in the connector window */
        post: operations["startConnectAttempt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ms365/connect/{attemptId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * State of a connection attempt (pending, code ready, failed with explanation, …)
         * @description Also answers a browser without credentials for an attempt started with an API token: the first browser that opens it owns it (binding cookie); any other browser gets 403 session_mismatch.
         */
        get: operations["getConnectAttempt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ms365/connect/{attemptId}/authorize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Redirect to Microsoft's sign-in and consent (state, nonce, PKCE S256), new for every call
         * @description Like the attempt itself, also for the browser that owns an attempt started with an API token.
         */
        get: operations["authorizeConnectAttempt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ms365/connect/{attemptId}/code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The MS365 code, only to the session that started the attempt */
        get: operations["getMs365Code"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ms365/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Microsoft's redirect after sign-in and consent; sends the browser on to the connector window */
        get: operations["ms365Callback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-tokens/current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The calling API token: id, name, scopes, tenant, expiry (any scope) */
        get: operations["getCurrentApiToken"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's API tokens (never the tokens themselves) */
        get: operations["listApiTokens"];
        put?: never;
        /** Create an API token (shown once) */
        post: operations["createApiToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete an API token; it stops working at once */
        delete: operations["deleteApiToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ms365/connection": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Connection status, the last test and the feature settings */
        get: operations["getConnection"];
        put?: never;
        /** „Einrichtung abschließen & Verbindung testen“: redeem the MS365 code, store the connection, test it */
        post: operations["redeemMs365Code"];
        /** „Verbindung trennen/löschen“: delete the tokens and the connection */
        delete: operations["deleteConnection"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ms365/connection/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Test the connection again; answers the result and the connection as it is now */
        post: operations["testConnection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ms365/features/invoice-mail-import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Settings and state of "Rechnungs-Import via E-Mail" */
        get: operations["getInvoiceMailImport"];
        /** Settings of "Rechnungs-Import via E-Mail" (members left out keep their value) */
        put: operations["setInvoiceMailImport"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ms365/features/invoice-mail-import/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The activity list: imported, failed, skipped and pending mails, newest first */
        get: operations["listInvoiceImportMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ms365/features/invoice-mail-import/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** „Jetzt prüfen“: run a round now (coalesced with one under way) */
        post: operations["runInvoiceImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ms365/features/invoice-mail-import/messages/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** „Erneut versuchen“ for a failed mail */
        post: operations["retryInvoiceImportMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ms365/connection/access-token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A Microsoft Graph access token of the tenant's connection, valid for at least five more minutes
         * @description For ELO-side features (scripts, other importers). Only API tokens with the scope ms365:token; browser sessions get 403 insufficient_scope. Refreshes through the connection’s serialised refresh when needed. `feature` asks only for that feature’s permissions and answers 409 needs_reauth when the connection lacks them. 409 not_connected / needs_reauth carry a German hint in details.hint. Rate-limited per API token (429 with Retry-After); every issuance is audited, the token itself never logged.
         */
        post: operations["createMs365AccessToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's webhooks (never their secrets) */
        get: operations["listWebhooks"];
        put?: never;
        /** Register a webhook; the signing secret is shown once */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a webhook; deliveries still waiting for it are dropped */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Delivery log of a webhook: status, attempts, HTTP status and duration of the last attempt */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a signed "webhook.test" event now and answer how the receiver responded */
        post: operations["testWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The address that receives needs_reauth and import-failure mails */
        get: operations["getNotificationSettings"];
        /**
         * Set (or, with null, remove) the notification address; at most one mail per kind and day
         * @description The mails to the address are written in the language of this request (Accept-Language: German or English; German otherwise).
         */
        put: operations["setNotificationSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @example {
         *       "feature": "invoice-mail-import"
         *     }
         */
        AccessTokenRequest: {
            /**
             * @description Only this feature's Graph permissions are asked for and checked.
             * @enum {unknown}
             */
            feature?: "invoice-mail-import";
        };
        /**
         * @example {
         *       "accessToken": "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9...",
         *       "tokenType": "Bearer",
         *       "expiresAt": "2026-03-02T09:25:00.000Z",
         *       "scopes": [
         *         "User.Read",
         *         "Mail.ReadWrite.Shared",
         *         "offline_access"
         *       ],
         *       "account": {
         *         "username": "anna@contoso.example",
         *         "displayName": "Anna Admin",
         *         "microsoftTenantId": "b1e7c1a2-0000-4c1d-9a0e-1f2e3d4c5b6a"
         *       }
         *     }
         */
        AccessTokenResponse: {
            /** @description A Microsoft Graph access token; never logged or stored by ecm365. */
            accessToken: string;
            /** @enum {string} */
            tokenType: "Bearer";
            /**
             * Format: date-time
             * @description At least five minutes from now.
             */
            expiresAt: string;
            /** @description The Graph permissions the token carries. */
            scopes: string[];
            account: {
                username: string;
                displayName: string;
                microsoftTenantId: string;
            };
        };
        ApiTokenInfo: {
            id: string;
            name: string;
            scopes: ("ms365:read" | "ms365:write" | "ms365:token" | "imports:read" | "imports:write" | "webhooks:write")[];
            /** Format: date-time */
            createdAt: string;
            /** @description ELO user who created it. */
            createdBy: string;
            /** Format: date-time */
            lastUsedAt: string | null;
            /**
             * Format: date-time
             * @description Null only for tokens made before expiry became mandatory.
             */
            expiresAt: string | null;
            /**
             * Format: date-time
             * @description Set when the creator was found no longer in the ELO group; the token then doesn't work any more.
             */
            revokedAt: string | null;
        };
        /**
         * @example [
         *       {
         *         "id": "tok_01J9Z4",
         *         "name": "ERP import",
         *         "scopes": [
         *           "ms365:read",
         *           "imports:read"
         *         ],
         *         "createdAt": "2026-03-02T09:15:00.000Z",
         *         "createdBy": "Anna Admin",
         *         "lastUsedAt": null,
         *         "expiresAt": "2026-05-31T09:15:00.000Z",
         *         "revokedAt": null
         *       }
         *     ]
         */
        ApiTokenList: components["schemas"]["ApiTokenInfo"][];
        AttemptError: {
            kind: "consent_required" | "cancelled" | "wrong_account_type" | "service_configuration" | "temporarily_unavailable" | "interaction_required" | "invalid_state" | "session_mismatch" | "sign_in_expired" | "id_token_invalid" | "unknown";
            /** @description Explanation with what to do next, in the language of Accept-Language. */
            message: string;
            /** @description Stable code of a text (shared/src/messages.ts); render it with its params in your language. */
            code?: string;
            params?: components["schemas"]["MessageParamsSchema"];
            aadstsCode?: string;
            correlationId?: string;
            /** @description Link to forward to the Microsoft 365 administrator. */
            adminConsentUrl?: string;
        };
        /**
         * @example {
         *       "attemptId": "att_7f3c2a",
         *       "status": "pending",
         *       "expiresAt": "2026-03-02T09:25:00.000Z",
         *       "authorizeUrl": "/api/v1/ms365/connect/att_7f3c2a/authorize"
         *     }
         */
        AttemptResponse: {
            attemptId: string;
            status: components["schemas"]["AttemptStatus"];
            /** Format: date-time */
            expiresAt: string;
            /** @description Where "Verbindung herstellen" leads. */
            authorizeUrl: string;
            error?: components["schemas"]["AttemptError"];
        };
        AttemptStatus: "pending" | "code_ready" | "failed" | "redeemed" | "expired";
        /**
         * @example {
         *       "code": "0WN6-60E8-1N6G-BYGB-8AT0-6PWG-2W4E",
         *       "expiresAt": "2026-03-02T09:25:00.000Z"
         *     }
         */
        CodeResponse: {
            /** @description The MS365 code; not meant for third parties. */
            code: string;
            /** Format: date-time */
            expiresAt: string;
        };
        ConnectedAccount: {
            /** @description User principal name of the connected Microsoft account. */
            username: string;
            displayName: string;
            microsoftTenantId: string;
        };
        ConnectionCheck: {
            /** @description Stable id, e.g. "token", "profile", "invoice-mail-import.mailbox". */
            id: string;
            ok: boolean;
            /** @description What the check found, in the language of Accept-Language. */
            message: string;
            /** @description Stable code of a text (shared/src/messages.ts); render it with its params in your language. */
            code?: string;
            params?: components["schemas"]["MessageParamsSchema"];
            /** @description What to do, in the language of Accept-Language. */
            hint?: string;
            /** @description Stable code of a text (shared/src/messages.ts); render it with its params in your language. */
            hintCode?: string;
            hintParams?: components["schemas"]["MessageParamsSchema"];
        };
        ConnectionConnectedData: {
            account: components["schemas"]["ConnectedAccount"];
            scopes: string[];
            /** @description ELO user who completed the set-up. */
            connectedBy: string;
            /**
             * Format: date-time
             * @description When the set-up this event belongs to was completed (its connectedAt): one per set-up.
             */
            connectedAt: string;
        };
        ConnectionDeletedData: {
            /** @description ELO user, or "ops" for the admin CLI. */
            deletedBy: string;
            /**
             * Format: date-time
             * @description When the set-up this event belongs to was completed (its connectedAt): one per set-up.
             */
            connectedAt: string;
            /** @description User principal name of the Microsoft account that was connected. */
            account: string;
        };
        /**
         * @example {
         *       "status": "connected",
         *       "account": {
         *         "username": "anna@contoso.example",
         *         "displayName": "Anna Admin",
         *         "microsoftTenantId": "b1e7c1a2-0000-4c1d-9a0e-1f2e3d4c5b6a"
         *       },
         *       "scopes": [
         *         "openid",
         *         "profile",
         *         "offline_access",
         *         "User.Read",
         *         "Mail.ReadWrite.Shared"
         *       ],
         *       "connectedAt": "2026-03-02T09:15:00.000Z",
         *       "connectedBy": "Anna Admin",
         *       "lastTest": {
         *         "ok": true,
         *         "testedAt": "2026-03-02T09:15:00.000Z",
         *         "checks": [
         *           {
         *             "id": "token",
         *             "ok": true,
         *             "message": "Token is valid."
         *           },
         *           {
         *             "id": "profile",
         *             "ok": true,
         *             "message": "Signed in as anna@contoso.example."
         *           }
         *         ]
         *       },
         *       "features": [
         *         {
         *           "id": "invoice-mail-import",
         *           "enabled": true,
         *           "mailbox": "rechnungen@contoso.example",
         *           "scopes": [
         *             "Mail.ReadWrite.Shared"
         *           ]
         *         }
         *       ]
         *     }
         */
        ConnectionResponse: {
            status: components["schemas"]["ConnectionStatusValue"];
            account?: components["schemas"]["ConnectedAccount"];
            scopes?: string[];
            /** Format: date-time */
            connectedAt?: string;
            /** @description ELO user who completed the set-up. */
            connectedBy?: string;
            lastTest?: components["schemas"]["ConnectionTestResult"];
            /**
             * Format: date-time
             * @description Last background or manual check.
             */
            lastCheckedAt?: string;
            /**
             * Format: date-time
             * @description When the health monitor checks next.
             */
            nextCheckAt?: string;
            /** @description Most recent failure. */
            lastFailure?: {
                /** Format: date-time */
                at: string;
                /** @description Id of the failing check. */
                reason: string;
                message: string;
                /** @description Stable code of a text (shared/src/messages.ts); render it with its params in your language. */
                code?: string;
                params?: components["schemas"]["MessageParamsSchema"];
            };
            features: components["schemas"]["FeatureSettings"][];
            supportNotification?: components["schemas"]["SupportNotification"];
        };
        ConnectionStatusChangedData: {
            /**
             * Format: date-time
             * @description When the set-up this event belongs to was completed (its connectedAt): one per set-up.
             */
            connectedAt: string;
            status: "needs_reauth" | "error";
            previousStatus: components["schemas"]["ConnectionStatusValue"];
            /** @description Id of the first failing check, e.g. "token". */
            reason: string;
            /** @description German explanation; `code` and `params` are the same text for any language. */
            message: string;
            /** @description Stable code of a text (shared/src/messages.ts); render it with its params in your language. */
            code?: string;
            params?: components["schemas"]["MessageParamsSchema"];
            hint?: string;
            /** @description Stable code of a text (shared/src/messages.ts); render it with its params in your language. */
            hintCode?: string;
            hintParams?: components["schemas"]["MessageParamsSchema"];
        };
        ConnectionStatusValue: "not_connected" | "connected" | "needs_reauth" | "error";
        ConnectionTestedData: {
            /**
             * Format: date-time
             * @description When the set-up this event belongs to was completed (its connectedAt): one per set-up.
             */
            connectedAt: string;
            trigger: components["schemas"]["ConnectionTestTrigger"];
            status: "connected" | "needs_reauth" | "error";
            previousStatus: components["schemas"]["ConnectionStatusValue"];
            result: components["schemas"]["ConnectionTestResult"];
        };
        /**
         * @example {
         *       "ok": true,
         *       "testedAt": "2026-03-02T09:15:00.000Z",
         *       "checks": [
         *         {
         *           "id": "token",
         *           "ok": true,
         *           "message": "Token is valid."
         *         },
         *         {
         *           "id": "profile",
         *           "ok": true,
         *           "message": "Signed in as anna@contoso.example."
         *         }
         *       ],
         *       "connection": {
         *         "status": "connected",
         *         "account": {
         *           "username": "anna@contoso.example",
         *           "displayName": "Anna Admin",
         *           "microsoftTenantId": "b1e7c1a2-0000-4c1d-9a0e-1f2e3d4c5b6a"
         *         },
         *         "scopes": [
         *           "openid",
         *           "profile",
         *           "offline_access",
         *           "User.Read",
         *           "Mail.ReadWrite.Shared"
         *         ],
         *         "connectedAt": "2026-03-02T09:15:00.000Z",
         *         "connectedBy": "Anna Admin",
         *         "lastTest": {
         *           "ok": true,
         *           "testedAt": "2026-03-02T09:15:00.000Z",
         *           "checks": [
         *             {
         *               "id": "token",
         *               "ok": true,
         *               "message": "Token is valid."
         *             },
         *             {
         *               "id": "profile",
         *               "ok": true,
         *               "message": "Signed in as anna@contoso.example."
         *             }
         *           ]
         *         },
         *         "features": [
         *           {
         *             "id": "invoice-mail-import",
         *             "enabled": true,
         *             "mailbox": "rechnungen@contoso.example",
         *             "scopes": [
         *               "Mail.ReadWrite.Shared"
         *             ]
         *           }
         *         ],
         *         "lastCheckedAt": "2026-03-02T09:15:00.000Z"
         *       }
         *     }
         */
        ConnectionTestResponse: {
            ok: boolean;
            /** Format: date-time */
            testedAt: string;
            checks: components["schemas"]["ConnectionCheck"][];
            connection: components["schemas"]["ConnectionResponse"];
        };
        /**
         * @example {
         *       "ok": true,
         *       "testedAt": "2026-03-02T09:15:00.000Z",
         *       "checks": [
         *         {
         *           "id": "token",
         *           "ok": true,
         *           "message": "Token is valid."
         *         },
         *         {
         *           "id": "profile",
         *           "ok": true,
         *           "message": "Signed in as anna@contoso.example."
         *         }
         *       ]
         *     }
         */
        ConnectionTestResult: {
            ok: boolean;
            /** Format: date-time */
            testedAt: string;
            checks: components["schemas"]["ConnectionCheck"][];
        };
        ConnectionTestTrigger: "setup" | "manual" | "monitor";
        /**
         * @example {
         *       "attemptId": "att_7f3c2a",
         *       "connectorUrl": "https://acme.portal.example/ms365/connector/att_7f3c2a",
         *       "expiresAt": "2026-03-02T09:25:00.000Z"
         *     }
         */
        ConnectResponse: {
            attemptId: string;
            /** @description Open this in the connector window (popup). */
            connectorUrl: string;
            /** Format: date-time */
            expiresAt: string;
        };
        /**
         * @example {
         *       "name": "ERP import",
         *       "scopes": [
         *         "ms365:read",
         *         "imports:read"
         *       ],
         *       "expiresInDays": 90
         *     }
         */
        CreateApiTokenRequest: {
            /** @description What the token is for, e.g. "ERP import". */
            name: string;
            /** @description What the token may do. Omitted: ms365:read and ms365:write. */
            scopes?: ("ms365:read" | "ms365:write" | "ms365:token" | "imports:read" | "imports:write" | "webhooks:write")[];
            /** @description Days until the token expires; default 90, at most 365. */
            expiresInDays?: number;
        };
        /**
         * @example {
         *       "id": "tok_01J9Z4",
         *       "name": "ERP import",
         *       "scopes": [
         *         "ms365:read",
         *         "imports:read"
         *       ],
         *       "createdAt": "2026-03-02T09:15:00.000Z",
         *       "createdBy": "Anna Admin",
         *       "lastUsedAt": null,
         *       "expiresAt": "2026-05-31T09:15:00.000Z",
         *       "revokedAt": null,
         *       "token": "ecm365_5q2Zp8..."
         *     }
         */
        CreatedApiToken: {
            id: string;
            name: string;
            scopes: ("ms365:read" | "ms365:write" | "ms365:token" | "imports:read" | "imports:write" | "webhooks:write")[];
            /** Format: date-time */
            createdAt: string;
            /** @description ELO user who created it. */
            createdBy: string;
            /** Format: date-time */
            lastUsedAt: string | null;
            /**
             * Format: date-time
             * @description Null only for tokens made before expiry became mandatory.
             */
            expiresAt: string | null;
            /**
             * Format: date-time
             * @description Set when the creator was found no longer in the ELO group; the token then doesn't work any more.
             */
            revokedAt: string | null;
            /** @description Shown once. Send as "Authorization: Bearer <token>". */
            token: string;
        };
        /**
         * @example {
         *       "id": "wh_01J9Z5",
         *       "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
         *     }
         */
        CreatedWebhook: {
            id: string;
            /** @description Signing secret (whsec_…) for the Standard Webhooks signature. Shown once, stored encrypted. */
            secret: string;
        };
        /**
         * @example {
         *       "url": "https://erp.contoso.example/hooks/ecm365",
         *       "events": [
         *         "ms365.connection.needs_reauth"
         *       ],
         *       "description": "ERP alerts"
         *     }
         */
        CreateWebhookRequest: {
            /** @description Where events are POSTed; https in production, no private or loopback addresses. */
            url: string;
            events: ("ms365.connection.connected" | "ms365.connection.tested" | "ms365.connection.needs_reauth" | "ms365.connection.error" | "ms365.connection.deleted" | "invoice_import.message.imported" | "invoice_import.message.failed" | "invoice_import.needs_attention")[];
            description?: string;
        };
        /**
         * @example {
         *       "id": "tok_01J9Z4",
         *       "name": "ERP import",
         *       "scopes": [
         *         "ms365:token",
         *         "imports:read"
         *       ],
         *       "tenant": {
         *         "slug": "acme",
         *         "name": "ACME GmbH"
         *       },
         *       "createdBy": "Anna Admin",
         *       "expiresAt": "2026-05-31T09:15:00.000Z"
         *     }
         */
        CurrentApiToken: {
            id: string;
            name: string;
            scopes: ("ms365:read" | "ms365:write" | "ms365:token" | "imports:read" | "imports:write" | "webhooks:write")[];
            tenant: components["schemas"]["SessionTenant"];
            createdBy: string;
            /** Format: date-time */
            expiresAt: string | null;
        };
        EinvoiceSummary: {
            /** @enum {unknown} */
            syntax: "ubl" | "cii";
            /** @description The profile in words, from the specification identifier: e.g. "XRechnung 3.0", "EN 16931 (COMFORT)", "Factur-X/ZUGFeRD BASIC", "Factur-X/ZUGFeRD MINIMUM". */
            profile: string;
        };
        /** @description The one error format of the API. */
        ErrorBody: {
            error: {
                /** @enum {unknown} */
                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "insufficient_scope" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "needs_reauth" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                /** @description Human-readable, in the language of Accept-Language (German by default, English); never contains secrets. */
                message: string;
                /** @description Stable code of a text (shared/src/messages.ts); render it with its params in your language. */
                messageCode?: string;
                params?: components["schemas"]["MessageParamsSchema"];
                details?: {
                    [key: string]: unknown;
                };
                correlationId?: string;
            };
        };
        /**
         * @example {
         *       "id": "invoice-mail-import",
         *       "enabled": true,
         *       "mailbox": "rechnungen@contoso.example",
         *       "scopes": [
         *         "Mail.ReadWrite.Shared"
         *       ]
         *     }
         */
        FeatureSettings: {
            /** @enum {unknown} */
            id: "invoice-mail-import";
            enabled: boolean;
            mailbox: string | null;
            /** @description Permissions this feature adds. */
            scopes: string[];
        };
        /**
         * @example {
         *       "accepted": true
         *     }
         */
        ImportAccepted: {
            /** @enum {boolean} */
            accepted: true;
        };
        ImportedDocument: {
            /** @description Original file name. */
            name: string;
            /** @description Bytes of the main file. */
            size: number;
            /**
             * @description pdf, einvoice_xml (XRechnung/UBL/CII as XML), hybrid_pdf (ZUGFeRD/Factur-X: PDF with the XML inside), image, eml (a mail), other.
             * @enum {unknown}
             */
            kind: "pdf" | "einvoice_xml" | "hybrid_pdf" | "image" | "eml" | "other";
            einvoice?: components["schemas"]["EinvoiceSummary"];
            eloObjId?: string;
            /** @description ELO path with ¶ separators. */
            eloPath?: string;
        };
        ImportMessage: {
            id: string;
            /** Format: date-time */
            receivedAt: string;
            /** @description Sender address (and name). */
            from: string;
            subject: string;
            /** @enum {unknown} */
            state: "pending" | "imported" | "failed" | "skipped";
            documents: components["schemas"]["ImportedDocument"][];
            error?: components["schemas"]["ImportProblem"];
            skippedReason?: components["schemas"]["ImportProblem"];
            /** @description What was left out or changed: skipped attachments (inline images, cloud links), index values the mask has no field for, values cut to the field length, e-invoice inspection notes. */
            notes?: components["schemas"]["ImportProblem"][];
            attempts: number;
        };
        /**
         * @example {
         *       "items": [
         *         {
         *           "id": "0b6f1d2e-7c4a-4e5b-9f10-2a3b4c5d6e7f",
         *           "receivedAt": "2026-03-02T09:15:00.000Z",
         *           "from": "Muster Lieferant GmbH <rechnung@lieferant.example>",
         *           "subject": "Rechnung RE-2026-0042",
         *           "state": "imported",
         *           "documents": [
         *             {
         *               "name": "RE-2026-0042.pdf",
         *               "size": 48213,
         *               "kind": "hybrid_pdf",
         *               "einvoice": {
         *                 "syntax": "cii",
         *                 "profile": "EN 16931 (COMFORT)"
         *               },
         *               "eloObjId": "4711",
         *               "eloPath": "¶Rechnungseingang¶2026¶03¶RE-2026-0042.pdf"
         *             }
         *           ],
         *           "attempts": 1
         *         }
         *       ],
         *       "nextCursor": "MjAyNi0wMy0wMlQwOToxNTowMC4wMDBa"
         *     }
         */
        ImportMessagesResponse: {
            items: components["schemas"]["ImportMessage"][];
            nextCursor?: string;
        };
        ImportProblem: {
            /** @description Stable snake_case identifier. */
            code: string;
            /** @description A rendering in the request's language (Accept-Language); German when stored. */
            message: string;
            /** @description The text of the problem (`import.<code>`); render it with `params`. */
            messageCode?: string;
            params?: components["schemas"]["MessageParamsSchema"];
            /** @description The attachment a note is about (an embedded file as `<attachment> › <file>`); `message` starts with it. */
            document?: string;
        };
        InvoiceImportMessageFailedData: {
            /** @description ecm365's id of the mail (the activity list's id). */
            messageId: string;
            mailbox: string;
            /** Format: date-time */
            receivedAt: string;
            from: string;
            subject: string;
            error: {
                /** @description Stable snake_case identifier, e.g. "elo_rejected". */
                code: string;
                /** @description German rendering, kept for receivers written before codes. */
                message: string;
                /** @description The text (`import.<code>`). */
                messageCode?: string;
                params?: components["schemas"]["MessageParamsSchema"];
            };
            attempts: number;
        };
        InvoiceImportMessageImportedData: {
            /** @description ecm365's id of the mail (the activity list's id). */
            messageId: string;
            mailbox: string;
            /** Format: date-time */
            receivedAt: string;
            from: string;
            subject: string;
            documents: {
                name: string;
                /** @description pdf | einvoice_xml | hybrid_pdf | image | eml | other */
                kind: string;
                eloObjId?: string;
                eloPath?: string;
            }[];
        };
        InvoiceImportNeedsAttentionData: {
            mailbox: string | null;
            error: {
                /** @description Stable snake_case identifier, e.g. "elo_rejected". */
                code: string;
                /** @description German rendering, kept for receivers written before codes. */
                message: string;
                /** @description The text (`import.<code>`). */
                messageCode?: string;
                params?: components["schemas"]["MessageParamsSchema"];
            };
        };
        /**
         * @example {
         *       "enabled": true,
         *       "mailbox": "rechnungen@contoso.example"
         *     }
         */
        InvoiceMailImportRequest: {
            enabled: boolean;
            /** Format: email */
            mailbox: string | null;
            /** @description ELO path with ¶ separators and the placeholders {yyyy} {MM} {dd}; default ¶Rechnungseingang¶{yyyy}¶{MM}. */
            eloFolder?: string;
            /** @description ELO mask name; default „Rechnung“. */
            eloMask?: string;
            /** @enum {unknown} */
            afterImport?: "move" | "mark_read" | "none";
            /**
             * Format: date-time
             * @description Received-date cut-off; default: when the import was first enabled.
             */
            importFrom?: string;
            /** @enum {unknown} */
            content?: "attachments" | "eml" | "both";
            includeInline?: boolean;
            /** @description Which index field (group name in the mask) receives which value; missing keys keep their defaults (ECM365_IMPORT_KEY, ECM365_MESSAGE_ID, ECM365_MAILBOX, ECM365_FROM, ECM365_SUBJECT, ECM365_RECEIVED, ELO_FNAME, RE_KIND, RE_EINVOICE_SYNTAX, RE_EINVOICE_PROFILE, RE_NUMMER, RE_DATUM, RE_LIEFERANT, RE_BETRAG). */
            eloFields?: {
                importKey?: string;
                messageId?: string;
                mailbox?: string;
                sender?: string;
                subject?: string;
                receivedAt?: string;
                fileName?: string;
                kind?: string;
                einvoiceSyntax?: string;
                einvoiceProfile?: string;
                invoiceNumber?: string;
                invoiceDate?: string;
                seller?: string;
                total?: string;
            };
        };
        /**
         * @example {
         *       "id": "invoice-mail-import",
         *       "enabled": true,
         *       "mailbox": "rechnungen@contoso.example",
         *       "scopes": [
         *         "Mail.ReadWrite.Shared"
         *       ],
         *       "eloFolder": "¶Rechnungseingang¶{yyyy}¶{MM}",
         *       "eloMask": "Rechnung",
         *       "afterImport": "move",
         *       "importFrom": "2026-03-02T09:15:00.000Z",
         *       "content": "attachments",
         *       "includeInline": false,
         *       "eloFields": {
         *         "importKey": "ECM365_IMPORT_KEY",
         *         "messageId": "ECM365_MESSAGE_ID",
         *         "mailbox": "ECM365_MAILBOX",
         *         "sender": "ECM365_FROM",
         *         "subject": "ECM365_SUBJECT",
         *         "receivedAt": "ECM365_RECEIVED",
         *         "fileName": "ELO_FNAME",
         *         "kind": "RE_KIND",
         *         "einvoiceSyntax": "RE_EINVOICE_SYNTAX",
         *         "einvoiceProfile": "RE_EINVOICE_PROFILE",
         *         "invoiceNumber": "RE_NUMMER",
         *         "invoiceDate": "RE_DATUM",
         *         "seller": "RE_LIEFERANT",
         *         "total": "RE_BETRAG"
         *       },
         *       "state": "running",
         *       "lastRunAt": "2026-03-02T09:15:00.000Z",
         *       "nextRunAt": "2026-03-02T09:25:00.000Z",
         *       "backlog": 0,
         *       "counts": {
         *         "imported": 12,
         *         "failed": 1,
         *         "skipped": 2
         *       },
         *       "eloMaskUsed": "Rechnung"
         *     }
         */
        InvoiceMailImportResponse: components["schemas"]["InvoiceMailImportSettings"] & components["schemas"]["InvoiceMailImportStatus"];
        InvoiceMailImportSettings: {
            /** @enum {string} */
            id: "invoice-mail-import";
            enabled: boolean;
            mailbox: string | null;
            /** @description Permissions this feature adds. */
            scopes: string[];
            eloFolder: string;
            eloMask: string;
            /** @enum {unknown} */
            afterImport: "move" | "mark_read" | "none";
            /**
             * Format: date-time
             * @description Null until the import is first enabled.
             */
            importFrom: string | null;
            /** @enum {unknown} */
            content: "attachments" | "eml" | "both";
            includeInline: boolean;
            eloFields: {
                importKey: string;
                messageId: string;
                mailbox: string;
                sender: string;
                subject: string;
                receivedAt: string;
                fileName: string;
                kind: string;
                einvoiceSyntax: string;
                einvoiceProfile: string;
                invoiceNumber: string;
                invoiceDate: string;
                seller: string;
                total: string;
            };
        };
        InvoiceMailImportStatus: {
            /** @enum {unknown} */
            state: "disabled" | "waiting_for_connection" | "waiting_for_elo" | "running" | "needs_attention";
            /**
             * Format: date-time
             * @description When the last round ended.
             */
            lastRunAt?: string;
            /**
             * Format: date-time
             * @description When the next round is due.
             */
            nextRunAt?: string;
            /** @description Mails seen but not finished yet. */
            backlog: number;
            counts: {
                imported: number;
                failed: number;
                skipped: number;
            };
            lastError?: components["schemas"]["ImportProblem"];
            /** @description The mask documents are filed with (the basic mask where „Rechnung“ is missing). */
            eloMaskUsed?: string;
        };
        /**
         * @example {
         *       "username": "anna",
         *       "password": "correct horse battery staple",
         *       "tenant": "acme"
         *     }
         */
        LoginRequest: {
            username: string;
            password: string;
            /** @description Customer name; needed on selfhost.<base-domain>, otherwise taken from the host name. */
            tenant?: string;
        };
        /** @description The values the text of the code puts in, by name. */
        MessageParamsSchema: {
            [key: string]: string | number;
        };
        /**
         * @example {
         *       "allowed": true,
         *       "reason": "group_member",
         *       "group": "online.ecm.microsoft365"
         *     }
         */
        Ms365Access: {
            allowed: boolean;
            reason: components["schemas"]["Ms365AccessReason"];
            /** @enum {string} */
            group: "online.ecm.microsoft365";
            /**
             * Format: date
             * @description The grace date: before this day (German calendar) every signed-in user of the tenant may connect.
             */
            graceUntil?: string;
        };
        Ms365AccessReason: "group_member" | "grace_period" | "not_member";
        /**
         * @example {
         *       "email": "it@contoso.example"
         *     }
         */
        NotificationSettings: {
            /** @description Null: no notification mails. */
            email: string | null;
        };
        /**
         * @example {
         *       "email": "it@contoso.example"
         *     }
         */
        NotificationSettingsRequest: {
            /** Format: email */
            email: string | null;
        };
        /**
         * @example {
         *       "code": "0WN6-60E8-1N6G-BYGB-8AT0-6PWG-2W4E"
         *     }
         */
        RedeemRequest: {
            code: string;
        };
        /**
         * @example {
         *       "connection": {
         *         "status": "connected",
         *         "account": {
         *           "username": "anna@contoso.example",
         *           "displayName": "Anna Admin",
         *           "microsoftTenantId": "b1e7c1a2-0000-4c1d-9a0e-1f2e3d4c5b6a"
         *         },
         *         "scopes": [
         *           "openid",
         *           "profile",
         *           "offline_access",
         *           "User.Read",
         *           "Mail.ReadWrite.Shared"
         *         ],
         *         "connectedAt": "2026-03-02T09:15:00.000Z",
         *         "connectedBy": "Anna Admin",
         *         "lastTest": {
         *           "ok": true,
         *           "testedAt": "2026-03-02T09:15:00.000Z",
         *           "checks": [
         *             {
         *               "id": "token",
         *               "ok": true,
         *               "message": "Token is valid."
         *             },
         *             {
         *               "id": "profile",
         *               "ok": true,
         *               "message": "Signed in as anna@contoso.example."
         *             }
         *           ]
         *         },
         *         "features": [
         *           {
         *             "id": "invoice-mail-import",
         *             "enabled": true,
         *             "mailbox": "rechnungen@contoso.example",
         *             "scopes": [
         *               "Mail.ReadWrite.Shared"
         *             ]
         *           }
         *         ]
         *       },
         *       "test": {
         *         "ok": true,
         *         "testedAt": "2026-03-02T09:15:00.000Z",
         *         "checks": [
         *           {
         *             "id": "token",
         *             "ok": true,
         *             "message": "Token is valid."
         *           },
         *           {
         *             "id": "profile",
         *             "ok": true,
         *             "message": "Signed in as anna@contoso.example."
         *           }
         *         ]
         *       }
         *     }
         */
        RedeemResponse: {
            connection: components["schemas"]["ConnectionResponse"];
            test: components["schemas"]["ConnectionTestResult"];
        };
        /**
         * @example {
         *       "user": {
         *         "id": "42",
         *         "name": "Anna Admin"
         *       },
         *       "tenant": {
         *         "slug": "acme",
         *         "name": "ACME GmbH"
         *       },
         *       "csrfToken": "k3P9v0mS2qZ8x1Lr",
         *       "ms365Access": {
         *         "allowed": true,
         *         "reason": "group_member",
         *         "group": "online.ecm.microsoft365"
         *       }
         *     }
         */
        SessionResponse: {
            user: components["schemas"]["SessionUser"];
            tenant: components["schemas"]["SessionTenant"];
            /** @description Send as X-CSRF-Token on every unsafe request made with the cookie. */
            csrfToken: string;
            ms365Access: components["schemas"]["Ms365Access"];
        };
        SessionTenant: {
            slug: string;
            name: string;
        };
        SessionUser: {
            /** @description The ELO user id. */
            id: string;
            name: string;
        };
        SupportNotification: {
            /** @description pending: queued (sent as soon as the mail server takes it). */
            status: "pending" | "sent" | "failed";
            /** Format: date-time */
            queuedAt: string;
            /** Format: date-time */
            sentAt?: string;
            /** @description The support address, for questions. */
            email: string;
        };
        /**
         * @example {
         *       "id": "dlv_01J9Z6",
         *       "eventId": "evt_01J9Z7",
         *       "eventType": "webhook.test",
         *       "test": true,
         *       "status": "delivered",
         *       "attempts": 1,
         *       "createdAt": "2026-03-02T09:15:00.000Z",
         *       "lastAttemptAt": "2026-03-02T09:15:00.000Z",
         *       "nextAttemptAt": null,
         *       "deliveredAt": "2026-03-02T09:15:00.000Z",
         *       "responseStatus": 200,
         *       "durationMs": 84,
         *       "error": null
         *     }
         */
        WebhookDelivery: {
            id: string;
            /** @description The webhook-id header of every attempt. */
            eventId: string;
            eventType: string;
            /** @description Sent by the test button. */
            test: boolean;
            /**
             * @description pending: waiting for its (next) attempt; failed: gave up after a day of retries.
             * @enum {unknown}
             */
            status: "pending" | "sending" | "delivered" | "failed";
            attempts: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            lastAttemptAt: string | null;
            /** Format: date-time */
            nextAttemptAt: string | null;
            /** Format: date-time */
            deliveredAt: string | null;
            /** @description HTTP status of the last attempt. */
            responseStatus: number | null;
            /** @description Duration of the last attempt. */
            durationMs: number | null;
            /** @description Why the last attempt failed. */
            error: string | null;
        };
        /**
         * @description Newest first.
         * @example [
         *       {
         *         "id": "dlv_01J9Z6",
         *         "eventId": "evt_01J9Z7",
         *         "eventType": "webhook.test",
         *         "test": true,
         *         "status": "delivered",
         *         "attempts": 1,
         *         "createdAt": "2026-03-02T09:15:00.000Z",
         *         "lastAttemptAt": "2026-03-02T09:15:00.000Z",
         *         "nextAttemptAt": null,
         *         "deliveredAt": "2026-03-02T09:15:00.000Z",
         *         "responseStatus": 200,
         *         "durationMs": 84,
         *         "error": null
         *       }
         *     ]
         */
        WebhookDeliveryList: components["schemas"]["WebhookDelivery"][];
        /**
         * @example {
         *       "id": "evt_01J9Z7",
         *       "type": "ms365.connection.needs_reauth",
         *       "timestamp": "2026-03-02T09:15:00.000Z",
         *       "tenant": {
         *         "slug": "acme"
         *       },
         *       "data": {
         *         "connectedAt": "2026-03-02T09:15:00.000Z",
         *         "status": "needs_reauth",
         *         "previousStatus": "connected",
         *         "reason": "token",
         *         "message": "…"
         *       }
         *     }
         */
        WebhookEventEnvelope: {
            /** @description Stable event id (evt_…), also the webhook-id header. */
            id: string;
            /** @description One of the event types, or "webhook.test" for a test. */
            type: string;
            /**
             * Format: date-time
             * @description When the event happened.
             */
            timestamp: string;
            tenant: {
                slug: string;
            };
            /** @description See the event data schemas. */
            data: {
                [key: string]: unknown;
            };
        };
        WebhookInfo: {
            id: string;
            url: string;
            events: ("ms365.connection.connected" | "ms365.connection.tested" | "ms365.connection.needs_reauth" | "ms365.connection.error" | "ms365.connection.deleted" | "invoice_import.message.imported" | "invoice_import.message.failed" | "invoice_import.needs_attention")[];
            description: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description ELO user who registered it. */
            createdBy: string;
        };
        /**
         * @example [
         *       {
         *         "id": "wh_01J9Z5",
         *         "url": "https://erp.contoso.example/hooks/ecm365",
         *         "events": [
         *           "ms365.connection.needs_reauth"
         *         ],
         *         "description": "ERP alerts",
         *         "createdAt": "2026-03-02T09:15:00.000Z",
         *         "createdBy": "Anna Admin"
         *       }
         *     ]
         */
        WebhookList: components["schemas"]["WebhookInfo"][];
    };
    responses: {
        /** @description `access_denied`: Not allowed: not in the ELO group online.ecm.microsoft365, or outside the token’s scopes. */
        AccessDenied: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description `attempt_expired`: The connection attempt expired; start a new one. */
        AttemptExpired: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description `attempt_not_found`: No such connection attempt. */
        AttemptNotFound: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description `csrf_failed`: The X-CSRF-Token header is missing or wrong (cookie sessions). */
        CsrfFailed: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description `elo_unavailable`: The customer's ELO does not answer. */
        EloUnavailable: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description `import_disabled`: The invoice import is switched off. */
        ImportDisabled: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description `import_not_retryable`: Only a failed mail of the invoice import can be retried. */
        ImportNotRetryable: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description `insufficient_scope`: The API token lacks the route’s scope (details.scope), or a browser session called a tokens-only route. */
        InsufficientScope: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description `internal_error`: Unexpected; the correlationId finds it in the logs. */
        InternalError: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description `not_authenticated`: No valid session cookie or API token. */
        NotAuthenticated: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description `not_connected`: There is no Microsoft 365 connection. */
        NotConnected: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description `not_found`: No such resource (of this tenant). */
        NotFound: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description `payload_too_large`: The request body is larger than the limit. */
        PayloadTooLarge: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description `service_unavailable`: Temporarily unavailable (e.g. the database); retry shortly. */
        ServiceUnavailable: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description `too_many_attempts`: A limit was reached; wait Retry-After seconds. */
        TooManyAttempts: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description `unknown_tenant`: No customer of that name. */
        UnknownTenant: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description Unsupported Content-Type (`validation_failed`). */
        UnsupportedMediaType: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description `validation_failed`: The request does not match the schema (details.issues). */
        ValidationFailed: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description `webhook_limit_reached`: The tenant has the maximum number of webhooks. */
        WebhookLimitReached: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: {
        /** @description Seconds to wait before trying again. */
        "Retry-After": number;
        /** @description The session cookie (HttpOnly, SameSite=Lax; over https Secure and named __Host-ecm365_session). Logout clears it. */
        "Set-Cookie": string;
        /** @description Where the browser goes next. */
        Location: string;
        /** @description The id of this request in the logs: the caller’s own X-Request-Id when sane, else a new UUID. */
        "X-Request-Id": string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text exposition format */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            401: components["responses"]["NotAuthenticated"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                        /** @description Version of the running build (package.json), e.g. 0.2.0 */
                        version: string;
                    };
                };
            };
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        status: "ready" | "not_ready";
                        checks: {
                            database: "ok" | "unreachable";
                            migrations: "ok" | "pending" | "unknown";
                        };
                    };
                };
            };
            500: components["responses"]["InternalError"];
            /** @description Not ready */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        status: "ready" | "not_ready";
                        checks: {
                            database: "ok" | "unreachable";
                            migrations: "ok" | "pending" | "unknown";
                        };
                    };
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Set-Cookie": components["headers"]["Set-Cookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionResponse"];
                };
            };
            400: components["responses"]["ValidationFailed"];
            /** @description `invalid_credentials`: Wrong ELO user name or password. `password_login_disabled`: Password sign-in is disabled on the customer's ELO. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: components["responses"]["UnknownTenant"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyAttempts"];
            500: components["responses"]["InternalError"];
            502: components["responses"]["EloUnavailable"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    "Set-Cookie": components["headers"]["Set-Cookie"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["ValidationFailed"];
            401: components["responses"]["NotAuthenticated"];
            403: components["responses"]["CsrfFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionResponse"];
                };
            };
            401: components["responses"]["NotAuthenticated"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getMs365Access: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ms365Access"];
                };
            };
            401: components["responses"]["NotAuthenticated"];
            403: components["responses"]["InsufficientScope"];
            429: components["responses"]["TooManyAttempts"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    startConnectAttempt: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectResponse"];
                };
            };
            400: components["responses"]["ValidationFailed"];
            401: components["responses"]["NotAuthenticated"];
            /** @description `access_denied`: Not allowed: not in the ELO group online.ecm.microsoft365, or outside the token’s scopes. `csrf_failed`: The X-CSRF-Token header is missing or wrong (cookie sessions). `insufficient_scope`: The API token lacks the route’s scope (details.scope), or a browser session called a tokens-only route. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyAttempts"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getConnectAttempt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                attemptId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttemptResponse"];
                };
            };
            400: components["responses"]["ValidationFailed"];
            401: components["responses"]["NotAuthenticated"];
            /** @description `session_mismatch`: The attempt belongs to another browser. `access_denied`: Not allowed: not in the ELO group online.ecm.microsoft365, or outside the token’s scopes. `insufficient_scope`: The API token lacks the route’s scope (details.scope), or a browser session called a tokens-only route. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: components["responses"]["AttemptNotFound"];
            429: components["responses"]["TooManyAttempts"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    authorizeConnectAttempt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                attemptId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Redirect to the Location header */
            302: {
                headers: {
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Redirect to the Location header (see other) */
            303: {
                headers: {
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["ValidationFailed"];
            401: components["responses"]["NotAuthenticated"];
            /** @description `access_denied`: Not allowed: not in the ELO group online.ecm.microsoft365, or outside the token’s scopes. `insufficient_scope`: The API token lacks the route’s scope (details.scope), or a browser session called a tokens-only route. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: components["responses"]["AttemptNotFound"];
            410: components["responses"]["AttemptExpired"];
            429: components["responses"]["TooManyAttempts"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getMs365Code: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                attemptId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CodeResponse"];
                };
            };
            400: components["responses"]["ValidationFailed"];
            401: components["responses"]["NotAuthenticated"];
            /** @description `insufficient_scope`: The API token lacks the route’s scope (details.scope), or a browser session called a tokens-only route. `access_denied`: Not allowed: not in the ELO group online.ecm.microsoft365, or outside the token’s scopes. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: components["responses"]["AttemptNotFound"];
            /** @description `code_expired`: The MS365 code expired. `code_redeemed`: The MS365 code was already used. */
            410: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            429: components["responses"]["TooManyAttempts"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    ms365Callback: {
        parameters: {
            query?: {
                /** @description Authorization code (success) */
                code?: string;
                /** @description The state we sent */
                state?: string;
                /** @description Microsoft session id */
                session_state?: string;
                /** @description OAuth error (failure) */
                error?: string;
                /** @description AADSTS code and text */
                error_description?: string;
                /** @description e.g. cancel */
                error_subcode?: string;
                /** @description Microsoft help link */
                error_uri?: string;
                /** @description "True" after admin consent */
                admin_consent?: string;
                /** @description Tenant id after admin consent */
                tenant?: string;
                /** @description Scopes after admin consent */
                scope?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Redirect to the Location header (see other) */
            303: {
                headers: {
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getCurrentApiToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CurrentApiToken"];
                };
            };
            401: components["responses"]["NotAuthenticated"];
            429: components["responses"]["TooManyAttempts"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listApiTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiTokenList"];
                };
            };
            401: components["responses"]["NotAuthenticated"];
            403: components["responses"]["AccessDenied"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createApiToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiTokenRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiToken"];
                };
            };
            400: components["responses"]["ValidationFailed"];
            401: components["responses"]["NotAuthenticated"];
            /** @description `access_denied`: Not allowed: not in the ELO group online.ecm.microsoft365, or outside the token’s scopes. `csrf_failed`: The X-CSRF-Token header is missing or wrong (cookie sessions). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyAttempts"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteApiToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["ValidationFailed"];
            401: components["responses"]["NotAuthenticated"];
            /** @description `csrf_failed`: The X-CSRF-Token header is missing or wrong (cookie sessions). `access_denied`: Not allowed: not in the ELO group online.ecm.microsoft365, or outside the token’s scopes. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getConnection: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectionResponse"];
                };
            };
            401: components["responses"]["NotAuthenticated"];
            /** @description `access_denied`: Not allowed: not in the ELO group online.ecm.microsoft365, or outside the token’s scopes. `insufficient_scope`: The API token lacks the route’s scope (details.scope), or a browser session called a tokens-only route. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            429: components["responses"]["TooManyAttempts"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    redeemMs365Code: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RedeemRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RedeemResponse"];
                };
            };
            /** @description `invalid_code_format`: Not an MS365 code (typo?). `invalid_code`: The MS365 code is invalid, expired or already used. `validation_failed`: The request does not match the schema (details.issues). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: components["responses"]["NotAuthenticated"];
            /** @description `csrf_failed`: The X-CSRF-Token header is missing or wrong (cookie sessions). `insufficient_scope`: The API token lacks the route’s scope (details.scope), or a browser session called a tokens-only route. `access_denied`: Not allowed: not in the ELO group online.ecm.microsoft365, or outside the token’s scopes. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyAttempts"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteConnection: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["ValidationFailed"];
            401: components["responses"]["NotAuthenticated"];
            /** @description `access_denied`: Not allowed: not in the ELO group online.ecm.microsoft365, or outside the token’s scopes. `csrf_failed`: The X-CSRF-Token header is missing or wrong (cookie sessions). `insufficient_scope`: The API token lacks the route’s scope (details.scope), or a browser session called a tokens-only route. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyAttempts"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    testConnection: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectionTestResponse"];
                };
            };
            400: components["responses"]["ValidationFailed"];
            401: components["responses"]["NotAuthenticated"];
            /** @description `csrf_failed`: The X-CSRF-Token header is missing or wrong (cookie sessions). `insufficient_scope`: The API token lacks the route’s scope (details.scope), or a browser session called a tokens-only route. `access_denied`: Not allowed: not in the ELO group online.ecm.microsoft365, or outside the token’s scopes. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: components["responses"]["NotConnected"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyAttempts"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getInvoiceMailImport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceMailImportResponse"];
                };
            };
            401: components["responses"]["NotAuthenticated"];
            /** @description `access_denied`: Not allowed: not in the ELO group online.ecm.microsoft365, or outside the token’s scopes. `insufficient_scope`: The API token lacks the route’s scope (details.scope), or a browser session called a tokens-only route. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            429: components["responses"]["TooManyAttempts"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    setInvoiceMailImport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InvoiceMailImportRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceMailImportResponse"];
                };
            };
            400: components["responses"]["ValidationFailed"];
            401: components["responses"]["NotAuthenticated"];
            /** @description `access_denied`: Not allowed: not in the ELO group online.ecm.microsoft365, or outside the token’s scopes. `csrf_failed`: The X-CSRF-Token header is missing or wrong (cookie sessions). `insufficient_scope`: The API token lacks the route’s scope (details.scope), or a browser session called a tokens-only route. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyAttempts"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listInvoiceImportMessages: {
        parameters: {
            query?: {
                state?: "pending" | "imported" | "failed" | "skipped";
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportMessagesResponse"];
                };
            };
            400: components["responses"]["ValidationFailed"];
            401: components["responses"]["NotAuthenticated"];
            /** @description `access_denied`: Not allowed: not in the ELO group online.ecm.microsoft365, or outside the token’s scopes. `insufficient_scope`: The API token lacks the route’s scope (details.scope), or a browser session called a tokens-only route. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            429: components["responses"]["TooManyAttempts"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    runInvoiceImport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportAccepted"];
                };
            };
            400: components["responses"]["ValidationFailed"];
            401: components["responses"]["NotAuthenticated"];
            /** @description `access_denied`: Not allowed: not in the ELO group online.ecm.microsoft365, or outside the token’s scopes. `csrf_failed`: The X-CSRF-Token header is missing or wrong (cookie sessions). `insufficient_scope`: The API token lacks the route’s scope (details.scope), or a browser session called a tokens-only route. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: components["responses"]["ImportDisabled"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyAttempts"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    retryInvoiceImportMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportAccepted"];
                };
            };
            400: components["responses"]["ValidationFailed"];
            401: components["responses"]["NotAuthenticated"];
            /** @description `access_denied`: Not allowed: not in the ELO group online.ecm.microsoft365, or outside the token’s scopes. `csrf_failed`: The X-CSRF-Token header is missing or wrong (cookie sessions). `insufficient_scope`: The API token lacks the route’s scope (details.scope), or a browser session called a tokens-only route. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: components["responses"]["NotFound"];
            409: components["responses"]["ImportNotRetryable"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyAttempts"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createMs365AccessToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccessTokenRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessTokenResponse"];
                };
            };
            400: components["responses"]["ValidationFailed"];
            401: components["responses"]["NotAuthenticated"];
            /** @description `insufficient_scope`: The API token lacks the route’s scope (details.scope), or a browser session called a tokens-only route. `access_denied`: Not allowed: not in the ELO group online.ecm.microsoft365, or outside the token’s scopes. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description `not_connected`: There is no Microsoft 365 connection. `needs_reauth`: Microsoft no longer accepts the connection (details.hint): set it up again in the portal. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyAttempts"];
            500: components["responses"]["InternalError"];
            /** @description `ms365_unavailable`: Microsoft 365 does not answer or throttles beyond our retries; try again after Retry-After. `service_unavailable`: Temporarily unavailable (e.g. the database); retry shortly. */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    listWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookList"];
                };
            };
            401: components["responses"]["NotAuthenticated"];
            /** @description `access_denied`: Not allowed: not in the ELO group online.ecm.microsoft365, or outside the token’s scopes. `insufficient_scope`: The API token lacks the route’s scope (details.scope), or a browser session called a tokens-only route. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            429: components["responses"]["TooManyAttempts"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhookRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedWebhook"];
                };
            };
            /** @description `webhook_url_not_allowed`: Not a public https address. `validation_failed`: The request does not match the schema (details.issues). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            401: components["responses"]["NotAuthenticated"];
            /** @description `csrf_failed`: The X-CSRF-Token header is missing or wrong (cookie sessions). `insufficient_scope`: The API token lacks the route’s scope (details.scope), or a browser session called a tokens-only route. `access_denied`: Not allowed: not in the ELO group online.ecm.microsoft365, or outside the token’s scopes. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            409: components["responses"]["WebhookLimitReached"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyAttempts"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["ValidationFailed"];
            401: components["responses"]["NotAuthenticated"];
            /** @description `csrf_failed`: The X-CSRF-Token header is missing or wrong (cookie sessions). `insufficient_scope`: The API token lacks the route’s scope (details.scope), or a browser session called a tokens-only route. `access_denied`: Not allowed: not in the ELO group online.ecm.microsoft365, or outside the token’s scopes. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyAttempts"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryList"];
                };
            };
            400: components["responses"]["ValidationFailed"];
            401: components["responses"]["NotAuthenticated"];
            /** @description `insufficient_scope`: The API token lacks the route’s scope (details.scope), or a browser session called a tokens-only route. `access_denied`: Not allowed: not in the ELO group online.ecm.microsoft365, or outside the token’s scopes. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyAttempts"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    testWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            400: components["responses"]["ValidationFailed"];
            401: components["responses"]["NotAuthenticated"];
            /** @description `csrf_failed`: The X-CSRF-Token header is missing or wrong (cookie sessions). `insufficient_scope`: The API token lacks the route’s scope (details.scope), or a browser session called a tokens-only route. `access_denied`: Not allowed: not in the ELO group online.ecm.microsoft365, or outside the token’s scopes. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyAttempts"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getNotificationSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationSettings"];
                };
            };
            401: components["responses"]["NotAuthenticated"];
            /** @description `access_denied`: Not allowed: not in the ELO group online.ecm.microsoft365, or outside the token’s scopes. `insufficient_scope`: The API token lacks the route’s scope (details.scope), or a browser session called a tokens-only route. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            429: components["responses"]["TooManyAttempts"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    setNotificationSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationSettingsRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationSettings"];
                };
            };
            400: components["responses"]["ValidationFailed"];
            401: components["responses"]["NotAuthenticated"];
            /** @description `csrf_failed`: The X-CSRF-Token header is missing or wrong (cookie sessions). `insufficient_scope`: The API token lacks the route’s scope (details.scope), or a browser session called a tokens-only route. `access_denied`: Not allowed: not in the ELO group online.ecm.microsoft365, or outside the token’s scopes. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyAttempts"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
}
