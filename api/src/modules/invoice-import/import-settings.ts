import {
  AFTER_IMPORT_ACTIONS,
  DEFAULT_ELO_FIELDS,
  DEFAULT_ELO_FOLDER,
  DEFAULT_ELO_MASK,
  ELO_FIELD_KEYS,
  ELO_FOLDER_PLACEHOLDERS,
  FEATURES,
  IMPORT_CONTENT_OPTIONS,
  type AfterImportAction,
  type EloFieldKey,
  type ImportContentOption,
  type InvoiceMailImportRequest,
  type InvoiceMailImportSettings,
} from '@ecm365/shared';
import { ValidationFailedError } from '../../errors/domain-errors.js';
import { importText } from './import-messages.js';
import type { InvoiceImportSettingsRow } from './invoice-import.tables.js';
import type { ImportSettingsValues } from './invoice-import.repository.js';

/** What tenant_features holds of the import. */
export interface FeatureSwitch {
  enabled: boolean;
  mailbox: string | null;
}

const oneOf = <T extends string>(values: readonly T[], value: string | null | undefined, fallback: T): T =>
  values.includes(value as T) ? (value as T) : fallback;

/** The settings as the API shows them: every default filled in. */
export function resolveSettings(
  feature: FeatureSwitch | undefined,
  row: InvoiceImportSettingsRow | undefined,
): InvoiceMailImportSettings {
  const stored = (row?.eloFields ?? {}) as Partial<Record<EloFieldKey, string>>;
  return {
    id: 'invoice-mail-import',
    enabled: feature?.enabled ?? false,
    mailbox: feature?.mailbox ?? null,
    scopes: [...FEATURES['invoice-mail-import'].scopes],
    eloFolder: row?.eloFolder ?? DEFAULT_ELO_FOLDER,
    eloMask: row?.eloMask ?? DEFAULT_ELO_MASK,
    afterImport: oneOf<AfterImportAction>(AFTER_IMPORT_ACTIONS, row?.afterImport, 'move'),
    importFrom: row?.importFrom ? row.importFrom.toISOString() : null,
    content: oneOf<ImportContentOption>(IMPORT_CONTENT_OPTIONS, row?.content, 'attachments'),
    includeInline: row?.includeInline ?? false,
    eloFields: Object.fromEntries(ELO_FIELD_KEYS.map((key) => [key, stored[key] ?? DEFAULT_ELO_FIELDS[key]])) as Record<
      EloFieldKey,
      string
    >,
  };
}

const GROUP_NAME = /^[A-Za-z0-9_]+$/;
const PLACEHOLDER = /\{[^}]*\}/g;

/** The field mapping with every key (the schema's type is a plain string record). */
export function eloFieldsOf(settings: InvoiceMailImportSettings): Record<EloFieldKey, string> {
  return Object.fromEntries(
    ELO_FIELD_KEYS.map((key) => [key, settings.eloFields[key] ?? DEFAULT_ELO_FIELDS[key]]),
  ) as Record<EloFieldKey, string>;
}

/** `¶A¶{yyyy}` → the folder names (empty segments refused). */
export function folderSegments(path: string): string[] {
  return path.split('¶').slice(1);
}

function checkFolder(path: string): void {
  const segments = folderSegments(path);
  if (!path.startsWith('¶') || segments.length === 0 || segments.some((segment) => segment.trim() === '')) {
    throw new ValidationFailedError(importText('elo_folder_invalid'), { field: 'eloFolder' });
  }
  for (const placeholder of path.match(PLACEHOLDER) ?? []) {
    if (!(ELO_FOLDER_PLACEHOLDERS as readonly string[]).includes(placeholder)) {
      throw new ValidationFailedError(importText('elo_folder_placeholder', placeholder), { field: 'eloFolder' });
    }
  }
}

function checkFields(fields: Record<EloFieldKey, string>): void {
  const seen = new Map<string, EloFieldKey>();
  for (const key of ELO_FIELD_KEYS) {
    const group = fields[key];
    if (!GROUP_NAME.test(group)) {
      throw new ValidationFailedError(importText('elo_field_name_invalid', key), { field: `eloFields.${key}` });
    }
    const upper = group.toUpperCase();
    if (seen.has(upper)) {
      throw new ValidationFailedError(importText('elo_field_duplicate', group), { field: `eloFields.${key}` });
    }
    seen.set(upper, key);
  }
}

/**
 * The stored values after a PUT: a member left out keeps what was stored (the first portal version sent only
 * `enabled` and `mailbox`); `eloFields` given replaces the mapping, missing keys taking their defaults. The cut-off
 * is set the first time the import is enabled, so switching it on imports nothing older by surprise.
 */
export function mergeSettings(
  current: InvoiceMailImportSettings,
  request: InvoiceMailImportRequest,
  now: Date,
): { mailbox: string | null; values: ImportSettingsValues; settings: InvoiceMailImportSettings } {
  const mailbox = request.mailbox?.trim().toLowerCase() || null;
  if (request.enabled && !mailbox) {
    throw new ValidationFailedError(importText('mailbox_required'), { field: 'mailbox' });
  }
  const eloFolder = request.eloFolder?.trim() ?? current.eloFolder;
  checkFolder(eloFolder);
  const eloFields = request.eloFields
    ? (Object.fromEntries(
        ELO_FIELD_KEYS.map((key) => [key, request.eloFields?.[key]?.trim() ?? DEFAULT_ELO_FIELDS[key]]),
      ) as Record<EloFieldKey, string>)
    : eloFieldsOf(current);
  checkFields(eloFields);
  let importFrom = request.importFrom
    ? new Date(request.importFrom)
    : current.importFrom
      ? new Date(current.importFrom)
      : null;
  if (importFrom && Number.isNaN(importFrom.getTime())) {
    throw new ValidationFailedError(importText('import_from_invalid'), { field: 'importFrom' });
  }
  if (!importFrom && request.enabled) importFrom = now;
  const settings: InvoiceMailImportSettings = {
    ...current,
    enabled: request.enabled,
    mailbox,
    eloFolder,
    eloMask: request.eloMask?.trim() || current.eloMask,
    afterImport: request.afterImport ?? current.afterImport,
    importFrom: importFrom ? importFrom.toISOString() : null,
    content: request.content ?? current.content,
    includeInline: request.includeInline ?? current.includeInline,
    eloFields,
  };
  return {
    mailbox,
    settings,
    values: {
      eloFolder: settings.eloFolder,
      eloMask: settings.eloMask,
      afterImport: settings.afterImport,
      importFrom,
      content: settings.content,
      includeInline: settings.includeInline,
      eloFields: settings.eloFields,
    },
  };
}
