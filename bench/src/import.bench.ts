import path from 'node:path';
import { DEMO_ELO_SERVICE_ACCOUNT, invoicePdf, sampleInvoice } from '@ecm365/emulators';
import { createDatabase } from '../../api/src/db/database.js';
import type { BenchSettings } from './settings.js';
import { hostOf, startAppUnderBench, type AppUnderBench } from './support/app-under-bench.js';
import { startCpuProfile } from './support/cpu-profiler.js';
import { PortalClient, signIn, type PortalSession } from './support/http-clients.js';
import { EmulatorControlsClient, type MailJson } from './support/mail-controls-client.js';
import { collectGarbage, sampleMemory } from './support/memory-sampler.js';
import { printJson, printTable, progress } from './support/report.js';
import { KeyRing } from '../../api/src/crypto/key-ring.js';
import { seedConnections } from './support/seed-connections.js';
import { mapConcurrently } from './support/stats.js';

const MB = 2 ** 20;
const FEATURE_URL = '/api/v1/ms365/features/invoice-mail-import';
const mailboxOf = (index: number) => `rechnungen-${String(index + 1).padStart(2, '0')}@contoso.example`;

interface Tenant {
  slug: string;
  mailbox: string;
  session: PortalSession;
}

export interface ImportRun {
  name: string;
  mailboxes: number;
  mails: number;
  imported: number;
  seconds: number;
  mailsPerSecond: number;
  graphRequestsPerMail: number;
  /** ELO documents whose import key was filed more than once (must be 0). */
  duplicateKeys: number;
  documents: number;
  memory?: { rssBeforeMb: number; peakRssMb: number; rssGrowthMb: number; heapGrowthMb: number };
}

/**
 * Benchmark 4: the invoice mail import through the emulators (Graph and ELO in a child process, the app with its
 * pg-boss workers in this one). Mails are dropped into the mailboxes first, then „Jetzt prüfen“ is asked for every
 * tenant over HTTP and the clock runs until the ledger holds every mail as done; the figure is mails/s end to end
 * (delta, attachment list, download, classification, ELO lookup + folder + check-in, move, ledger). Graph requests
 * per mail come from the emulator's counters. The large-file run drops ten 25 MB PDFs into one mailbox and samples
 * this process's RSS (the app's: the emulators are elsewhere) against a baseline after a full GC.
 */
export async function runImportBench(settings: BenchSettings) {
  const mailboxCount = settings.importMailboxes;
  const mailboxes = Array.from({ length: mailboxCount }, (_, i) => mailboxOf(i));
  progress(`import: starting the app (fresh database, emulators with ${mailboxCount} empty shared mailboxes)`);
  const bench = await startAppUnderBench(settings, {
    sharedMailboxes: mailboxes,
    // Rounds come when asked for („Jetzt prüfen“); the schedule must not add rounds of its own in between.
    env: { IMPORT_INTERVAL_MINUTES: '600', HEALTH_MONITOR_ENABLED: 'false' },
  });
  const observer = createDatabase(bench.database.pool.options.connectionString ?? '', { poolSize: 1 });
  const portal = new PortalClient(bench.origin);
  const microsoft = bench.emulators.microsoft;
  const controls = new EmulatorControlsClient(
    microsoft.origin,
    microsoft.caCertPem,
    new URL(bench.emulators.eloBaseUrl).origin,
  );
  try {
    const tenants = await setUpTenants(bench, portal, mailboxes);
    await bench.startJobs();
    const runs: ImportRun[] = [];
    const pdfs = await invoicePdfs(
      Math.max(settings.importMailsOneMailbox, settings.importMailsPerMailbox * mailboxCount),
    );

    runs.push(
      await measure('1 mailbox', bench, observer, portal, controls, tenants.slice(0, 1), settings, async () => {
        await deliverAll(controls, [tenants[0]!], settings.importMailsOneMailbox, pdfs, 'one');
        return settings.importMailsOneMailbox;
      }),
    );
    runs.push(
      await measure(`${mailboxCount} mailboxes`, bench, observer, portal, controls, tenants, settings, async () => {
        await deliverAll(controls, tenants, settings.importMailsPerMailbox, pdfs, 'many');
        return settings.importMailsPerMailbox * tenants.length;
      }),
    );
    runs.push(
      await measure(
        `${settings.importLargeCount} × ${settings.importLargeMb} MB`,
        bench,
        observer,
        portal,
        controls,
        tenants.slice(0, 1),
        settings,
        async () => {
          for (let i = 0; i < settings.importLargeCount; i++) {
            await controls.deliver(tenants[0]!.mailbox, {
              from: { name: 'Scanner', address: 'scanner@contoso.example' },
              subject: `Scan ${i + 1}`,
              attachments: [
                {
                  kind: 'file',
                  name: `Scan_${i + 1}.pdf`,
                  contentType: 'application/pdf',
                  size: settings.importLargeMb * MB,
                  seed: `scan-${i}`,
                },
              ],
            });
          }
          return settings.importLargeCount;
        },
        true,
      ),
    );
    return report(runs, settings);
  } finally {
    await controls.close();
    await portal.close();
    await observer.close();
    await bench.close();
  }
}

