import { FaultInjection, type InjectedDrop, type InjectedException } from './fault-injection.js';
import { listFiled, type FiledDocument } from './filed-documents.js';
import type { FilingServices } from './filing-services.js';
import type { IxException } from './ix-exception.js';
import type { RepositoryState } from './repository-state.js';
import type { TicketStore } from './tickets.js';

export type EloAvailability = 'up' | 'down' | 'reset';

export const AVAILABILITY_MODES: readonly EloAvailability[] = ['up', 'down', 'reset'];

export interface EloCallRecord {
  repository: string;
  fn: string;
}

export interface EloEmulatorControls {
  /** up: answer; down: HTTP 503 like a proxy in front of a stopped Indexserver; reset: destroy the socket. */
  setAvailability(mode: EloAvailability): void;
  /** Delay every IX answer (also 503s and resets) by this many milliseconds. */
  setLatency(ms: number): void;
  setPasswordLoginDisabled(repository: string, disabled: boolean): void;
  /**
   * Puts a user (or group) into a group or takes it out while the emulator runs, as an ELO administrator would;
   * open tickets stay valid and the next membership lookup answers the new state. `reset()` restores the fixture.
   */
  setGroupMembership(change: EloGroupMembershipChange): void;
  /** The IX calls answered so far (not those refused by availability), without bodies, so without passwords. */
  calls(): EloCallRecord[];
  /**
   * Back to the start: up, no latency, fixture switches and memberships, empty call log, no sessions, archives as in
   * the fixture.
   */
  reset(): void;
  /** How often each function was called (per repository), for "nothing was filed twice" checks. */
  callCounts(repository?: string): Record<string, number>;
  /** The next `times` calls of `fn` answer `[ELOIX:code]text` instead of running. */
  injectException(fault: InjectedException): void;
  /** The next `times` calls of `fn` run (and persist), then the socket is closed without an answer. */
  dropConnectionAfter(fault: InjectedDrop): void;
  /** createDoc and checkinDocEnd with this mask (id, name or GUID) answer `[ELOIX:code]` (default 2000). */
  rejectMask(repository: string, mask: string | number, code?: number): void;
  acceptMask(repository: string, mask: string | number): void;
  /** Every ticket becomes invalid at once, as after ELO's idle timeout: the next call answers [ELOIX:2001]. */
  expireSessions(): void;
  /** Documents filed so far, oldest first. */
  filed(repository?: string): FiledDocument[];
  /** The file of a filed document (or its attachment) on disk, for downloads. */
  filedFile(repository: string, objId: number, which: 'document' | 'attachment'): string | undefined;
  /** How many searches were opened and not closed with findClose. */
  openSearches(): number;
}

export interface EloGroupMembershipChange {
  repository: string;
  /** User or group name (case-insensitive, as in ELO). */
  member: string;
  group: string;
  isMember: boolean;
}

export interface EloEmulatorState {
  availability: EloAvailability;
  latencyMs: number;
  repositories: Record<string, { passwordLoginDisabled: boolean }>;
}

/** The mutable run-time state behind the controls, shared by the IX routes and the control routes. */
export class ControlState implements EloEmulatorControls {
  availability: EloAvailability = 'up';
  latencyMs = 0;
  private readonly log: EloCallRecord[] = [];
  private readonly faults = new FaultInjection();

  constructor(
    readonly repositories: ReadonlyMap<string, RepositoryState>,
    private readonly tickets: TicketStore,
    private readonly filing: FilingServices,
  ) {}

  setAvailability(mode: EloAvailability): void {
    if (!AVAILABILITY_MODES.includes(mode)) throw new Error(`unknown availability mode "${String(mode)}"`);
    this.availability = mode;
  }

  setLatency(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new Error('latency must be a non-negative number of milliseconds');
    this.latencyMs = ms;
  }

  setPasswordLoginDisabled(repository: string, disabled: boolean): void {
    this.repository(repository).passwordLoginDisabled = disabled;
  }

  setGroupMembership(change: EloGroupMembershipChange): void {
    this.repository(change.repository).directory.setDirectMembership(change.member, change.group, change.isMember);
  }

  record(call: EloCallRecord): void {
    this.log.push(call);
  }

  calls(): EloCallRecord[] {
    return this.log.map((call) => ({ ...call }));
  }

  reset(): void {
    this.availability = 'up';
    this.latencyMs = 0;
    this.log.length = 0;
    this.tickets.clear();
    this.faults.clear();
    this.filing.clear();
    for (const repository of this.repositories.values()) {
      for (const sord of repository.archive.documents()) {
        for (const version of [sord.document, sord.attachment]) if (version) this.filing.blobs.remove(version.file);
      }
      repository.reset();
    }
  }

  callCounts(repository?: string): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const call of this.log) {
      if (repository === undefined || call.repository === repository) counts[call.fn] = (counts[call.fn] ?? 0) + 1;
    }
    return counts;
  }

  injectException(fault: InjectedException): void {
    this.faults.injectException(fault);
  }

  dropConnectionAfter(fault: InjectedDrop): void {
    this.faults.dropConnectionAfter(fault);
  }

  takeInjectedException(repository: string, fn: string): IxException | undefined {
    return this.faults.takeException(repository, fn);
  }

  takeConnectionDrop(repository: string, fn: string): boolean {
    return this.faults.takeDrop(repository, fn);
  }

  rejectMask(repository: string, mask: string | number, code = 2000): void {
    this.repository(repository).rejectedMasks.set(this.mask(repository, mask), code);
  }

  acceptMask(repository: string, mask: string | number): void {
    this.repository(repository).rejectedMasks.delete(this.mask(repository, mask));
  }

  private mask(repository: string, ref: string | number): number {
    const mask = this.repository(repository).masks.find(ref);
    if (!mask) throw new Error(`unknown mask "${String(ref)}" in repository "${repository}"`);
    return mask.id;
  }

  expireSessions(): void {
    this.tickets.clear();
  }

  filed(repository?: string): FiledDocument[] {
    const repositories = repository === undefined ? [...this.repositories.values()] : [this.repository(repository)];
    return repositories.flatMap(listFiled).sort((a, b) => a.filedAt.localeCompare(b.filedAt) || a.objId - b.objId);
  }

  filedFile(repository: string, objId: number, which: 'document' | 'attachment'): string | undefined {
    return this.repository(repository).archive.get(objId)?.[which]?.file;
  }

  openSearches(): number {
    return this.filing.searches.openCount();
  }

  faultsArmed() {
    return this.faults.armed();
  }

  state(): EloEmulatorState {
    const repositories = Object.fromEntries(
      [...this.repositories].map(([name, repo]) => [name, { passwordLoginDisabled: repo.passwordLoginDisabled }]),
    );
    return { availability: this.availability, latencyMs: this.latencyMs, repositories };
  }

  repository(name: string): RepositoryState {
    const repository = this.repositories.get(name);
    if (!repository) throw new Error(`unknown repository "${name}"`);
    return repository;
  }
}
