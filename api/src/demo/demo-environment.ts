import { startEloEmulator, type RunningEloEmulator } from '@ecm365/emulators';
import type { Db } from '../db/database.js';
import { TenantAdminService } from '../modules/tenants/tenant-admin.service.js';

export const DEMO_TENANT = { slug: 'demo', name: 'Demo GmbH' } as const;

export const DEMO_ELO_LOGINS = [
  { username: 'admin', password: 'admin', note: 'in online.ecm.microsoft365 (through a nested group)' },
  { username: 'gast', password: 'gast', note: 'signed in fine, but not in the group' },
] as const;

export const DEMO_MICROSOFT_LOGINS = [
  { account: 'admin@contoso.example', note: 'has access to the shared mailbox rechnungen@contoso.example' },
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
 * (the emulator's port may change), so the tenant row is brought up to date each time.
 */
export async function startDemoEnvironment(db: Db, options: { eloPort: number }): Promise<DemoEnvironment> {
  const elo = await startEloEmulator({ port: options.eloPort });
  await new TenantAdminService(db, { requireHttpsElo: false }).upsert({
    ...DEMO_TENANT,
    eloIxUrl: elo.baseUrl('demo'),
    graceUntil: null,
  });
  return { elo, close: () => elo.close() };
}