/** N tenants with a live connection (seeded as the sweep does), each importing its own mailbox, service account set. */
async function setUpTenants(bench: AppUnderBench, portal: PortalClient, mailboxes: string[]): Promise<Tenant[]> {
  progress(`import: seeding ${mailboxes.length} tenants with connections`);
  const seed = await seedConnections(
    {
      db: bench.services.db,
      eloBaseUrl: bench.emulators.eloBaseUrl,
      endpoints: bench.endpoints,
      keys: new KeyRing([bench.encryptionKey]),
      firstIndex: 0,
    },
    mailboxes.length,
    8,
  );
  const slugs = seed.tenantIds.map((_, i) => `sweep-${i + 1}`);
  return mapConcurrently(slugs, 4, async (slug, index) => {
    await bench.services.eloServiceAccounts.set(
      slug,
      DEMO_ELO_SERVICE_ACCOUNT.userName,
      DEMO_ELO_SERVICE_ACCOUNT.password,
    );
    const session = await signIn(portal, hostOf(slug));
    const mailbox = mailboxes[index]!;
    const put = await portal.as(session).put(FEATURE_URL, { enabled: true, mailbox, afterImport: 'move' });
    if (put.status !== 200) throw new Error(`settings of ${slug}: ${put.status} ${put.text}`);
    return { slug, mailbox, session };
  });
}

async function invoicePdfs(count: number): Promise<string[]> {
  progress(`import: generating ${count} invoice PDFs`);
  const year = new Date().getUTCFullYear();
  return mapConcurrently(
    Array.from({ length: count }, (_, i) => i),
    4,
    async (i) => (await invoicePdf(sampleInvoice({ number: `RE-${year}-${10_000 + i}` }))).toString('base64'),
  );
}

async function deliverAll(
  controls: EmulatorControlsClient,
  tenants: Tenant[],
  perMailbox: number,
  pdfs: string[],
  tag: string,
): Promise<void> {
  const jobs = tenants.flatMap((tenant, t) =>
    Array.from({ length: perMailbox }, (_, i) => ({ tenant, n: t * perMailbox + i })),
  );
  await mapConcurrently(jobs, 8, async ({ tenant, n }) => {
    const mail: MailJson = {
      from: { name: 'Bürobedarf Müller GmbH', address: 'rechnung@mueller-buero.example' },
      subject: `Rechnung ${tag}-${n}`,
      attachments: [
        {
          kind: 'file',
          name: `Rechnung_${tag}_${n}.pdf`,
          contentType: 'application/pdf',
          contentBase64: pdfs[n % pdfs.length]!,
        },
      ],
    };
    await controls.deliver(tenant.mailbox, mail);
  });
}

