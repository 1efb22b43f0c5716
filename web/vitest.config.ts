import { defineProject, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.js';

export default mergeConfig(
  viteConfig({ command: 'serve', mode: 'test' }),
  defineProject({
    test: {
      name: 'web',
      include: ['src/**/*.test.ts'],
      setupFiles: ['src/test/setup.ts'],
      environment: 'jsdom',
      restoreMocks: true,
      unstubGlobals: true,
    },
  }),
);
