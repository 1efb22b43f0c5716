import type { ChildProcess } from 'node:child_process';
import { forkModule, stopChild } from './child-process.js';
import { onInterrupt } from './cleanup.js';
import type { StepTimings } from './connect-flow.js';

export interface FlowDriversRequest {
  /** `http://127.0.0.1:PORT` of the app under bench. */
  origin: string;
  /** The Microsoft emulator's CA: the drivers' browser trusts exactly it. */
  caCertPem: string;
  /** One tenant host per worker; each worker signs in there and switches the invoice import on. */
  hosts: string[];
  flows: number;
}

/** What the drivers measured in their own process. */
export interface FlowDriversResult {
  /** Wall time of each successful flow, ms. */
  durations: number[];
  steps: StepTimings[];
  failures: string[];
  seconds: number;
  /** CPU time of the drivers' process over the measured flows (user + system), ms. */
  cpuMs: number;
}

export type FlowDriversMessage =
  { kind: 'ready' } | { kind: 'result'; result: FlowDriversResult } | { kind: 'error'; error: string };

/** Sent by the parent when its meters run: the drivers start the measured flows on it. */
export type FlowDriversCommand = { kind: 'go' };

export interface FlowDrivers {
  /** Starts the measured flows (after `start()` of the caller's meters) and answers when they are done. */
  measure(): Promise<FlowDriversResult>;
  close(): Promise<void>;
}

function nextMessage(child: ChildProcess, expected: FlowDriversMessage['kind']): Promise<FlowDriversMessage> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(new Error(`the flow drivers exited (code ${code}) before answering`));
    child.once('exit', onExit);
    child.once('message', (message: FlowDriversMessage) => {
      child.off('exit', onExit);
      if (message.kind === 'error') reject(new Error(`the flow drivers failed: ${message.error}`));
      else if (message.kind !== expected) reject(new Error(`the flow drivers said ${message.kind}, not ${expected}`));
      else resolve(message);
    });
  });
}

/**
 * The connect flow's clients in a process of their own, as browsers are in reality not in the server's process:
 * the workers sign in, do one warm-up flow each and report ready; `measure()` then runs the measured flows over
 * HTTP to the app and HTTPS to the emulator. The app's process is left with the app's work only, so its CPU time
 * per flow is the app's.
 */
export async function startFlowDrivers(request: FlowDriversRequest): Promise<FlowDrivers> {
  const child = forkModule(new URL('./flow-drivers-child.ts', import.meta.url));
  const close = () => stopChild(child);
  const unregister = onInterrupt(close);
  try {
    const ready = nextMessage(child, 'ready');
    child.send(request);
    await ready;
  } catch (error) {
    unregister();
    await close();
    throw error;
  }
  return {
    async measure() {
      const done = nextMessage(child, 'result');
      child.send({ kind: 'go' } satisfies FlowDriversCommand);
      const message = await done;
      if (message.kind !== 'result') throw new Error('the flow drivers answered without a result');
      return message.result;
    },
    async close() {
      unregister();
      await close();
    },
  };
}
