import { createHash } from 'node:crypto';
import { CONSUMER_TENANT_ID } from './demo-data.js';
import type { MicrosoftAccount, MicrosoftClientRegistration } from './types.js';

/** What the `{tenant}` path segment of an authority names. */
export type TenantSegment =
  { kind: 'organizations' } | { kind: 'common' } | { kind: 'consumers' } | { kind: 'tenant'; tenantId: string };

export interface Mailbox {
  address: string;
  id: string;
  displayName: string;
  tenantId: string;
  /** Set for an account's own mailbox. */
  owner?: MicrosoftAccount;
  /** Shared mailboxes hold the demo invoice mails. */
  shared: boolean;
}

const lower = (value: string): string => value.toLowerCase();
const domainOf = (address: string): string => lower(address.split('@')[1] ?? '');

/** Stable GUID-shaped id for a shared mailbox (it has no account, but Graph gives every user object an id). */
function derivedId(address: string): string {
  const hex = createHash('sha256').update(lower(address)).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The static world of the emulator: tenants, accounts, mailboxes and app registrations. */
export class Directory {
  private readonly domains = new Map<string, string>();
  private readonly mailboxes = new Map<string, Mailbox>();

  constructor(
    readonly accounts: readonly MicrosoftAccount[],
    sharedMailboxes: readonly string[],
    readonly clients: readonly MicrosoftClientRegistration[],
  ) {
    for (const account of accounts) {
      if (account.kind === 'work') this.domains.set(domainOf(account.upn), account.tenantId);
      this.addMailbox({
        address: lower(account.upn),
        id: account.oid,
        displayName: account.displayName,
        tenantId: account.tenantId,
        owner: account,
        shared: false,
      });
    }
    const fallbackTenant = accounts.find((account) => account.kind === 'work')?.tenantId ?? CONSUMER_TENANT_ID;
    for (const address of sharedMailboxes) {
      const tenantId = this.domains.get(domainOf(address)) ?? fallbackTenant;
      this.addMailbox({
        address: lower(address),
        id: derivedId(address),
        displayName: address.split('@')[0] ?? address,
        tenantId,
        shared: true,
      });
    }
  }

  private addMailbox(mailbox: Mailbox): void {
    this.mailboxes.set(mailbox.address, mailbox);
    this.mailboxes.set(lower(mailbox.id), mailbox);
  }

  tenantIds(): string[] {
    return [...new Set([...this.accounts.map((account) => account.tenantId), CONSUMER_TENANT_ID])];
  }

  /** `organizations`, `common`, `consumers`, a known tenant GUID or a verified domain; else undefined. */
  resolveTenant(segment: string): TenantSegment | undefined {
    const value = lower(segment);
    if (value === 'organizations' || value === 'common' || value === 'consumers') return { kind: value };
    if (this.tenantIds().includes(value)) return { kind: 'tenant', tenantId: value };
    const byDomain = this.domains.get(value);
    return byDomain ? { kind: 'tenant', tenantId: byDomain } : undefined;
  }

  /** How Entra names a tenant in messages: its primary domain, or "Microsoft Services" for consumers. */
  tenantLabel(tenantId: string): string {
    if (tenantId === CONSUMER_TENANT_ID) return 'Microsoft Services';
    for (const [domain, id] of this.domains) if (id === tenantId) return domain;
    return tenantId;
  }

  /** Whether an account may sign in through an authority with this tenant segment (else AADSTS50020). */
  accountFitsTenant(segment: TenantSegment, account: MicrosoftAccount): boolean {
    switch (segment.kind) {
      case 'common':
        return true;
      case 'organizations':
        return account.kind === 'work';
      case 'consumers':
        return account.kind === 'personal';
      case 'tenant':
        return account.tenantId === segment.tenantId;
    }
  }

  findAccount(upn: string): MicrosoftAccount | undefined {
    return this.accounts.find((account) => lower(account.upn) === lower(upn));
  }

  findAccountByOid(oid: string): MicrosoftAccount | undefined {
    return this.accounts.find((account) => account.oid === oid);
  }

  findClient(clientId: string): MicrosoftClientRegistration | undefined {
    return this.clients.find((client) => client.clientId === clientId);
  }

  /** Each mailbox once (the map holds every one under its address and its id). */
  allMailboxes(): Mailbox[] {
    return [...new Set(this.mailboxes.values())];
  }

  /** By address (case-insensitive) or object id, like Graph's `/users/{id | userPrincipalName}`. */
  findMailbox(idOrAddress: string): Mailbox | undefined {
    return this.mailboxes.get(lower(idOrAddress));
  }
}
