import { DEMO_ELO_SERVICE_ACCOUNT, startEloEmulator, type RunningEloEmulator } from '@ecm365/emulators';
import type { KeyRing } from '../crypto/key-ring.js';
import type { Db } from '../db/database.js';
import { EloServiceAccountService } from '../modules/tenants/elo-service-account.service.js';
import { TenantAdminService } from '../modules/tenants/tenant-admin.service.js';
import { findTenantBySlug } from '../modules/tenants/tenant.repository.js';
import { seedImportCutOff } from '../modules/invoice-import/invoice-import.repository.js';

export const DEMO_TENANT = { slug: 'demo', name: 'Demo GmbH' } as const;

export const DEMO_ELO_LOGINS = [
  { username: 'admin', password: 'admin', note: 'in online.ecm.microsoft365 (through a nested group)' },
  { username: 'gast', password: 'gast', note: 'signed in fine, but not in the group' },
] as const;

export const DEMO_MICROSOFT_LOGINS = [
  {
    account: 'admin@contoso.example',
    note:
      'has access to the shared mailbox rechnungen@contoso.example, seeded with sample invoices ' +
      '(PDF, ZUGFeRD, XRechnung, a forwarded invoice, a mail without attachment): enable the import to file them',
  },
  {
    account: 'ohne-zugriff@contoso.example',
    note: 'no access to rechnungen@contoso.example (the mailbox check fails)',
  },
] as const;

export interface DemoEnvironment {
  elo: RunningEloEmulator;
  close(): Promise<void>;
}

/**
 * Demo mode: the ELO emulator with the demo users, and the tenant `demo` pointing at it. Runs at every start
 * (the emulator's port may change), so the tenant row is brought up to date each time. With the key ring the
 * tenant also gets the demo ELO service account, so the invoice import can file right away.
 */
export async function startDemoEnvironment(
  db: Db,
  options: { eloPort: number; keys?: KeyRing },
): Promise<DemoEnvironment> {
  const elo = await startEloEmulator({ port: options.eloPort });
  await new TenantAdminService(db, { requireHttpsElo: false }).upsert({
    ...DEMO_TENANT,
    eloIxUrl: elo.baseUrl('demo'),
    graceUntil: null,
  });
  // The seeded invoices arrived within the last hour: a cut-off from before this start lets the demo import them as
  // soon as the import is enabled (kept when the demo restarts; the customer may change it).
  const tenant = await findTenantBySlug(db, DEMO_TENANT.slug);
  if (tenant) await seedImportCutOff(db, tenant.id, new Date(Date.now() - 2 * 60 * 60_000));
  if (options.keys) {
    const { userName, password } = DEMO_ELO_SERVICE_ACCOUNT;
    await new EloServiceAccountService(db, options.keys).set(DEMO_TENANT.slug, userName, password);
  }
  return { elo, close: () => elo.close() };
}
