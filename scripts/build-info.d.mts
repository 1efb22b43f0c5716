export function writeBuildInfo(
  root: string,
  file: string,
  env?: NodeJS.ProcessEnv,
): { version: string; commit?: string };
