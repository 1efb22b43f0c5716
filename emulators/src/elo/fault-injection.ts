import { IxException } from './ix-exception.js';

/** "The next call(s) of function X answer exception code N". */
export interface InjectedException {
  fn: string;
  code: number;
  /** Text after "[ELOIX:nnnn]"; a plain default otherwise. */
  text?: string;
  /** How many calls get it (default 1). */
  times?: number;
  /** Only calls to this repository; default all. */
  repository?: string;
}

/** "Answer nothing after function X did its work": the effect exists, the client sees a broken connection. */
export interface InjectedDrop {
  fn: string;
  times?: number;
  repository?: string;
}

interface Armed<T> {
  fault: T;
  left: number;
}

function take<T extends { fn: string; repository?: string }>(list: Armed<T>[], repository: string, fn: string) {
  const index = list.findIndex(
    ({ fault }) => fault.fn === fn && (!fault.repository || fault.repository === repository),
  );
  const armed = list[index];
  if (!armed) return undefined;
  armed.left--;
  if (armed.left <= 0) list.splice(index, 1);
  return armed.fault;
}

const positive = (times: number | undefined) => {
  const value = times ?? 1;
  if (!Number.isSafeInteger(value) || value < 1) throw new Error('times must be a positive integer');
  return value;
};

/** Faults armed by tests; each fires for its number of matching calls, then disarms. */
export class FaultInjection {
  private readonly exceptions: Armed<InjectedException>[] = [];
  private readonly drops: Armed<InjectedDrop>[] = [];

  injectException(fault: InjectedException): void {
    if (!Number.isSafeInteger(fault.code) || fault.code < 0) throw new Error('code must be a non-negative integer');
    this.exceptions.push({ fault: { ...fault }, left: positive(fault.times) });
  }

  dropConnectionAfter(fault: InjectedDrop): void {
    this.drops.push({ fault: { ...fault }, left: positive(fault.times) });
  }

  takeException(repository: string, fn: string): IxException | undefined {
    const fault = take(this.exceptions, repository, fn);
    return fault && new IxException(fault.code, fault.text ?? `Injected failure of ${fn}.`);
  }

  takeDrop(repository: string, fn: string): boolean {
    return take(this.drops, repository, fn) !== undefined;
  }

  armed() {
    return {
      exceptions: this.exceptions.map(({ fault, left }) => ({ ...fault, times: left })),
      drops: this.drops.map(({ fault, left }) => ({ ...fault, times: left })),
    };
  }

  clear(): void {
    this.exceptions.length = 0;
    this.drops.length = 0;
  }
}
