import type { MessageLocale, NotificationSettings, NotificationSettingsRequest } from '@ecm365/shared';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../support/clock.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Principal } from '../auth/principal.js';
import { findNotificationEmail, upsertNotificationEmail } from './notification.repository.js';

/** The customer's notification address (needs_reauth and import failures, at most one mail per kind and day). */
export class NotificationService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  async get(principal: Principal): Promise<NotificationSettings> {
    return { email: await findNotificationEmail(this.db, principal.tenant.id) };
  }

  /** `locale`: the language the admin uses the portal in, which the mails to this address are written in. */
  async set(
    principal: Principal,
    request: NotificationSettingsRequest,
    ip: string,
    locale: MessageLocale,
  ): Promise<NotificationSettings> {
    const email = request.email?.trim().toLowerCase() || null;
    await upsertNotificationEmail(this.db, {
      tenantId: principal.tenant.id,
      email,
      locale,
      updatedAt: this.clock.now(),
      updatedBy: principal.user.name,
    });
    await this.audit.record({
      tenant: principal.tenant,
      actor: principal.user.name,
      action: 'notifications.update',
      outcome: 'success',
      details: { email },
      ip,
    });
    return { email };
  }
}
