import Type, { type Static } from 'typebox';

/**
 * Every error code the API answers with. Stable snake_case identifiers: clients branch on these, never on the
 * (German) message.
 */
export const ERROR_CODES = [
  'validation_failed',
  'payload_too_large',
  'not_found',
  'invalid_credentials',
  'password_login_disabled',
  'unknown_tenant',
  'too_many_attempts',
  'elo_unavailable',
  'not_authenticated',
  'csrf_failed',
  'access_denied',
  'attempt_not_found',
  'attempt_expired',
  'session_mismatch',
  'code_expired',
  'code_redeemed',
  'invalid_code_format',
  'invalid_code',
  'not_connected',
  'webhook_url_not_allowed',
  'webhook_limit_reached',
  'import_not_retryable',
  'import_disabled',
  'ms365_unavailable',
  'ms365_configuration_error',
  'service_unavailable',
  'internal_error',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.Enum(ERROR_CODES),
      message: Type.String({ description: 'German, human-readable; never contains secrets.' }),
      details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
      correlationId: Type.Optional(Type.String()),
    }),
  },
  { $id: 'ErrorBody', description: 'The one error format of the API.' },
);
export type ErrorBody = Static<typeof ErrorBody>;
