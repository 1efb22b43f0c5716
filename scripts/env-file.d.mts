export function loadEnvFile(
  dir: string,
  env?: NodeJS.ProcessEnv,
): { file: string; applied: string[]; kept: string[] } | undefined;
