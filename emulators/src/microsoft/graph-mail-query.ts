import { badRequest } from './graph-errors.js';
import { queryOption } from './graph-odata.js';

/**
 * The few `$filter`, `$expand` and `$orderby` forms Exchange accepts on the mail resources the import uses; anything
 * else is refused with a 400, as Graph refuses unsupported filters (rather than silently returning everything).
 */

/** An OData string literal: '…' with '' for a quote. */
const STRING = String.raw`'((?:[^']|'')*)'`;
const unquote = (literal: string): string => literal.replace(/''/g, "'");
const ISO_DATE = String.raw`(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:\d{2}))`;

const invalidFilter = (): Error => badRequest('Invalid filter clause', 'ErrorInvalidUrlQueryFilter');

/** `displayName eq '…'` on childFolders. */
export function displayNameFilterOf(query: unknown): string | undefined {
  const raw = queryOption(query, '$filter');
  if (raw === undefined) return undefined;
  const match = new RegExp(String.raw`^\s*displayName\s+eq\s+${STRING}\s*$`, 'i').exec(raw);
  if (match?.[1] === undefined) throw invalidFilter();
  return unquote(match[1]);
}

/** `receivedDateTime ge|gt <date>`, the only filter message delta supports. */
export function receivedFilterOf(query: unknown): { op: 'ge' | 'gt'; at: number } | undefined {
  const raw = queryOption(query, '$filter');
  if (raw === undefined) return undefined;
  const match = new RegExp(String.raw`^\s*receivedDateTime\s+(ge|gt)\s+${ISO_DATE}\s*$`, 'i').exec(raw);
  if (!match?.[1] || !match[2]) throw invalidFilter();
  return { op: match[1].toLowerCase() === 'ge' ? 'ge' : 'gt', at: Date.parse(match[2]) };
}

/** `$orderby=receivedDateTime desc`, the only order message delta supports. */
export function newestFirstOf(query: unknown): boolean {
  const raw = queryOption(query, '$orderby');
  if (raw === undefined) return false;
  if (!/^\s*receivedDateTime\s+desc\s*$/i.test(raw)) {
    throw badRequest(`The $orderby expression '${raw}' is not supported.`, 'ErrorInvalidUrlQuery');
  }
  return true;
}

/**
 * `$expand=singleValueExtendedProperties($filter=id eq '…' [or id eq '…'])`: the property ids to include, or
 * undefined when not expanded.
 */
export function expandedPropertyIdsOf(query: unknown): string[] | undefined {
  const raw = queryOption(query, '$expand');
  if (raw === undefined) return undefined;
  const match = /^\s*singleValueExtendedProperties\s*\(\s*\$filter\s*=\s*(.+)\)\s*$/i.exec(raw);
  if (!match?.[1]) {
    throw badRequest(`Parsing OData Select and Expand failed: could not expand '${raw}'.`, 'BadRequest');
  }
  const clauses = match[1].split(/\s+or\s+/i);
  return clauses.map((clause) => {
    const id = new RegExp(String.raw`^\s*id\s+eq\s+${STRING}\s*$`, 'i').exec(clause)?.[1];
    if (id === undefined) throw invalidFilter();
    return unquote(id);
  });
}

/** `singleValueExtendedProperties/Any(ep: ep/id eq '…' and ep/value eq '…')` on message lists. */
export function propertyFilterOf(query: unknown): { id: string; value: string } | undefined {
  const raw = queryOption(query, '$filter');
  if (raw === undefined) return undefined;
  const match = new RegExp(
    String.raw`^\s*singleValueExtendedProperties/any\(\s*(\w+)\s*:\s*\1/id\s+eq\s+${STRING}\s+and\s+\1/value\s+eq\s+${STRING}\s*\)\s*$`,
    'i',
  ).exec(raw);
  if (match?.[2] === undefined || match[3] === undefined) throw invalidFilter();
  return { id: unquote(match[2]), value: unquote(match[3]) };
}

const EXTENDED_PROPERTY_ID =
  /^(String|Integer|Boolean|SystemTime|Long|Double|Binary|Guid) (\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\} (Name \S.{0,254}|Id 0x[0-9a-f]{1,4})|0x[0-9a-f]{1,4})$/i;

export function isExtendedPropertyId(id: string): boolean {
  return EXTENDED_PROPERTY_ID.test(id);
}
