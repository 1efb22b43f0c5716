import type { ImportMessage } from '@ecm365/shared';
import { describe, expect, it } from 'vitest';
import { obtainCode } from '../support/connect-flow.js';
import { signIn, type SignedIn } from '../support/test-app.js';
import {
  activity,
  deliver,
  FEATURE_URL,
  filed,
  type ImportWorld,
  pdfMail,
  runUntilSettled,
  setServiceAccount,
  signedInUser,
  useImportWorld,
} from './support/qa-world.js';

/**
 * Tenant `other` imports from its own mailbox into its own ELO; nothing of it is ever visible to acme through the
 * API (activity, state, retry, paging cursors) nor filed into acme's ELO, and the other way round.
 */
const OTHER_MAILBOX = 'it@fabrikam.example';
let other: SignedIn;
let otherItems: ImportMessage[];

/** Tenant other set up on its own mailbox; mails for both tenants delivered and imported. */
async function twoTenantsImporting(world: ImportWorld) {
  other = await signIn(world.t.app, 'admin', 'admin', 'other');
  const otherUser = signedInUser(world.t, other);
  await setServiceAccount(world, 'other');
  expect(
    (await otherUser.put(FEATURE_URL, { enabled: true, mailbox: OTHER_MAILBOX, afterImport: 'move' })).statusCode,
  ).toBe(200);
  const connected = await otherUser.post('/api/v1/ms365/connection', {
    code: await obtainCode(world.t, other, OTHER_MAILBOX),
  });
  expect(connected.statusCode, connected.body).toBe(200);

  deliver(world, await pdfMail(world, 'Acme-Rechnung'));
  for (let i = 0; i < 3; i++) deliver(world, await pdfMail(world, `Fabrikam-Geheim ${i}`), OTHER_MAILBOX);
  deliver(world, { ...(await pdfMail(world, 'Fabrikam ohne Anhang')), attachments: [] }, OTHER_MAILBOX);
  await runUntilSettled(world);
  // Other's rounds: through its own API.
  const otherWorld = { ...world, user: otherUser };
  await runUntilSettled(otherWorld);
  otherItems = await activity(otherWorld);
}
const world = useImportWorld({ settings: { afterImport: 'move' }, scene: twoTenantsImporting, timeoutMs: 120_000 });

describe("another tenant's import", () => {
  it("is filed into that tenant's ELO only", () => {
    expect(otherItems.filter((item) => item.state === 'imported')).toHaveLength(3);
    const otherFiled = filed(world, 'other').map((document) => document.indexFields.ECM365_SUBJECT);
    expect(otherFiled.sort()).toEqual(['Fabrikam-Geheim 0', 'Fabrikam-Geheim 1', 'Fabrikam-Geheim 2']);
    expect(filed(world, 'acme').map((document) => document.indexFields.ECM365_SUBJECT)).toEqual(['Acme-Rechnung']);
  });

  it("never shows up in acme's activity list, counts or state", async () => {
    const items = await activity(world);
    expect(items.map((item) => item.subject)).toEqual(['Acme-Rechnung']);
    const body = (await world.user.get(`${FEATURE_URL}/messages?limit=100`)).body;
    expect(body).not.toContain('Fabrikam');
    expect(body).not.toContain(OTHER_MAILBOX);
    for (const state of ['imported', 'failed', 'skipped', 'pending'] as const) {
      expect((await activity(world, state)).map((item) => item.subject)).not.toEqual(
        expect.arrayContaining([expect.stringContaining('Fabrikam')]),
      );
    }
    const status = (await world.user.get(FEATURE_URL)).json();
    expect(status.counts).toMatchObject({ imported: 1, skipped: 0 });
    expect(JSON.stringify(status)).not.toContain('fabrikam');
  });

  it("cannot retry another tenant's mail: answered like an unknown id", async () => {
    const skipped = otherItems.find((item) => item.subject === 'Fabrikam ohne Anhang');
    expect(skipped).toBeDefined();
    const foreign = await world.user.post(`${FEATURE_URL}/messages/${skipped?.id}/retry`);
    const unknown = await world.user.post(`${FEATURE_URL}/messages/00000000-0000-4000-8000-000000000000/retry`);
    expect(foreign.statusCode).toBe(unknown.statusCode);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).not.toContain('Fabrikam');
  });

  it("does not page into another tenant's list with its cursor", async () => {
    const otherUser = signedInUser(world.t, other);
    const page = (await otherUser.get(`${FEATURE_URL}/messages?limit=1`)).json();
    expect(page.nextCursor).toBeTruthy();
    const response = await world.user.get(
      `${FEATURE_URL}/messages?limit=100&cursor=${encodeURIComponent(page.nextCursor)}`,
    );
    expect(response.body).not.toContain('Fabrikam');
  });

  it('keeps the same walls for API tokens (bearer) as for the portal session', async () => {
    const created = await world.user.post('/api/v1/api-tokens', { name: 'isolation check' });
    expect(created.statusCode, created.body).toBe(201);
    const token = created.json().token as string;
    const response = await world.t.app.inject({
      method: 'GET',
      url: `${FEATURE_URL}/messages?limit=100`,
      headers: { host: world.admin.host, authorization: `Bearer ${token}` },
    });
    if (response.statusCode === 200) expect(response.body).not.toContain('Fabrikam');
    else expect(response.statusCode).toBe(403);
  });
});
