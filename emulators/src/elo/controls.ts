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
  /** Back to the start: up, no latency, fixture switches and memberships, empty call log, no sessions. */
  reset(): void;
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

  constructor(
    readonly repositories: ReadonlyMap<string, RepositoryState>,
    private readonly tickets: TicketStore,
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
    for (const repository of this.repositories.values()) repository.reset();
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
