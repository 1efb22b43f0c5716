import { randomBytes } from 'node:crypto';
import type { StoredMessage, Tombstone } from './mail-model.js';
import type { MailboxStore } from './mailbox-store.js';

/**
 * Exchange's delta sync for messages in a folder, as Graph documents it: a round is a snapshot of what changed
 * since the last round (everything on the first), served in pages behind opaque `$skiptoken`s, ending with a
 * `$deltatoken` for the next round. Tokens are server state, like Exchange's "sync state generations": every page
 * issues a new generation and only the latest few of a round stay valid (older nextLinks answer 410
 * SyncStateNotFound, as reported from the real service), and `expire` drops a mailbox's state altogether.
 */

export interface DeltaOptions {
  select: string[] | undefined;
  top: number | undefined;
  receivedFilter: { op: 'ge' | 'gt'; at: number } | undefined;
  newestFirst: boolean;
  changeType: 'created' | 'updated' | 'deleted' | undefined;
  expandedPropertyIds: string[] | undefined;
}

/**
 * `partial`: an update of a message the client already has. Exchange then sends only a few properties (reported:
 * `id`, `isRead`, `parentFolderId`), whatever `$select` asked for — clients must not take it for a full message.
 */
export type DeltaEntry =
  { kind: 'message'; immutableId: string; partial?: boolean } | { kind: 'removed'; tombstone: Tombstone };

export interface SyncState {
  mailbox: string;
  folderId: string;
  options: DeltaOptions;
  chain: string;
  generation: number;
  /** A page position inside a round (`$skiptoken`) … */
  round?: { entries: DeltaEntry[]; offset: number; highWater: number };
  /** … or where the next round starts (`$deltatoken`). */
  sinceSeq?: number;
}

/** With `$filter`, Graph caps a round at 5,000 messages. */
const FILTERED_ROUND_CAP = 5000;
/** Generations of one round that stay valid: the latest and two before it (a retried page still works). */
const KEPT_GENERATIONS = 3;
const MAX_TOKENS = 50_000;

export type TokenLookup = { state: SyncState } | { expired: { generation?: number; highest?: number } };

export class DeltaTokens {
  private readonly tokens = new Map<string, SyncState>();
  private readonly chains = new Map<string, { highest: number; tokens: Array<[string, number]> }>();
  /** Tokens that aged out, so the 410 can name the generations as Exchange does. */
  private readonly retired = new Map<string, { generation: number; chain: string }>();

  issue(state: Omit<SyncState, 'generation'>): string {
    const token = randomBytes(36).toString('base64url');
    const chain = this.chains.get(state.chain) ?? { highest: 0, tokens: [] };
    chain.highest += 1;
    chain.tokens.push([token, chain.highest]);
    this.chains.set(state.chain, chain);
    this.tokens.set(token, { ...state, generation: chain.highest });
    while (chain.tokens.length > KEPT_GENERATIONS) {
      const [old, generation] = chain.tokens.shift() ?? ['', 0];
      this.tokens.delete(old);
      this.remember(this.retired, old, { generation, chain: state.chain });
    }
    while (this.tokens.size > MAX_TOKENS) {
      const oldest = this.tokens.keys().next().value;
      if (oldest === undefined) break;
      this.tokens.delete(oldest);
    }
    return token;
  }

  find(token: string): TokenLookup {
    const state = this.tokens.get(token);
    if (state) return { state };
    const retired = this.retired.get(token);
    return {
      expired: retired ? { generation: retired.generation, highest: this.chains.get(retired.chain)?.highest } : {},
    };
  }

  /** Every sync state of the mailbox is gone: its next delta request answers 410. */
  expireMailbox(address: string): void {
    for (const [token, state] of this.tokens) if (state.mailbox === address) this.tokens.delete(token);
  }

  clear(): void {
    this.tokens.clear();
    this.chains.clear();
    this.retired.clear();
  }

  private remember<V>(map: Map<string, V>, key: string, value: V): void {
    map.set(key, value);
    while (map.size > MAX_TOKENS) {
      const oldest = map.keys().next().value;
      if (oldest === undefined) break;
      map.delete(oldest);
    }
  }
}

function matchesFilter(receivedDateTime: string, options: DeltaOptions): boolean {
  const filter = options.receivedFilter;
  if (!filter) return true;
  const at = Date.parse(receivedDateTime);
  return filter.op === 'ge' ? at >= filter.at : at > filter.at;
}

function ordered(messages: StoredMessage[], options: DeltaOptions): StoredMessage[] {
  return options.newestFirst
    ? [...messages].sort((a, b) => b.receivedDateTime.localeCompare(a.receivedDateTime))
    : [...messages].sort((a, b) => a.changedSeq - b.changedSeq);
}

/**
 * What a round reports. `sinceSeq` undefined: the initial round (everything in the folder). `replay`: also every
 * unchanged message again, before the real changes — the duplicates Graph warns clients about.
 */
export function roundEntries(
  box: MailboxStore,
  folderId: string,
  options: DeltaOptions,
  sinceSeq: number | undefined,
  replay: boolean,
): DeltaEntry[] {
  const inFolder = box.messagesIn(folderId).filter((message) => matchesFilter(message.receivedDateTime, options));
  const asEntries = (messages: StoredMessage[], partialSince?: number): DeltaEntry[] =>
    ordered(messages, options).map((message) => ({
      kind: 'message',
      immutableId: message.immutableId,
      ...(partialSince !== undefined && message.arrivedSeq <= partialSince ? { partial: true } : {}),
    }));
  if (sinceSeq === undefined) {
    if (options.changeType === 'deleted') return [];
    const entries = asEntries(inFolder);
    return options.receivedFilter ? entries.slice(0, FILTERED_ROUND_CAP) : entries;
  }
  const changed = inFolder.filter((message) => {
    if (message.changedSeq <= sinceSeq) return false;
    const created = message.arrivedSeq > sinceSeq;
    if (options.changeType === 'created') return created;
    if (options.changeType === 'updated') return !created;
    return options.changeType === undefined;
  });
  const removed: DeltaEntry[] =
    options.changeType === undefined || options.changeType === 'deleted'
      ? box
          .tombstonesSince(folderId, sinceSeq)
          .filter((tombstone) => matchesFilter(tombstone.receivedDateTime, options))
          .map((tombstone) => ({ kind: 'removed', tombstone }))
      : [];
  const replayed = replay ? asEntries(inFolder.filter((message) => message.changedSeq <= sinceSeq)) : [];
  // Removals and changes in the order they happened: a message moved out and back ends up present.
  const seqOf = (entry: DeltaEntry): number =>
    entry.kind === 'removed' ? entry.tombstone.seq : (box.findMessage(entry.immutableId)?.changedSeq ?? 0);
  return [...replayed, ...[...removed, ...asEntries(changed, sinceSeq)].sort((a, b) => seqOf(a) - seqOf(b))];
}
