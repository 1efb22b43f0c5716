import { defineConfig } from 'vitest/config';

// Vitest's default on this 2-core machine is one file at a time; the integration tests mostly wait on Postgres,
// HTTP peers and timers, so two files run side by side (each has its own database). VITEST_MAX_WORKERS overrides.
const maxWorkers = Number(process.env.VITEST_MAX_WORKERS ?? 2);

export default defineConfig({
  test: {
    maxWorkers,
    projects: ['shared', 'emulators', 'api', 'web'],
  },
});
