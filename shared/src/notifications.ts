import Type, { type Static } from 'typebox';

/** The customer's notification address: receives needs_reauth and import-failure mails, at most one per kind and day. */
export const NotificationSettings = Type.Object({
  email: Type.Union([Type.String(), Type.Null()], { description: 'Null: no notification mails.' }),
});
export type NotificationSettings = Static<typeof NotificationSettings>;

export const NotificationSettingsRequest = Type.Object(
  { email: Type.Union([Type.String({ format: 'email', maxLength: 320 }), Type.Null()]) },
  { additionalProperties: false },
);
export type NotificationSettingsRequest = Static<typeof NotificationSettingsRequest>;

/** Where SUPPORT_EMAIL stands for the current set-up (replaces the article's „Bitte geben Sie uns … Bescheid“). */
export const SupportNotification = Type.Object({
  status: Type.Union([Type.Literal('pending'), Type.Literal('sent'), Type.Literal('failed')], {
    description: 'pending: queued (sent as soon as the mail server takes it).',
  }),
  queuedAt: Type.String({ format: 'date-time' }),
  sentAt: Type.Optional(Type.String({ format: 'date-time' })),
  email: Type.String({ description: 'The support address, for questions.' }),
});
export type SupportNotification = Static<typeof SupportNotification>;
