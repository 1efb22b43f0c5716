// Generated from GET /openapi.json by openapi-typescript (pnpm --filter @ecm365/api openapi). Do not edit.
export interface paths {
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics (HTTP, logins, connections, ELO and Microsoft calls) */
        get: {
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
                /** @description METRICS_TOKEN is set and the scraper did not send it */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description Production without METRICS_TOKEN: the endpoint is off */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
            };
        };
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
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
            };
        };
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
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
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
                /** @description Default Response */
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
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        username: string;
                        password: string;
                        /** @description Customer name; needed on selfhost.<base-domain>, otherwise taken from the host name. */
                        tenant?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                /** @description The ELO user id. */
                                id: string;
                                name: string;
                            };
                            tenant: {
                                slug: string;
                                name: string;
                            };
                            /** @description Send as X-CSRF-Token on every unsafe request made with the cookie. */
                            csrfToken: string;
                            ms365Access: {
                                allowed: boolean;
                                reason: "group_member" | "grace_period" | "not_member";
                                /** @enum {string} */
                                group: "online.ecm.microsoft365";
                                /**
                                 * Format: date
                                 * @description The grace date: before this day (German calendar) every signed-in user of the tenant may connect.
                                 */
                                graceUntil?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
            };
        };
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
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The one error format of the API. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
            };
        };
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
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                /** @description The ELO user id. */
                                id: string;
                                name: string;
                            };
                            tenant: {
                                slug: string;
                                name: string;
                            };
                            /** @description Send as X-CSRF-Token on every unsafe request made with the cookie. */
                            csrfToken: string;
                            ms365Access: {
                                allowed: boolean;
                                reason: "group_member" | "grace_period" | "not_member";
                                /** @enum {string} */
                                group: "online.ecm.microsoft365";
                                /**
                                 * Format: date
                                 * @description The grace date: before this day (German calendar) every signed-in user of the tenant may connect.
                                 */
                                graceUntil?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
            };
        };
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
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowed: boolean;
                            reason: "group_member" | "grace_period" | "not_member";
                            /** @enum {string} */
                            group: "online.ecm.microsoft365";
                            /**
                             * Format: date
                             * @description The grace date: before this day (German calendar) every signed-in user of the tenant may connect.
                             */
                            graceUntil?: string;
                        };
                    };
                };
                /** @description The one error format of the API. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
            };
        };
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
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attemptId: string;
                            /** @description Open this in the connector window (popup). */
                            connectorUrl: string;
                            /** Format: date-time */
                            expiresAt: string;
                        };
                    };
                };
                /** @description The one error format of the API. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
            };
        };
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
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attemptId: string;
                            status: "pending" | "code_ready" | "failed" | "redeemed" | "expired";
                            /** Format: date-time */
                            expiresAt: string;
                            /** @description Where "Verbindung herstellen" leads. */
                            authorizeUrl: string;
                            error?: {
                                kind: "consent_required" | "cancelled" | "wrong_account_type" | "service_configuration" | "temporarily_unavailable" | "interaction_required" | "invalid_state" | "session_mismatch" | "sign_in_expired" | "id_token_invalid" | "unknown";
                                /** @description German explanation with what to do next. */
                                message: string;
                                aadstsCode?: string;
                                correlationId?: string;
                                /** @description Link to forward to the Microsoft 365 administrator. */
                                adminConsentUrl?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
            };
        };
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
        get: {
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
                /** @description Default Response */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                303: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The one error format of the API. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
            };
        };
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
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The MS365 code; not meant for third parties. */
                            code: string;
                            /** Format: date-time */
                            expiresAt: string;
                        };
                    };
                };
                /** @description The one error format of the API. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
            };
        };
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
        get: {
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
                /** @description Default Response */
                303: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The one error format of the API. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
            };
        };
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
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description ELO user who created it. */
                            createdBy: string;
                            /** Format: date-time */
                            lastUsedAt: string | null;
                            /** Format: date-time */
                            expiresAt: string | null;
                        }[];
                    };
                };
                /** @description The one error format of the API. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an API token (shown once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description What the token is for, e.g. "ERP import". */
                        name: string;
                        /** @description Omit for no expiry. */
                        expiresInDays?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description ELO user who created it. */
                            createdBy: string;
                            /** Format: date-time */
                            lastUsedAt: string | null;
                            /** Format: date-time */
                            expiresAt: string | null;
                            /** @description Shown once. Send as "Authorization: Bearer <token>". */
                            token: string;
                        };
                    };
                };
                /** @description The one error format of the API. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
            };
        };
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
        delete: {
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
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The one error format of the API. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
            };
        };
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
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: "not_connected" | "connected" | "needs_reauth" | "error";
                            account?: {
                                /** @description User principal name of the connected Microsoft account. */
                                username: string;
                                displayName: string;
                                microsoftTenantId: string;
                            };
                            scopes?: string[];
                            /** Format: date-time */
                            connectedAt?: string;
                            /** @description ELO user who completed the set-up. */
                            connectedBy?: string;
                            lastTest?: {
                                ok: boolean;
                                /** Format: date-time */
                                testedAt: string;
                                checks: {
                                    /** @description Stable id, e.g. "token", "profile", "invoice-mail-import.mailbox". */
                                    id: string;
                                    ok: boolean;
                                    message: string;
                                    hint?: string;
                                }[];
                            };
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
                                reason: string;
                                message: string;
                            };
                            features: {
                                /** @enum {unknown} */
                                id: "invoice-mail-import";
                                enabled: boolean;
                                mailbox: string | null;
                                /** @description Permissions this feature adds. */
                                scopes: string[];
                            }[];
                            supportNotification?: {
                                /** @description pending: queued (sent as soon as the mail server takes it). */
                                status: "pending" | "sent" | "failed";
                                /** Format: date-time */
                                queuedAt: string;
                                /** Format: date-time */
                                sentAt?: string;
                                /** @description The support address, for questions. */
                                email: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** „Einrichtung abschließen & Verbindung testen“: redeem the MS365 code, store the connection, test it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            connection: {
                                status: "not_connected" | "connected" | "needs_reauth" | "error";
                                account?: {
                                    /** @description User principal name of the connected Microsoft account. */
                                    username: string;
                                    displayName: string;
                                    microsoftTenantId: string;
                                };
                                scopes?: string[];
                                /** Format: date-time */
                                connectedAt?: string;
                                /** @description ELO user who completed the set-up. */
                                connectedBy?: string;
                                lastTest?: {
                                    ok: boolean;
                                    /** Format: date-time */
                                    testedAt: string;
                                    checks: {
                                        /** @description Stable id, e.g. "token", "profile", "invoice-mail-import.mailbox". */
                                        id: string;
                                        ok: boolean;
                                        message: string;
                                        hint?: string;
                                    }[];
                                };
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
                                    reason: string;
                                    message: string;
                                };
                                features: {
                                    /** @enum {unknown} */
                                    id: "invoice-mail-import";
                                    enabled: boolean;
                                    mailbox: string | null;
                                    /** @description Permissions this feature adds. */
                                    scopes: string[];
                                }[];
                                supportNotification?: {
                                    /** @description pending: queued (sent as soon as the mail server takes it). */
                                    status: "pending" | "sent" | "failed";
                                    /** Format: date-time */
                                    queuedAt: string;
                                    /** Format: date-time */
                                    sentAt?: string;
                                    /** @description The support address, for questions. */
                                    email: string;
                                };
                            };
                            test: {
                                ok: boolean;
                                /** Format: date-time */
                                testedAt: string;
                                checks: {
                                    /** @description Stable id, e.g. "token", "profile", "invoice-mail-import.mailbox". */
                                    id: string;
                                    ok: boolean;
                                    message: string;
                                    hint?: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
            };
        };
        /** „Verbindung trennen/löschen“: delete the tokens and the connection */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The one error format of the API. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
            };
        };
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
        /** Test the connection again */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                            /** Format: date-time */
                            testedAt: string;
                            checks: {
                                /** @description Stable id, e.g. "token", "profile", "invoice-mail-import.mailbox". */
                                id: string;
                                ok: boolean;
                                message: string;
                                hint?: string;
                            }[];
                        };
                    };
                };
                /** @description The one error format of the API. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
            };
        };
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
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
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
                        } & {
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
                            lastError?: {
                                /** @description Stable snake_case identifier. */
                                code: string;
                                message: string;
                            };
                            /** @description The mask documents are filed with (the basic mask where „Rechnung“ is missing). */
                            eloMaskUsed?: string;
                        };
                    };
                };
                /** @description The one error format of the API. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
            };
        };
        /** Settings of "Rechnungs-Import via E-Mail" (members left out keep their value) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
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
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
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
                        } & {
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
                            lastError?: {
                                /** @description Stable snake_case identifier. */
                                code: string;
                                message: string;
                            };
                            /** @description The mask documents are filed with (the basic mask where „Rechnung“ is missing). */
                            eloMaskUsed?: string;
                        };
                    };
                };
                /** @description The one error format of the API. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
            };
        };
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
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** Format: date-time */
                                receivedAt: string;
                                /** @description Sender address (and name). */
                                from: string;
                                subject: string;
                                /** @enum {unknown} */
                                state: "pending" | "imported" | "failed" | "skipped";
                                documents: {
                                    /** @description Original file name. */
                                    name: string;
                                    /** @description Bytes of the main file. */
                                    size: number;
                                    /**
                                     * @description pdf, einvoice_xml (XRechnung/UBL/CII as XML), hybrid_pdf (ZUGFeRD/Factur-X: PDF with the XML inside), image, eml (a mail), other.
                                     * @enum {unknown}
                                     */
                                    kind: "pdf" | "einvoice_xml" | "hybrid_pdf" | "image" | "eml" | "other";
                                    einvoice?: {
                                        /** @enum {unknown} */
                                        syntax: "ubl" | "cii";
                                        /** @description The profile in words, from the specification identifier: e.g. "XRechnung 3.0", "EN 16931 (COMFORT)", "Factur-X/ZUGFeRD BASIC", "Factur-X/ZUGFeRD MINIMUM". */
                                        profile: string;
                                    };
                                    eloObjId?: string;
                                    /** @description ELO path with ¶ separators. */
                                    eloPath?: string;
                                }[];
                                error?: {
                                    /** @description Stable snake_case identifier. */
                                    code: string;
                                    message: string;
                                };
                                skippedReason?: {
                                    /** @description Stable snake_case identifier. */
                                    code: string;
                                    message: string;
                                };
                                /** @description What was left out or changed: skipped attachments (inline images, cloud links), index values the mask has no field for, values cut to the field length, e-invoice inspection notes. */
                                notes?: {
                                    /** @description Stable snake_case identifier. */
                                    code: string;
                                    message: string;
                                }[];
                                attempts: number;
                            }[];
                            nextCursor?: string;
                        };
                    };
                };
                /** @description The one error format of the API. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
            };
        };
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
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            accepted: true;
                        };
                    };
                };
                /** @description The one error format of the API. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
            };
        };
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
        post: {
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
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            accepted: true;
                        };
                    };
                };
                /** @description The one error format of the API. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
            };
        };
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
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            url: string;
                            events: ("ms365.connection.connected" | "ms365.connection.tested" | "ms365.connection.needs_reauth" | "ms365.connection.error" | "ms365.connection.deleted" | "invoice_import.message.imported" | "invoice_import.message.failed" | "invoice_import.needs_attention")[];
                            description: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description ELO user who registered it. */
                            createdBy: string;
                        }[];
                    };
                };
                /** @description The one error format of the API. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Register a webhook; the signing secret is shown once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Where events are POSTed; https in production, no private or loopback addresses. */
                        url: string;
                        events: ("ms365.connection.connected" | "ms365.connection.tested" | "ms365.connection.needs_reauth" | "ms365.connection.error" | "ms365.connection.deleted" | "invoice_import.message.imported" | "invoice_import.message.failed" | "invoice_import.needs_attention")[];
                        description?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description Signing secret (whsec_…) for the Standard Webhooks signature. Shown once, stored encrypted. */
                            secret: string;
                        };
                    };
                };
                /** @description The one error format of the API. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
            };
        };
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
        delete: {
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
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The one error format of the API. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
            };
        };
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
        get: {
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
                        "application/json": {
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
                        }[];
                    };
                };
                /** @description The one error format of the API. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
            };
        };
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
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
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
                    };
                };
                /** @description The one error format of the API. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
            };
        };
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
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Null: no notification mails. */
                            email: string | null;
                        };
                    };
                };
                /** @description The one error format of the API. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
            };
        };
        /** Set (or, with null, remove) the notification address; at most one mail per kind and day */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Null: no notification mails. */
                            email: string | null;
                        };
                    };
                };
                /** @description The one error format of the API. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
                /** @description The one error format of the API. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {unknown} */
                                code: "validation_failed" | "payload_too_large" | "not_found" | "invalid_credentials" | "password_login_disabled" | "unknown_tenant" | "too_many_attempts" | "elo_unavailable" | "not_authenticated" | "csrf_failed" | "access_denied" | "attempt_not_found" | "attempt_expired" | "session_mismatch" | "code_expired" | "code_redeemed" | "invalid_code_format" | "invalid_code" | "not_connected" | "webhook_url_not_allowed" | "webhook_limit_reached" | "import_not_retryable" | "import_disabled" | "ms365_unavailable" | "ms365_configuration_error" | "service_unavailable" | "internal_error";
                                /** @description German, human-readable; never contains secrets. */
                                message: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                correlationId?: string;
                            };
                        };
                    };
                };
            };
        };
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
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
