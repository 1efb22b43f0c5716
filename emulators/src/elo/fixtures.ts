import { DEMO_INVOICE_MASK, type EloArchiveFixture, type EloMaskFixture } from './archive-fixtures.js';

/** A group of the emulated repository. Groups nest through `memberOf` (names of the parent groups). */
export interface EloGroupFixture {
  id: number;
  name: string;
  /** Names of the groups this group is a direct member of. */
  memberOf?: string[];
}

/** A user of the emulated repository. The password is only compared at login, never answered or logged. */
export interface EloUserFixture {
  id: number;
  name: string;
  password: string;
  /** Names of the groups the user is a direct member of. */
  groups: string[];
  /** Locked users cannot log in; ELO answers them like a wrong password ([ELOIX:3008]). */
  locked?: boolean;
  fullName?: string;
}

export interface EloRepositoryFixture {
  users: EloUserFixture[];
  groups: EloGroupFixture[];
  /** ELO Modern Authentication switched name/password login off: login answers [ELOIX:3007]. */
  passwordLoginDisabled?: boolean;
  /** Whether `user.groupList` in the login answer also lists groups reached through nesting. Default false. */
  groupListIncludesNested?: boolean;
  /**
   * Default true. False: getUserNames/checkoutUsers answer a permission exception for the membership selectors
   * (GROUPS_OF_MEMBER, GROUPS_OF_MEMBER_RECURSIVE, MEMBERS_OF_GROUP, ALL_USERS), as an Indexserver may for users
   * without the right to read memberships; clients must then fall back to `user.groupList`. BY_IDS still answers,
   * so the group's id can be resolved for that fallback.
   */
  allowGroupLookups?: boolean;
  /** Masks besides the built-in „Freie Eingabe“ (id 0) and „Strukturelement“ (id 1); ids from 10 on. */
  masks?: EloMaskFixture[];
  /** Write rights and folders that exist from the start. Without it every user may write everywhere. */
  archive?: EloArchiveFixture;
}

/** The technical account demo mode stores as the tenant's ELO service account (SPEC §9 „ELO side“). */
export const DEMO_ELO_SERVICE_ACCOUNT = { userName: 'ecm365-dienst', password: 'dienst-demo' } as const;

/** The group that gives the service account its write rights in the demo archive. */
export const DEMO_ELO_SERVICE_GROUP = 'ecm365-Dienstkonten';

/** The group that may change Microsoft 365 settings (SPEC §1.3). */
export const DEMO_MS365_GROUP = 'online.ecm.microsoft365';

/**
 * The demo repository. `admin` reaches the MS365 group only through the nested group "IT-Administration", so a
 * check that reads just the direct groups gets it wrong; `direkt` is a direct member; `gast` is not a member.
 */
export const DEMO_ELO_REPOSITORY: EloRepositoryFixture = {
  groups: [
    { id: 9001, name: DEMO_MS365_GROUP },
    { id: 9002, name: 'IT-Administration', memberOf: [DEMO_MS365_GROUP] },
    { id: 9003, name: 'Buchhaltung' },
    { id: 9004, name: 'Jeder' },
    { id: 9005, name: DEMO_ELO_SERVICE_GROUP },
  ],
  users: [
    {
      id: 11,
      name: 'admin',
      password: 'admin',
      groups: ['IT-Administration', 'Jeder'],
      fullName: 'Demo-Administrator',
    },
    { id: 12, name: 'gast', password: 'gast', groups: ['Buchhaltung', 'Jeder'], fullName: 'Demo-Gast' },
    { id: 13, name: 'direkt', password: 'direkt', groups: [DEMO_MS365_GROUP, 'Jeder'], fullName: 'Direktes Mitglied' },
    {
      id: 14,
      name: 'gesperrt',
      password: 'gesperrt',
      groups: [DEMO_MS365_GROUP],
      locked: true,
      fullName: 'Gesperrter Benutzer',
    },
    {
      id: 15,
      name: DEMO_ELO_SERVICE_ACCOUNT.userName,
      password: DEMO_ELO_SERVICE_ACCOUNT.password,
      groups: [DEMO_ELO_SERVICE_GROUP],
      fullName: 'ecm365 Dienstkonto (Rechnungs-Import)',
    },
  ],
  masks: [DEMO_INVOICE_MASK],
  // The import's service account and the administrators may file; „gast“ may only read.
  archive: {
    writers: [DEMO_ELO_SERVICE_GROUP, 'IT-Administration'],
    folders: [{ path: '¶Nur Lesen', writers: [] }],
  },
};
