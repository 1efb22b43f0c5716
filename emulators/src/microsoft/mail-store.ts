import type { Directory, Mailbox } from './directory.js';
import { DeltaTokens } from './mail-delta.js';
import { MailboxStore } from './mailbox-store.js';
import { checkNewMail } from './new-mail-check.js';
import type { NewMail } from './new-mail.js';

/** What the seed function learns about a mailbox it fills. */
export interface SeedMailbox {
  address: string;
  /** A shared mailbox (no account of its own), e.g. rechnungen@… */
  shared: boolean;
}

export type MailSeed = (mailbox: SeedMailbox) => NewMail[];

/** The Exchange side of the emulator: every mailbox of the directory, their delta state and the test knobs. */
export class MailStore {
  private boxes = new Map<string, MailboxStore>();
  readonly deltaTokens = new DeltaTokens();
  /** Mailboxes whose next delta round replays unchanged messages (`replayDelta`). */
  readonly replayNextRound = new Set<string>();

  constructor(
    private readonly directory: Directory,
    private readonly seed: MailSeed,
  ) {
    this.fill();
  }

  /** Every mailbox back to its seeded Inbox; all delta state is gone. */
  reset(): void {
    this.deltaTokens.clear();
    this.replayNextRound.clear();
    this.fill();
  }

  box(mailbox: Mailbox): MailboxStore {
    const found = this.boxes.get(mailbox.address);
    if (!found) throw new Error(`mailbox ${mailbox.address} is not in the mail store`);
    return found;
  }

  /** Consumed by the first round that starts after `replayDelta`. */
  takeReplay(address: string): boolean {
    return this.replayNextRound.delete(address);
  }

  private fill(): void {
    this.boxes = new Map();
    for (const mailbox of this.directory.allMailboxes()) {
      const box = new MailboxStore(mailbox.address);
      for (const mail of this.seed({ address: mailbox.address, shared: mailbox.shared })) {
        box.deliver(checkNewMail(mail), box.inboxId);
      }
      this.boxes.set(mailbox.address, box);
    }
  }
}
