import Type, { type Static } from 'typebox';
import { FEATURE_IDS } from './features.js';
import { API_SCOPES, API_TOKEN_DEFAULT_DAYS, API_TOKEN_MAX_DAYS } from './api-scopes.js';
import { StoredText } from './text.js';

export const ApiScopeSchema = Type.Enum(API_SCOPES);

export const CreateApiTokenRequest = Type.Object(
  {
    name: StoredText({ minLength: 1, maxLength: 100, description: 'What the token is for, e.g. "ERP import".' }),
    scopes: Type.Optional(
      Type.Array(ApiScopeSchema, {
        minItems: 1,
        maxItems: API_SCOPES.length,
        uniqueItems: true,
        description: 'What the token may do. Omitted: ms365:read and ms365:write.',
      }),
    ),
    expiresInDays: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: API_TOKEN_MAX_DAYS,
        description: `Days until the token expires; default ${API_TOKEN_DEFAULT_DAYS}, at most ${API_TOKEN_MAX_DAYS}.`,
      }),
    ),
  },
  { additionalProperties: false },
);
export type CreateApiTokenRequest = Static<typeof CreateApiTokenRequest>;

export const ApiTokenInfo = Type.Object({
  id: Type.String(),
  name: Type.String(),
  scopes: Type.Array(ApiScopeSchema),
  createdAt: Type.String({ format: 'date-time' }),
  createdBy: Type.String({ description: 'ELO user who created it.' }),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  expiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: 'Null only for tokens made before expiry became mandatory.',
  }),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: "Set when the creator was found no longer in the ELO group; the token then doesn't work any more.",
  }),
});
export type ApiTokenInfo = Static<typeof ApiTokenInfo>;

export const CreatedApiToken = Type.Object({
  ...ApiTokenInfo.properties,
  token: Type.String({ description: 'Shown once. Send as "Authorization: Bearer <token>".' }),
});
export type CreatedApiToken = Static<typeof CreatedApiToken>;

export const ApiTokenList = Type.Array(ApiTokenInfo);
export type ApiTokenList = Static<typeof ApiTokenList>;

export const ApiTokenIdParams = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);
export type ApiTokenIdParams = Static<typeof ApiTokenIdParams>;

/** `GET /api/v1/api-tokens/current`: the calling token. */
export const CurrentApiToken = Type.Object({
  id: Type.String(),
  name: Type.String(),
  scopes: Type.Array(ApiScopeSchema),
  tenant: Type.Object({ slug: Type.String(), name: Type.String() }),
  createdBy: Type.String(),
  expiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type CurrentApiToken = Static<typeof CurrentApiToken>;

/** `POST /api/v1/ms365/connection/access-token` (SPEC §10). */
export const AccessTokenRequest = Type.Object(
  {
    feature: Type.Optional(
      Type.Enum(FEATURE_IDS, { description: "Only this feature's Graph permissions are asked for and checked." }),
    ),
  },
  { additionalProperties: false },
);
export type AccessTokenRequest = Static<typeof AccessTokenRequest>;

export const AccessTokenResponse = Type.Object({
  accessToken: Type.String({ description: 'A Microsoft Graph access token; never logged or stored by ecm365.' }),
  tokenType: Type.Literal('Bearer'),
  expiresAt: Type.String({ format: 'date-time', description: 'At least five minutes from now.' }),
  scopes: Type.Array(Type.String(), { description: 'The Graph permissions the token carries.' }),
  account: Type.Object({
    username: Type.String(),
    displayName: Type.String(),
    microsoftTenantId: Type.String(),
  }),
});
export type AccessTokenResponse = Static<typeof AccessTokenResponse>;
