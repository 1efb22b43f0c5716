import Type, { type Static } from 'typebox';
import { MS365_GROUP } from './constants.js';
import { StoredText } from './text.js';

export const LoginRequest = Type.Object(
  {
    username: StoredText({ minLength: 1, maxLength: 200 }),
    password: Type.String({ minLength: 1, maxLength: 1000 }),
    tenant: Type.Optional(
      StoredText({
        minLength: 1,
        maxLength: 63,
        description: 'Customer name; needed on selfhost.<base-domain>, otherwise taken from the host name.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type LoginRequest = Static<typeof LoginRequest>;

export const Ms365AccessReason = Type.Union([
  Type.Literal('group_member'),
  Type.Literal('grace_period'),
  Type.Literal('not_member'),
]);
export type Ms365AccessReason = Static<typeof Ms365AccessReason>;

export const Ms365Access = Type.Object({
  allowed: Type.Boolean(),
  reason: Ms365AccessReason,
  group: Type.Literal(MS365_GROUP),
  graceUntil: Type.Optional(
    Type.String({
      format: 'date',
      description: 'The grace date: before this day (German calendar) every signed-in user of the tenant may connect.',
    }),
  ),
});
export type Ms365Access = Static<typeof Ms365Access>;

export const SessionUser = Type.Object({
  id: Type.String({ description: 'The ELO user id.' }),
  name: Type.String(),
});

export const SessionTenant = Type.Object({
  slug: Type.String(),
  name: Type.String(),
});

export const SessionResponse = Type.Object({
  user: SessionUser,
  tenant: SessionTenant,
  csrfToken: Type.String({ description: 'Send as X-CSRF-Token on every unsafe request made with the cookie.' }),
  ms365Access: Ms365Access,
});
export type SessionResponse = Static<typeof SessionResponse>;
