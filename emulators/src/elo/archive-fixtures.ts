/** One index line of a mask (ELO's DocMaskLine): documents carry its value as `ObjKey{name: key, data}`. */
export interface EloMaskLineFixture {
  /** The group name („Gruppenname“), e.g. `RE_NUMMER`: what ObjKey.name and `OKEY:` refer to. */
  key: string;
  /** The label shown in the ELO client; defaults to the group name. */
  label?: string;
  /** Longest value the line accepts (DocMaskLine.max); longer values are refused at check-in. */
  max: number;
  required?: boolean;
}

/** A mask („Verschlagwortungsmaske“). Ids below 10 are reserved for the built-in masks. */
export interface EloMaskFixture {
  id: number;
  name: string;
  guid?: string;
  lines: EloMaskLineFixture[];
}

/** Who may write where. Reading is allowed to every logged-in user. */
export interface EloArchiveFixture {
  /**
   * Users or groups (names) with write rights on the archive root and everything below it that does not say
   * otherwise. Undefined: every user may write.
   */
  writers?: string[];
  /** Folders that exist from the start (paths with `¶`), optionally with their own writers (inherited below). */
  folders?: Array<{ path: string; writers?: string[] }>;
}

/** ELO's document type (SordC.LBT_DOCUMENT); folders have 0 < type < 254. */
export const LBT_DOCUMENT = 254;

/** The archive root every ELO has; `checkinSordPath {parentId: "1"}` and `ARCPATH:` start below it. */
export const ROOT_ID = 1;

/** ELO's built-in masks with the GUIDs that getConstants publishes as DOC_MASK.GUID_BASIC / GUID_STRUCTURE_ELEMENT. */
export const BASIC_MASK: EloMaskFixture = {
  id: 0,
  name: 'Freie Eingabe',
  guid: '(E10E1000-E100-E100-E100-E10E10E10E30)',
  lines: [],
};
export const FOLDER_MASK: EloMaskFixture = {
  id: 1,
  name: 'Strukturelement',
  guid: '(E10E1000-E100-E100-E100-E10E10E10E31)',
  lines: [],
};

/**
 * The original file name: a system line every mask has without listing it (DOC_MASK_LINE.ID_FILENAME /
 * NAME_FILENAME in getConstants).
 */
export const FILENAME_LINE = { id: 51, key: 'ELO_FNAME', max: 255 } as const;

/** The invoice mask of the demo: the index fields of SPEC §9 plus invoice date, seller and total. */
export const DEMO_INVOICE_MASK: EloMaskFixture = {
  id: 10,
  name: 'Rechnung',
  lines: [
    { key: 'ECM365_IMPORT_KEY', label: 'Import-Schlüssel', max: 100 },
    { key: 'ECM365_MESSAGE_ID', label: 'Nachrichten-ID', max: 255 },
    { key: 'ECM365_MAILBOX', label: 'Postfach', max: 120 },
    { key: 'ECM365_FROM', label: 'Absender', max: 255 },
    { key: 'ECM365_SUBJECT', label: 'Betreff', max: 255 },
    { key: 'ECM365_RECEIVED', label: 'Empfangen', max: 30 },
    { key: 'RE_KIND', label: 'Belegart', max: 20 },
    { key: 'RE_EINVOICE_SYNTAX', label: 'E-Rechnung Syntax', max: 10 },
    { key: 'RE_EINVOICE_PROFILE', label: 'E-Rechnung Profil', max: 255 },
    { key: 'RE_NUMMER', label: 'Rechnungsnummer', max: 50 },
    { key: 'RE_DATUM', label: 'Rechnungsdatum', max: 10 },
    { key: 'RE_LIEFERANT', label: 'Lieferant', max: 100 },
    { key: 'RE_BETRAG', label: 'Rechnungsbetrag', max: 30 },
  ],
};
