import { readFileSync } from 'node:fs';
import os from 'node:os';

/**
 * Busy, stolen and total CPU time of the whole machine so far (Linux /proc/stat, in clock ticks). Steal is the time
 * the hypervisor gave this machine's cores to other guests while they had work: it counts as busy here.
 */
function cpuTicks(): { busy: number; steal: number; total: number } | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
    const total = fields.slice(0, 8).reduce((sum, value) => sum + value, 0);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    return { busy: total - idle, steal: fields[7] ?? 0, total };
  } catch {
    return undefined;
  }
}

/**
 * How many cores the machine kept busy over `ms` while this benchmark does nothing: other processes (a test run
 * elsewhere) disturb the figures, and the report says so. Undefined where /proc/stat is missing.
 */
export async function backgroundCores(ms = 2000): Promise<number | undefined> {
  const before = cpuTicks();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = cpuTicks();
  if (!before || !after || after.total === before.total) return undefined;
  return ((after.busy - before.busy) / (after.total - before.total)) * os.cpus().length;
}

/**
 * Starts metering the cores the hypervisor took away (steal) until `stop()`, in cores of this machine: on a shared
 * host the same code measures slower when neighbours are busy, and a run is only comparable with one of similar
 * steal. Undefined where /proc/stat is missing.
 */
export function meterHostSteal(): { stop(): number | undefined } {
  const before = cpuTicks();
  return {
    stop() {
      const after = cpuTicks();
      if (!before || !after || after.total === before.total) return undefined;
      return ((after.steal - before.steal) / (after.total - before.total)) * os.cpus().length;
    },
  };
}

/** CPU time (user + system) another process has used so far, ms (Linux /proc/<pid>/stat; clock ticks of 10 ms). */
export function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // The command name (field 2) may contain spaces; the fields after its closing parenthesis are fixed.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}
