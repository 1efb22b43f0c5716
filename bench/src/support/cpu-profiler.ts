import { mkdir, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import path from 'node:path';

/**
 * A V8 CPU profile of this process over a window (the measured run only, unlike `node --cpu-prof`), written as a
 * `.cpuprofile` that Chrome DevTools or speedscope open.
 */
export async function startCpuProfile(): Promise<{ stop(file: string): Promise<string> }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  return {
    async stop(file) {
      const { profile } = await session.post('Profiler.stop');
      session.disconnect();
      const target = path.resolve(file);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, JSON.stringify(profile));
      return target;
    },
  };
}
