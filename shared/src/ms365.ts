import Type, { type Static } from 'typebox';
import { FEATURE_IDS } from './features.js';
import { MessageCodeSchema, MessageParamsSchema } from './messages.js';
import { SupportNotification } from './notifications.js';
import { StoredText } from './text.js';

/**
 * A text as code and parameters next to its `message` (SPEC: the web renders the code in its language). Optional in
 * the schema only for results recorded before codes existed; everything this API writes now has them.
 */
const MessageRef = {
  code: Type.Optional(MessageCodeSchema),
  params: Type.Optional(MessageParamsSchema),
};

const DateTime = (description?: string) =>
  Type.String({ format: 'date-time', ...(description ? { description } : {}) });

export const AttemptIdParams = Type.Object(
  { attemptId: StoredText({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);
export type AttemptIdParams = Static<typeof AttemptIdParams>;

export const ConnectResponse = Type.Object({
  attemptId: Type.String(),
  connectorUrl: Type.String({ description: 'Open this in the connector window (popup).' }),
  expiresAt: DateTime(),
});
export type ConnectResponse = Static<typeof ConnectResponse>;

/** What the connector window learns about its attempt: pending, code ready, or an explained Microsoft error. */
export const AttemptStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('code_ready'),
  Type.Literal('failed'),
  Type.Literal('redeemed'),
  Type.Literal('expired'),
]);
export type AttemptStatus = Static<typeof AttemptStatus>;

export const AttemptError = Type.Object({
  kind: Type.Union([
    Type.Literal('consent_required'),
    Type.Literal('cancelled'),
    Type.Literal('wrong_account_type'),
    Type.Literal('service_configuration'),
    Type.Literal('temporarily_unavailable'),
    Type.Literal('interaction_required'),
    Type.Literal('invalid_state'),
    Type.Literal('session_mismatch'),
    Type.Literal('sign_in_expired'),
    Type.Literal('id_token_invalid'),
    Type.Literal('unknown'),
  ]),
  message: Type.String({ description: 'Explanation with what to do next, in the language of Accept-Language.' }),
  ...MessageRef,
  aadstsCode: Type.Optional(Type.String()),
  correlationId: Type.Optional(Type.String()),
  adminConsentUrl: Type.Optional(Type.String({ description: 'Link to forward to the Microsoft 365 administrator.' })),
});
export type AttemptError = Static<typeof AttemptError>;

export const AttemptResponse = Type.Object({
  attemptId: Type.String(),
  status: AttemptStatus,
  expiresAt: DateTime(),
  authorizeUrl: Type.String({ description: 'Where "Verbindung herstellen" leads.' }),
  error: Type.Optional(AttemptError),
});
export type AttemptResponse = Static<typeof AttemptResponse>;

export const CodeResponse = Type.Object({
  code: Type.String({ description: 'The MS365 code; not meant for third parties.' }),
  expiresAt: DateTime(),
});
export type CodeResponse = Static<typeof CodeResponse>;

export const RedeemRequest = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export type RedeemRequest = Static<typeof RedeemRequest>;

export const ConnectionCheck = Type.Object({
  id: Type.String({ description: 'Stable id, e.g. "token", "profile", "invoice-mail-import.mailbox".' }),
  ok: Type.Boolean(),
  message: Type.String({ description: 'What the check found, in the language of Accept-Language.' }),
  ...MessageRef,
  hint: Type.Optional(Type.String({ description: 'What to do, in the language of Accept-Language.' })),
  hintCode: Type.Optional(MessageCodeSchema),
  hintParams: Type.Optional(MessageParamsSchema),
});
export type ConnectionCheck = Static<typeof ConnectionCheck>;

export const ConnectionTestResult = Type.Object({
  ok: Type.Boolean(),
  testedAt: DateTime(),
  checks: Type.Array(ConnectionCheck),
});
export type ConnectionTestResult = Static<typeof ConnectionTestResult>;

export const ConnectionStatusValue = Type.Union([
  Type.Literal('not_connected'),
  Type.Literal('connected'),
  Type.Literal('needs_reauth'),
  Type.Literal('error'),
]);
export type ConnectionStatusValue = Static<typeof ConnectionStatusValue>;

export const ConnectedAccount = Type.Object({
  username: Type.String({ description: 'User principal name of the connected Microsoft account.' }),
  displayName: Type.String(),
  microsoftTenantId: Type.String(),
});
export type ConnectedAccount = Static<typeof ConnectedAccount>;

export const FeatureSettings = Type.Object({
  id: Type.Enum(FEATURE_IDS),
  enabled: Type.Boolean(),
  mailbox: Type.Union([Type.String(), Type.Null()]),
  scopes: Type.Array(Type.String(), { description: 'Permissions this feature adds.' }),
});
export type FeatureSettings = Static<typeof FeatureSettings>;

export const ConnectionResponse = Type.Object({
  status: ConnectionStatusValue,
  account: Type.Optional(ConnectedAccount),
  scopes: Type.Optional(Type.Array(Type.String())),
  connectedAt: Type.Optional(DateTime()),
  connectedBy: Type.Optional(Type.String({ description: 'ELO user who completed the set-up.' })),
  lastTest: Type.Optional(ConnectionTestResult),
  lastCheckedAt: Type.Optional(DateTime('Last background or manual check.')),
  nextCheckAt: Type.Optional(DateTime('When the health monitor checks next.')),
  lastFailure: Type.Optional(
    Type.Object(
      {
        at: DateTime(),
        reason: Type.String({ description: 'Id of the failing check.' }),
        message: Type.String(),
        ...MessageRef,
      },
      { description: 'Most recent failure.' },
    ),
  ),
  features: Type.Array(FeatureSettings),
  supportNotification: Type.Optional(SupportNotification),
});
export type ConnectionResponse = Static<typeof ConnectionResponse>;

export const RedeemResponse = Type.Object({
  connection: ConnectionResponse,
  test: ConnectionTestResult,
});
export type RedeemResponse = Static<typeof RedeemResponse>;

/** „Erneut testen“: the result as before, and the connection it left (status and check times may have changed). */
export const ConnectionTestResponse = Type.Object({
  ...ConnectionTestResult.properties,
  connection: ConnectionResponse,
});
export type ConnectionTestResponse = Static<typeof ConnectionTestResponse>;
