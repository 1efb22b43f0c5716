import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resetMs365 } from '../support/api.js';
import { baseUrl, expectAccessible, launchBrowser, login, newPortal, screenshot } from '../support/browser.js';
import { consentAs, finishSetup, openConnectorPopup, openMs365Page, readCode } from '../support/connector.js';
import { INVOICE_MAILBOX, dropInvoiceMail, eloControl, filedInElo } from '../support/invoice-import.js';

/** The demo ELO's invoice mask (emulators/src/elo/fixtures.ts) and its repository. */
const MASK = { repository: 'demo', mask: 'Rechnung' };
/** A round through both emulators takes a second or two; the page polls every few seconds meanwhile. */
const ROUND = 45_000;
const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots', import.meta.url));

/** The activity entry of the mail with this subject, once it is there. */
function entry(page: Page, subject: string): Locator {
  return page.getByTestId('import-messages').locator('li[data-message-id]').filter({ hasText: subject });
}

/**
 * docs/screenshots/<name>.png of one element, taken from the top of the page so that the sticky header does not
 * cover it.
 */
async function screenshotOf(page: Page, element: Locator, name: string): Promise<void> {
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    (document.activeElement as HTMLElement | null)?.blur();
  });
  await page.waitForTimeout(150);
  const box = await element.boundingBox();
  if (!box) throw new Error(`${name}: the element is not visible`);
  await page.screenshot({
    path: `${SCREENSHOTS}/${name}.png`,
    fullPage: true,
    clip: { x: box.x - 8, y: box.y - 8, width: box.width + 16, height: box.height + 16 },
    animations: 'disabled',
  });
}

async function waitForState(item: Locator, state: string): Promise<void> {
  await item
    .getByTestId('import-message-state')
    .filter({ hasText: new RegExp(`^\\s*${state}\\s*$`) })
    .waitFor({
      timeout: ROUND,
    });
}

