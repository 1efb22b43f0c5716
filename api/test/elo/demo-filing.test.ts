import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EloArchiveConnector } from '../../src/adapters/elo/index.js';
import { KeyRing } from '../../src/crypto/key-ring.js';
import { DEMO_TENANT, startDemoEnvironment, type DemoEnvironment } from '../../src/demo/demo-environment.js';
import { EloServiceAccountService } from '../../src/modules/tenants/elo-service-account.service.js';
import { findTenantBySlug } from '../../src/modules/tenants/tenant.repository.js';
import { TEST_ENCRYPTION_KEY } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let database: TestDatabase;
let demo: DemoEnvironment;
const keys = new KeyRing([TEST_ENCRYPTION_KEY]);

beforeAll(async () => {
  database = await createTestDatabase();
  demo = await startDemoEnvironment(database.db, { eloPort: 0, keys });
});
afterAll(async () => {
  await demo.close();
  await database.drop();
});

/** SPEC §9's default index fields, plus the invoice date, seller and total of the demo mask. */
const SPEC_FIELDS = [
  'ECM365_IMPORT_KEY',
  'ECM365_MESSAGE_ID',
  'ECM365_MAILBOX',
  'ECM365_FROM',
  'ECM365_SUBJECT',
  'ECM365_RECEIVED',
  'ELO_FNAME',
  'RE_KIND',
  'RE_EINVOICE_SYNTAX',
  'RE_EINVOICE_PROFILE',
  'RE_NUMMER',
  'RE_DATUM',
  'RE_LIEFERANT',
  'RE_BETRAG',
];

describe('demo mode', () => {
  it('gives the demo tenant an ELO service account that can file into the mask „Rechnung“', async () => {
    const tenant = await findTenantBySlug(database.db, DEMO_TENANT.slug);
    const credentials = await new EloServiceAccountService(database.db, keys).credentialsFor(tenant?.id ?? '');
    expect(credentials?.userName).toBe('ecm365-dienst');

    const archive = new EloArchiveConnector({ timeoutMs: 3000 }).open(
      tenant?.eloIxUrl ?? '',
      credentials ?? { userName: '', password: '' },
    );
    try {
      const mask = await archive.describeMask('Rechnung', { fallbackToBasic: true });
      expect(mask.usedFallback).toBe(false);
      expect(mask.lines.map((line) => line.group)).toEqual(expect.arrayContaining(SPEC_FIELDS));

      const { folderId } = await archive.ensureFolderPath(['Rechnungseingang', '2025', '03']);
      const filed = await archive.fileDocument({
        parentId: folderId,
        mask,
        name: 'Demo-Rechnung',
        date: new Date('2025-03-10T09:00:00Z'),
        indexFields: Object.fromEntries(
          SPEC_FIELDS.map((field) => [field, field === 'ECM365_IMPORT_KEY' ? 'AB12' : 'x']),
        ),
        content: {
          stream: Readable.from([Buffer.from('%PDF-1.4')]),
          size: 8,
          ext: 'pdf',
          contentType: 'application/pdf',
        },
      });
      expect(filed.omittedFields).toEqual([]);
      expect(await archive.pathOf(filed.objId)).toBe('¶Rechnungseingang¶2025¶03¶Demo-Rechnung');
    } finally {
      await archive.close();
    }
  });

  it('sets the account again at every start without duplicating it', async () => {
    const again = await startDemoEnvironment(database.db, { eloPort: 0, keys });
    await again.close();
    expect(await database.db.selectFrom('eloServiceAccounts').select('userName').execute()).toEqual([
      { userName: 'ecm365-dienst' },
    ]);
  });
});