async function measure(
  name: string,
  bench: AppUnderBench,
  observer: ReturnType<typeof createDatabase>,
  portal: PortalClient,
  controls: EmulatorControlsClient,
  tenants: Tenant[],
  settings: BenchSettings,
  deliver: () => Promise<number>,
  watchMemory = false,
): Promise<ImportRun> {
  const doneBefore = await countFinished(observer);
  const keysBefore = await controls.filedKeys();
  progress(`import (${name}): delivering mails`);
  const mails = await deliver();
  const graphBefore = await graphMailCalls(bench);
  if (watchMemory) await collectGarbage();
  const memoryBefore = process.memoryUsage();
  const memory = watchMemory ? sampleMemory(50) : undefined;
  const profiler = settings.cpuProfileDir ? await startCpuProfile() : undefined;
  progress(`import (${name}): ${mails} mails in ${tenants.length} mailbox(es); asking for a round in each`);
  const started = performance.now();
  await Promise.all(tenants.map((tenant) => portal.as(tenant.session).post(`${FEATURE_URL}/run`)));
  const deadline = started + settings.importTimeoutSeconds * 1000;
  let finished = 0;
  let lastAsk = started;
  while ((finished = (await countFinished(observer)) - doneBefore) < mails && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    // A round ends at the end of the delta; mails still due (retries) come in the next one: ask again now and then.
    if (performance.now() - lastAsk > 5_000) {
      lastAsk = performance.now();
      await Promise.all(tenants.map((tenant) => portal.as(tenant.session).post(`${FEATURE_URL}/run`)));
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const peak = memory?.stop();
  if (profiler && settings.cpuProfileDir) {
    const file = await profiler.stop(
      path.join(settings.cpuProfileDir, `import-${name.replace(/\W+/g, '-')}-${Date.now()}.cpuprofile`),
    );
    console.log(`CPU profile of the app process during "${name}": ${file}`);
  }
  const graphRequests = (await graphMailCalls(bench)) - graphBefore;
  const keys = await controls.filedKeys();
  let duplicateKeys = 0;
  let documents = 0;
  for (const [key, count] of keys) {
    const before = keysBefore.get(key) ?? 0;
    if (count > 1) duplicateKeys += count - Math.max(before, 1);
    documents += count - before;
  }
  return {
    name,
    mailboxes: tenants.length,
    mails,
    imported: finished,
    seconds,
    mailsPerSecond: finished / seconds,
    graphRequestsPerMail: graphRequests / Math.max(finished, 1),
    duplicateKeys,
    documents,
    ...(peak
      ? {
          memory: {
            rssBeforeMb: memoryBefore.rss / MB,
            peakRssMb: peak.rss / MB,
            rssGrowthMb: (peak.rss - memoryBefore.rss) / MB,
            heapGrowthMb: (peak.heapUsed - memoryBefore.heapUsed) / MB,
          },
        }
      : {}),
  };
}

/**
 * Graph mail requests the app made (its metrics count every attempt, retries included, by operation). The
 * emulator's own counters are per path and bounded in size, so they stop counting on a long run.
 */
async function graphMailCalls(bench: AppUnderBench): Promise<number> {
  const metric = await bench.services.metrics.externalCalls.get();
  return metric.values
    .filter((value) => value.labels.system === 'microsoft' && String(value.labels.operation).startsWith('graph_mail'))
    .reduce((sum, value) => sum + value.value, 0);
}

/** Mails the ledger has finished (done; failed and skipped count as finished too, and make the run invalid). */
async function countFinished(observer: ReturnType<typeof createDatabase>): Promise<number> {
  const result = await observer.pool.query<{ finished: string }>(
    "select count(*) as finished from invoice_import_messages where state in ('done', 'failed', 'skipped')",
  );
  return Number(result.rows[0]?.finished ?? 0);
}

async function report(runs: ImportRun[], settings: BenchSettings) {
  const many = runs[1];
  const large = runs[2];
  const valid = runs.every(
    (run) => run.imported === run.mails && run.duplicateKeys === 0 && run.documents === run.mails,
  );
  printTable(
    'Benchmark 4: invoice mail import through the emulators (mails dropped in first, then one round asked for per mailbox)',
    [
      [
        'run',
        'mailboxes',
        'mails',
        'imported',
        'ELO docs',
        'dup keys',
        'seconds',
        'mails/s',
        'Graph req/mail',
        'RSS growth MB',
      ],
      ...runs.map((run) => [
        run.name,
        run.mailboxes,
        run.mails,
        run.imported,
        run.documents,
        run.duplicateKeys,
        run.seconds,
        run.mailsPerSecond,
        run.graphRequestsPerMail,
        run.memory ? run.memory.rssGrowthMb : '',
      ]),
    ],
  );
  if (large?.memory) {
    console.log(
      `large-file run: RSS before ${large.memory.rssBeforeMb.toFixed(1)} MB (after a full GC), peak ${large.memory.peakRssMb.toFixed(1)} MB, ` +
        `growth ${large.memory.rssGrowthMb.toFixed(1)} MB (target < 100), heap growth ${large.memory.heapGrowthMb.toFixed(1)} MB`,
    );
  }
  if (!valid) console.log('INVALID: not every mail was imported exactly once within the time limit (see the table)');
  const figures = {
    valid,
    runs,
    oneMailbox: runs[0],
    manyMailboxes: many,
    largeFiles: large,
    settings: {
      mailsOneMailbox: settings.importMailsOneMailbox,
      mailsPerMailbox: settings.importMailsPerMailbox,
      mailboxes: settings.importMailboxes,
      largeCount: settings.importLargeCount,
      largeMb: settings.importLargeMb,
    },
  };
  printJson('import', figures);
  return figures;
}
