import { fileURLToPath } from 'node:url';

/**
 * Workspace packages resolve to their TypeScript sources in tests, the same way `tsx` resolves them through the
 * `@ecm365/source` export condition at run time.
 */
export const workspaceAliases = {
  '@ecm365/shared': fileURLToPath(new URL('./shared/src/index.ts', import.meta.url)),
  '@ecm365/client': fileURLToPath(new URL('./client/src/index.ts', import.meta.url)),
  '@ecm365/migrations': fileURLToPath(new URL('./migrations/src/index.ts', import.meta.url)),
  '@ecm365/emulators': fileURLToPath(new URL('./emulators/src/index.ts', import.meta.url)),
};
