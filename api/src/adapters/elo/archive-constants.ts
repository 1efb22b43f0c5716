import { readBset } from './checkout-users-selectors.js';

/**
 * The member selectors the filing calls send, as the Indexserver reports them in getConstants (ELO does not
 * publish the numbers, and they differ between versions). A missing one falls back to the value ELO's own
 * examples and public clients send, so an unusual server still gets a sensible request.
 */
export interface ArchiveSelectors {
  /** SordC.mbAll: checkinDocEnd writes index values only when sordZ includes them. */
  sordAll: string;
  /** EditInfoC.mbSord for createDoc/checkoutSord. */
  editInfoSord: string;
  /** DocMaskC.mbAll for checkoutDocMask, or null to leave the selector out. */
  docMaskAll: string | null;
  /** LockC.NO. */
  lockNo: string;
  /** DOC_MASK_LINE.NAME_FILENAME / ID_FILENAME: the system line of the original file name. */
  fileNameGroup: string;
  fileNameLineId: number;
}

/** SordC.mbAll as ELO 20+ servers define it (public clients send this literal). */
const SORD_ALL_FALLBACK = '2196631817761587199';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const groupOf = (constants: unknown, name: string): Record<string, unknown> =>
  isRecord(constants) && isRecord(constants[name]) ? constants[name] : {};

export function readArchiveSelectors(constants: unknown): ArchiveSelectors {
  const sord = groupOf(constants, 'SORD');
  const editInfo = groupOf(constants, 'EDIT_INFO');
  const docMask = groupOf(constants, 'DOC_MASK');
  const lock = groupOf(constants, 'LOCK');
  const line = groupOf(constants, 'DOC_MASK_LINE');
  const sordAll = readBset(sord.mbAll) ?? SORD_ALL_FALLBACK;
  return {
    sordAll,
    editInfoSord: readBset(editInfo.mbSord) ?? sordAll,
    docMaskAll: readBset(docMask.mbAll),
    lockNo: readBset(lock.NO) ?? '0',
    fileNameGroup:
      typeof line.NAME_FILENAME === 'string' && line.NAME_FILENAME !== '' ? line.NAME_FILENAME : 'ELO_FNAME',
    fileNameLineId: typeof line.ID_FILENAME === 'number' ? line.ID_FILENAME : 51,
  };
}
