import { firstMessage, forkModule, stopChild } from './child-process.js';
import type { SeedRequest } from './seed-connections-child.js';
import type { SeedResult } from './seed-connections.js';

/** `seedConnections` in a child process (seed-connections-child.ts); answers when it is done. */
export async function seedConnectionsInChild(request: SeedRequest): Promise<SeedResult> {
  const child = forkModule(new URL('./seed-connections-child.ts', import.meta.url));
  try {
    child.send(request);
    const answer = await firstMessage<{ result?: SeedResult }>(child, 'the seeding process');
    if (!answer.result) throw new Error('seeding answered without a result');
    return answer.result;
  } finally {
    await stopChild(child);
  }
}
