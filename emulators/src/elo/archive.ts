import { randomBytes } from 'node:crypto';
import { FOLDER_MASK, LBT_DOCUMENT, ROOT_ID, type EloArchiveFixture } from './archive-fixtures.js';
import type { StoredBlob } from './blob-store.js';
import type { EloDirectory } from './directory.js';

/** One document or attachment version. */
export interface StoredVersion extends StoredBlob {
  id: number;
  guid: string;
  ext: string;
  contentType: string;
  version: string;
  comment: string;
  createdAt: Date;
  /** Makes the download URL unguessable, like ELO's signed readdoc URLs. */
  urlKey: string;
}

/** An archive entry (folder or document) as the emulator keeps it. */
export interface StoredSord {
  id: number;
  guid: string;
  parentId: number;
  name: string;
  type: number;
  maskId: number;
  /** Group name → values, in the order they were written. */
  objKeys: Map<string, string[]>;
  xDateIso: string;
  iDateIso: string;
  ownerId: number;
  /** Ids of users/groups with write rights here and below; undefined inherits from the parent. */
  writers?: number[];
  document?: StoredVersion;
  attachment?: StoredVersion;
  createdAt: Date;
}

export const PATH_SEPARATOR = '¶';

const guid = () => {
  const hex = randomBytes(16).toString('hex').toUpperCase();
  return `(${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)})`;
};

/** ELO's compact ISO timestamp (`yyyyMMddHHmmss`), which its *DateIso members use. */
export const isoStamp = (date: Date) => date.toISOString().replace(/[-:T]/g, '').slice(0, 14);

/** Folders and documents of one repository, in memory; document bytes live in the BlobStore. */
export class EloArchive {
  readonly sords = new Map<number, StoredSord>();
  private nextSordId = ROOT_ID + 1;
  private nextVersionId = 1;

  constructor(
    /** A function: the repository's directory is replaced when controls reset it. */
    private readonly directoryOf: () => EloDirectory,
    private readonly fixture: EloArchiveFixture = {},
  ) {
    this.reset();
  }

  reset(): void {
    this.sords.clear();
    this.nextSordId = ROOT_ID + 1;
    this.nextVersionId = 1;
    const writers = this.fixture.writers ? this.resolveWriters(this.fixture.writers) : undefined;
    this.sords.set(ROOT_ID, this.newSord({ parentId: 0, name: 'Archiv', maskId: FOLDER_MASK.id, type: 1, ownerId: 0 }));
    const root = this.get(ROOT_ID);
    if (root) root.writers = writers;
    for (const folder of this.fixture.folders ?? []) {
      const leaf = this.ensurePath(ROOT_ID, splitPath(folder.path), 0);
      if (folder.writers) leaf.writers = this.resolveWriters(folder.writers);
    }
  }

  private resolveWriters(names: string[]): number[] {
    return names.map((name) => {
      const entry = this.directoryOf().findByName(name);
      if (!entry) throw new Error(`ELO fixture: archive writer "${name}" is no user or group`);
      return entry.id;
    });
  }

  get(id: number): StoredSord | undefined {
    return this.sords.get(id);
  }

  findByGuid(value: string): StoredSord | undefined {
    const wanted = value.toUpperCase();
    return [...this.sords.values()].find((sord) => sord.guid === wanted);
  }

  children(parentId: number): StoredSord[] {
    return [...this.sords.values()].filter((sord) => sord.parentId === parentId && sord.id !== ROOT_ID);
  }

  /** ELO compares names in paths without regard to case. */
  childNamed(parentId: number, name: string): StoredSord | undefined {
    const wanted = name.toLowerCase();
    return this.children(parentId).find((sord) => sord.name.toLowerCase() === wanted);
  }

  isFolder(sord: StoredSord): boolean {
    return sord.type < LBT_DOCUMENT;
  }

  /** The entries from the root's child down to `sord`'s parent. */
  ancestors(sord: StoredSord): StoredSord[] {
    const chain: StoredSord[] = [];
    for (let parent = this.get(sord.parentId); parent && parent.id !== ROOT_ID; parent = this.get(parent.parentId)) {
      chain.unshift(parent);
    }
    return chain;
  }

  /** `¶A¶B` of the folder holding `sord` (empty for entries directly below the root). */
  parentPath(sord: StoredSord): string {
    return this.ancestors(sord)
      .map((entry) => `${PATH_SEPARATOR}${entry.name}`)
      .join('');
  }

  /** Resolves names below `baseId`; undefined when one is missing. */
  resolvePath(baseId: number, names: string[]): StoredSord | undefined {
    let current = this.get(baseId);
    for (const name of names) {
      if (!current) return undefined;
      current = this.childNamed(current.id, name);
    }
    return current;
  }

  /** Whether the user (directly or through a group, also nested) may write into `folderId`. */
  canWrite(userId: number, folderId: number): boolean {
    let writers: number[] | undefined;
    for (let sord = this.get(folderId); sord; sord = sord.parentId ? this.get(sord.parentId) : undefined) {
      if (sord.writers) {
        writers = sord.writers;
        break;
      }
    }
    if (!writers) return true;
    const ids = new Set([
      userId,
      ...this.directoryOf()
        .allGroupsOf(userId)
        .map((group) => group.id),
    ]);
    return writers.some((id) => ids.has(id));
  }

  /** Creates what is missing of `names` below `parentId` and answers the leaf. Callers check rights first. */
  ensurePath(parentId: number, names: string[], ownerId: number, types: number[] = []): StoredSord {
    let current = this.get(parentId);
    if (!current) throw new Error(`unknown parent ${parentId}`);
    names.forEach((name, index) => {
      const parent: StoredSord = current as StoredSord;
      current =
        this.childNamed(parent.id, name) ??
        this.add({ parentId: parent.id, name, maskId: FOLDER_MASK.id, type: types[index] ?? 1, ownerId });
    });
    return current;
  }

  add(input: Pick<StoredSord, 'parentId' | 'name' | 'maskId' | 'type' | 'ownerId'> & Partial<StoredSord>): StoredSord {
    const sord = this.newSord(input);
    this.sords.set(sord.id, sord);
    return sord;
  }

  newVersion(blob: StoredBlob, meta: { ext: string; contentType: string; version?: string; comment?: string }) {
    return {
      ...blob,
      id: this.nextVersionId++,
      guid: guid(),
      ext: meta.ext,
      contentType: meta.contentType,
      version: meta.version ?? '1',
      comment: meta.comment ?? '',
      createdAt: new Date(),
      urlKey: randomBytes(16).toString('hex'),
    } satisfies StoredVersion;
  }

  private newSord(input: Pick<StoredSord, 'parentId' | 'name' | 'maskId' | 'type' | 'ownerId'> & Partial<StoredSord>) {
    const now = new Date();
    return {
      objKeys: new Map(),
      xDateIso: '',
      ...input,
      id: input.parentId === 0 ? ROOT_ID : this.nextSordId++,
      guid: guid(),
      iDateIso: isoStamp(now),
      createdAt: now,
    } satisfies StoredSord;
  }

  documents(): StoredSord[] {
    return [...this.sords.values()].filter((sord) => sord.document !== undefined);
  }
}

/** `¶A¶B` (or any leading delimiter character) → `["A", "B"]`. */
export function splitPath(value: string): string[] {
  const delimiter = value.charAt(0);
  return value
    .slice(1)
    .split(delimiter)
    .filter((name) => name !== '');
}
