import { fullPath } from './filing-call.js';
import type { StoredVersion } from './archive.js';
import type { RepositoryState } from './repository-state.js';

/** A stored file as the controls list it. */
export interface FiledFile {
  ext: string;
  contentType: string;
  size: number;
  md5: string;
}

/** A document the emulator holds, for tests and the demo operator. */
export interface FiledDocument {
  repository: string;
  objId: number;
  guid: string;
  /** The folder, e.g. `¶Rechnungseingang¶2025¶03`. */
  folderPath: string;
  name: string;
  mask: string;
  maskId: number;
  /** Group name → value (several values joined with ¶, as ELO shows multi-value lines). */
  indexFields: Record<string, string>;
  xDateIso: string;
  filedAt: string;
  filedBy: string;
  document: FiledFile;
  attachment?: FiledFile;
}

const file = (version: StoredVersion): FiledFile => ({
  ext: version.ext,
  contentType: version.contentType,
  size: version.size,
  md5: version.md5,
});

export function listFiled(repository: RepositoryState): FiledDocument[] {
  const { archive, masks, directory } = repository;
  return archive.documents().map((sord) => {
    const parent = archive.get(sord.parentId);
    const mask = masks.get(sord.maskId);
    return {
      repository: repository.name,
      objId: sord.id,
      guid: sord.guid,
      folderPath: parent ? fullPath(archive, parent) : '',
      name: sord.name,
      mask: mask.name,
      maskId: mask.id,
      indexFields: Object.fromEntries([...sord.objKeys].map(([group, values]) => [group, values.join('¶')])),
      xDateIso: sord.xDateIso,
      filedAt: sord.createdAt.toISOString(),
      filedBy: directory.find(sord.ownerId)?.name ?? '',
      document: file(sord.document as StoredVersion),
      ...(sord.attachment ? { attachment: file(sord.attachment) } : {}),
    };
  });
}
