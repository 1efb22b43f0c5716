import {
  DEFAULT_ELO_FOLDER,
  DEFAULT_ELO_MASK,
  type AfterImportAction,
  type ImportContentOption,
  type InvoiceMailImportRequest,
  type InvoiceMailImportSettings,
} from '@ecm365/shared';
import type { DeepReadonly } from 'vue';
import type { ApiError } from '../../api/client';

/** The settings form's fields, as the inputs hold them. */
export interface InvoiceImportForm {
  enabled: boolean;
  mailbox: string;
  eloFolder: string;
  eloMask: string;
  afterImport: AfterImportAction;
  /** `datetime-local` value (local time, minutes) or empty. */
  importFrom: string;
  content: ImportContentOption;
  includeInline: boolean;
}

export type InvoiceImportField = keyof InvoiceImportForm;
export const FORM_FIELDS: readonly InvoiceImportField[] = [
  'enabled',
  'mailbox',
  'eloFolder',
  'eloMask',
  'afterImport',
  'importFrom',
  'content',
  'includeInline',
];

type StoredSettings = DeepReadonly<Pick<InvoiceMailImportSettings, 'enabled' | 'mailbox'>> &
  Partial<DeepReadonly<InvoiceMailImportSettings>>;

const pad = (value: number) => String(value).padStart(2, '0');

/** An ISO instant as a `datetime-local` value in the browser's time zone. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

export function formFromSettings(settings: StoredSettings | null): InvoiceImportForm {
  return {
    enabled: settings?.enabled ?? false,
    mailbox: settings?.mailbox ?? '',
    eloFolder: settings?.eloFolder ?? DEFAULT_ELO_FOLDER,
    eloMask: settings?.eloMask ?? DEFAULT_ELO_MASK,
    afterImport: settings?.afterImport ?? 'move',
    importFrom: toLocalInput(settings?.importFrom),
    content: settings?.content ?? 'attachments',
    includeInline: settings?.includeInline ?? false,
  };
}

/**
 * The PUT body. `full` is false while the API has answered no settings of its own (an older server knows only the
 * two first fields and refuses unknown ones); an empty „Importieren ab“ leaves the stored cut-off as it is.
 */
export function requestFromForm(form: InvoiceImportForm, full: boolean): InvoiceMailImportRequest {
  const request: InvoiceMailImportRequest = { enabled: form.enabled, mailbox: form.mailbox.trim() || null };
  if (!full) return request;
  request.eloFolder = form.eloFolder.trim();
  request.eloMask = form.eloMask.trim();
  request.afterImport = form.afterImport;
  request.content = form.content;
  request.includeInline = form.includeInline;
  const importFrom = form.importFrom ? new Date(form.importFrom) : null;
  if (importFrom && !Number.isNaN(importFrom.getTime())) request.importFrom = importFrom.toISOString();
  return request;
}

function fieldOf(value: unknown): InvoiceImportField | null {
  if (typeof value !== 'string') return null;
  const name = value.replace(/^\//, '').split('/')[0];
  return FORM_FIELDS.includes(name as InvoiceImportField) ? (name as InvoiceImportField) : null;
}

/**
 * The fields a 400 names: a rule of the service (`details.field`, its message says what is wrong) or the schema
 * (`details.issues[].path` such as `/eloFolder`, said in the field's own words from `invalidText`).
 */
export function fieldErrorsOf(
  error: ApiError,
  invalidText: (field: InvoiceImportField) => string,
): Partial<Record<InvoiceImportField, string>> {
  const errors: Partial<Record<InvoiceImportField, string>> = {};
  if (error.code !== 'validation_failed') return errors;
  const field = fieldOf(error.details.field);
  if (field) errors[field] = error.message;
  const issues = Array.isArray(error.details.issues) ? (error.details.issues as { path?: unknown }[]) : [];
  for (const issue of issues) {
    const named = fieldOf(issue.path);
    if (named && !errors[named]) errors[named] = invalidText(named);
  }
  return errors;
}
