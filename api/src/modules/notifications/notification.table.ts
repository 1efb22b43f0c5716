import type { MessageLocale } from '@ecm365/shared';
import type { ColumnType, Generated, Selectable } from 'kysely';

export interface NotificationSettingsTable {
  tenantId: string;
  email: string | null;
  /** The portal's language of the admin who saved the address: the language of the mails to it. */
  locale: ColumnType<MessageLocale, MessageLocale | undefined, MessageLocale>;
  updatedAt: Date;
  updatedBy: string;
}

export type MailKind = 'support_setup' | 'needs_reauth' | 'import_failure';
export type MailStatus = 'pending' | 'sent' | 'failed';

export interface NotificationMailsTable {
  id: Generated<string>;
  tenantId: string;
  /** A second mail with the same key is never queued (once per set-up, once per kind and day). */
  dedupeKey: string;
  kind: MailKind;
  /** Null: SUPPORT_EMAIL, read when sending. */
  recipient: string | null;
  /** The facts the mail text is made from (rendered in `locale` when sent). */
  payload: ColumnType<Record<string, unknown>, string, never>;
  locale: ColumnType<MessageLocale, MessageLocale | undefined, never>;
  status: MailStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  lastAttemptAt: Date | null;
  sentAt: Date | null;
  error: string | null;
  createdAt: Date;
}
export type NotificationMailRow = Selectable<NotificationMailsTable>;
