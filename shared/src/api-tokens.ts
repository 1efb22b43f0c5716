import Type, { type Static } from 'typebox';
import { StoredText } from './text.js';

export const CreateApiTokenRequest = Type.Object(
  {
    name: StoredText({ minLength: 1, maxLength: 100, description: 'What the token is for, e.g. "ERP import".' }),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650, description: 'Omit for no expiry.' })),
  },
  { additionalProperties: false },
);
export type CreateApiTokenRequest = Static<typeof CreateApiTokenRequest>;

export const ApiTokenInfo = Type.Object({
  id: Type.String(),
  name: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  createdBy: Type.String({ description: 'ELO user who created it.' }),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  expiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
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
