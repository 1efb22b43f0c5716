import os from 'node:os';
import { readSettings } from './settings.js';
import { runConnectFlowBench } from './connect-flow.bench.js';
import { runHealthSweepBench } from './health-sweep.bench.js';
import { runImportBench } from './import.bench.js';
import { runStartBench } from './start.bench.js';
import { runStatusReadBench } from './status-read.bench.js';
import { installInterruptHandler } from './support/cleanup.js';
import { postgresServer } from './support/bench-database.js';
import { backgroundCores, meterHostSteal } from './support/machine-load.js';
import { printTable, progress, type Cell } from './support/report.js';

const BENCHMARKS = {
  status: runStatusReadBench,
  flow: runConnectFlowBench,
  sweep: runHealthSweepBench,
  import: runImportBench,
  start: runStartBench,
} as const;
type Name = keyof typeof BENCHMARKS;

type Figures = Awaited<ReturnType<(typeof BENCHMARKS)[Name]>>;

/** The figures the issue asks for, one line each. */
function headline(figures: Figures): Cell[][] {
  if ('bare' in figures) {
    const route = (run: typeof figures.bare) =>
      `${Math.round(run.requestsPerSecond)} (${run.p50Ms.toFixed(1)} / ${run.p99Ms.toFixed(1)})`;
    return [
      ['status read, cache hit: req/s (p50 / p99 ms)', route(figures.cacheHit.status)],
      ['status read, no caches: req/s (p50 / p99 ms)', route(figures.noCaches.status)],
      ['bare route, app logging: req/s (p50 / p99 ms)', route(figures.bare)],
      ['ratio status / bare, cache hit (target ≥ 0.6)', figures.cacheHit.ratio.toFixed(3)],
      ['ratio status / bare, no caches (target ≥ 0.35)', figures.noCaches.ratio.toFixed(3)],
      [
        'queries/request under load, cache hit / no caches',
        `${figures.cacheHit.underLoad.queriesPerRequest.toFixed(2)} / ${figures.noCaches.underLoad.queriesPerRequest.toFixed(2)}`,
      ],
    ];
  }
  if ('runs' in figures) {
    const line = (run: (typeof figures.runs)[number] | undefined) =>
      run ? `${run.mailsPerSecond.toFixed(2)} (${run.imported}/${run.mails} mails, ${run.seconds.toFixed(1)} s)` : '–';
    return [
      ['import, 1 mailbox: mails/s', line(figures.oneMailbox)],
      [`import, ${figures.settings.mailboxes} mailboxes: mails/s (target ≥ 40)`, line(figures.manyMailboxes)],
      [
        'import: Graph requests per mail (1 mailbox / many)',
        `${figures.oneMailbox?.graphRequestsPerMail.toFixed(2) ?? '–'} / ${figures.manyMailboxes?.graphRequestsPerMail.toFixed(2) ?? '–'}`,
      ],
      [
        `import, ${figures.settings.largeCount} × ${figures.settings.largeMb} MB: RSS growth MB (target < 100)`,
        figures.largeFiles?.memory ? figures.largeFiles.memory.rssGrowthMb.toFixed(1) : '–',
      ],
    ];
  }
  if ('warm' in figures) {
    return [
      ['pnpm start, warm: ms until /readyz (target ≤ 2500)', Math.round(figures.warm.readyMs)],
      ['pnpm start, warm: CPU ms until /readyz (process tree; robust against other load)', figures.warm.readyCpuMs],
      ['pnpm start, cold: ms until /readyz', Math.round(figures.cold.readyMs)],
      ['pnpm start, warm: idle RSS MB of the process tree (target ≤ 300)', Math.round(figures.warm.idleRssMb)],
    ];
  }
  if ('flowsPerSecond' in figures) {
    return [
      [
        'connect flows/s (p50 / p99 ms)',
        `${figures.flowsPerSecond.toFixed(2)} (${Math.round(figures.p50Ms)} / ${Math.round(figures.p99Ms)})`,
      ],
      [
        'connect flow per flow: app queries / app CPU ms (clients / emulators CPU ms)',
        `${figures.queriesPerFlow.toFixed(1)} / ${figures.cpuMsPerFlow.toFixed(1)} ` +
          `(${figures.clientCpuMsPerFlow.toFixed(1)} / ${figures.emulatorCpuMsPerFlow?.toFixed(1) ?? '–'})`,
      ],
    ];
  }
  return figures.rounds.flatMap((round) => [
    [
      `health monitor: checks/s over ${round.connections} due connections (${figures.instances} instance(s), concurrency ${figures.concurrency})`,
      `${round.connectionsPerSecond.toFixed(2)} (${round.cpuMsPerCheck.toFixed(2)} CPU ms/check, emulator ` +
        `${round.emulatorCpuMsPerCheck?.toFixed(2) ?? '–'}, ${round.queriesPerCheck.toFixed(1)} queries/check)`,
    ],
    [
      `health sweep ${round.connections}: peak RSS / heap MB (growth over the post-GC baseline)`,
      `${Math.round(round.memory.peakRssMb)} / ${Math.round(round.memory.peakHeapUsedMb)} ` +
        `(+${Math.round(round.memory.rssGrowthMb)} / +${Math.round(round.memory.heapUsedGrowthMb)})`,
    ],
    [
      `health sweep ${round.connections}: checks per instance, duplicates`,
      `${round.perInstance.join(' / ')}, ${round.duplicates}`,
    ],
  ]);
}

/**
 * `pnpm bench [status] [flow] [sweep [--instances N]] [import] [start]`: the named benchmarks, or all, one after the
 * other.
 */
async function main(): Promise<void> {
  installInterruptHandler();
  const settings = readSettings();
  const args = process.argv.slice(2);
  const flag = args.indexOf('--instances');
  const names = flag < 0 ? args : [...args.slice(0, flag), ...args.slice(flag + 2)];
  const unknown = names.filter((name) => !(name in BENCHMARKS));
  if (unknown.length > 0)
    throw new Error(`unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(BENCHMARKS).join(', ')}`);
  const selected = (names.length > 0 ? names : Object.keys(BENCHMARKS)) as Name[];
  const cpus = os.cpus();
  console.log(
    `machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ` +
      `Node ${process.version}, PostgreSQL at ${postgresServer()}`,
  );
  let failed = false;
  const summary: Cell[][] = [];
  for (const name of selected) {
    progress(`— ${name} —`);
    const busy = await backgroundCores();
    if (busy !== undefined) {
      const note = busy > 0.25 ? ' WARNING: the machine is busy with other work; the figures below are disturbed' : '';
      console.log(`\nbackground load before "${name}": ${busy.toFixed(2)} of ${cpus.length} cores busy${note}`);
    }
    const steal = meterHostSteal();
    const figures = await BENCHMARKS[name](settings);
    const stolen = steal.stop();
    if (!figures.valid) failed = true;
    summary.push(
      ...headline(figures),
      ...(stolen === undefined ? [] : [[`${name}: cores taken by the host (steal) during the run`, stolen.toFixed(2)]]),
      ...(figures.valid ? [] : [[`${name}: INVALID (see above)`, '']]),
    );
  }
  printTable('Summary', [['figure', 'value'], ...summary]);
  if (failed) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error('bench failed:', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