describe('the invoice mail import in the portal', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    await resetMs365();
    await eloControl('masks/accept', MASK);
  });
  afterEach(async () => {
    await eloControl('masks/accept', MASK);
    await resetMs365();
  });

  it('imports a dropped invoice into ELO, shows its ELO path, and retries a failed one', async () => {
    const { page, problems } = await newPortal(browser, { height: 1000 });
    await login(page, 'admin', 'admin');
    await openMs365Page(page);

    // Enabled before connecting, so the connection asks for the mailbox permission too.
    const card = page.getByTestId('invoice-card');
    await card.getByLabel('Rechnungs-Import via E-Mail nutzen').check();
    await card.getByLabel('E-Mail Postfach für den Import').fill(INVOICE_MAILBOX);
    await card.getByRole('button', { name: 'Einstellungen speichern' }).click();
    await card.getByText('Gespeichert').waitFor();
    const state = card.getByTestId('invoice-import-state');
    await state.filter({ hasText: 'Wartet auf die Microsoft-365-Verbindung' }).waitFor();
    await expect(card.getByLabel('ELO-Ablagepfad').inputValue()).resolves.toBe('¶Rechnungseingang¶{yyyy}¶{MM}');
    await expect(card.getByLabel('Maske', { exact: true }).inputValue()).resolves.toBe('Rechnung');

    const connector = await openConnectorPopup(page);
    await consentAs(connector, 'admin@contoso.example');
    await readCode(connector);
    await page.getByTestId('code-received').waitFor();
    await finishSetup(page);
    await expect(page.getByTestId('test-summary').textContent()).resolves.toContain('Alle Prüfungen erfolgreich');
    await connector.close();
    await state.filter({ hasText: /^Läuft/ }).waitFor({ timeout: ROUND });

    // A supplier's invoice arrives; „Jetzt prüfen“ runs a round at once.
    const stamp = Date.now().toString(36).toUpperCase();
    const good = { subject: `Rechnung RE-${stamp}-1 vom Bürobedarf`, fileName: `RE-${stamp}-1.pdf` };
    await dropInvoiceMail(page, good);
    const importedCount = async () =>
      Number(await card.getByTestId('invoice-import-counts').locator('dd').first().textContent());
    const before = await importedCount();
    await card.getByRole('button', { name: 'Jetzt prüfen' }).click();
    // The demo mailbox's sample invoices come along in the first round, so the count grows by at least one.
    await expect.poll(importedCount, { timeout: ROUND, interval: 500 }).toBeGreaterThan(before);
    await state.filter({ hasText: /^Läuft – zuletzt geprüft \d\d:\d\d, nächste Prüfung \d\d:\d\d$/ }).waitFor();
    await expectAccessible(page, 'Microsoft 365 page with the invoice import running');
    await screenshotOf(page, card, 'invoice-import-card');

    await card.getByRole('link', { name: /Import-Aktivität anzeigen/ }).click();
    await page.waitForURL(`${baseUrl()}/microsoft-365/rechnungs-import`);
    await page.getByRole('heading', { level: 1, name: 'Import-Aktivität' }).waitFor();
    const goodEntry = entry(page, good.subject);
    await waitForState(goodEntry, 'Importiert');
    await expect(goodEntry.textContent()).resolves.toContain('buchhaltung@muster-buero.example');
    const shownPath = (
      (await goodEntry.getByTestId('import-document-path').locator('code').textContent()) ?? ''
    ).trim();
    expect(shownPath).toMatch(/^¶Rechnungseingang¶\d{4}¶\d{2}/);

    // The same document is in ELO, where the activity list says it is.
    const filed = (await filedInElo()).filter((document) => document.indexFields.ECM365_SUBJECT === good.subject);
    expect(filed).toHaveLength(1);
    expect(shownPath.startsWith(filed[0]!.folderPath)).toBe(true);

    // ELO refuses the mask: the next mail fails with the reason in German, and goes through on retry.
    await eloControl('masks/reject', MASK);
    const bad = { subject: `Rechnung RE-${stamp}-2 Nachtrag`, fileName: `RE-${stamp}-2.pdf` };
    await dropInvoiceMail(page, bad);
    await page.getByRole('button', { name: 'Jetzt prüfen' }).click();
    const badEntry = entry(page, bad.subject);
    await waitForState(badEntry, 'Fehlgeschlagen');
    const error = badEntry.getByTestId('import-message-error');
    // In plain words first; ELO's own wording only as the message received, folded away.
    const errorText = (await error.locator('p').first().textContent()) ?? '';
    expect(errorText).toContain('ELO hat das Dokument nicht angenommen');
    expect(errorText).toContain('Bitte prüfen Sie die Maske');
    expect(errorText).not.toMatch(/\[ELOIX:|Exception|undefined/);
    await expect(error.getByTestId('import-message-error-detail').isVisible()).resolves.toBe(false);
    expect(await filedInElo().then((all) => all.filter((d) => d.indexFields.ECM365_SUBJECT === bad.subject))).toEqual(
      [],
    );
    await expectAccessible(page, 'import activity with a failed mail');
    await page.mouse.move(0, 0);
    await screenshot(page, 'invoice-import-activity', { fullPage: true });

    await eloControl('masks/accept', MASK);
    await badEntry.getByRole('button', { name: 'Erneut versuchen' }).click();
    await waitForState(badEntry, 'Importiert');
    await expect(badEntry.getByTestId('import-message-error').count()).resolves.toBe(0);
    await expect(badEntry.getByTestId('import-document-path').textContent()).resolves.toMatch(/¶Rechnungseingang¶/);
    const retried = (await filedInElo()).filter((document) => document.indexFields.ECM365_SUBJECT === bad.subject);
    expect(retried).toHaveLength(1);

    // The filter shows the failed ones only (none left).
    await page.getByLabel('Status').selectOption('failed');
    await expect
      .poll(async () => (await entry(page, bad.subject).count()) + (await entry(page, good.subject).count()))
      .toBe(0);
    expect(problems).toEqual([]);
  });
});
