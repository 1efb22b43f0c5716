import { badRequest } from './graph-errors.js';
import { param } from './http.js';

/** The OData query options every resource understands: $select, $top, $skip (mail filters: graph-mail-query.ts). */

export function queryOption(query: unknown, name: string): string | undefined {
  try {
    return param(query, name);
  } catch {
    throw badRequest(
      `The query specified in the URI is not valid. The query option '${name}' is repeated or too long.`,
    );
  }
}

function nonNegativeInteger(query: unknown, name: string, max: number): number | undefined {
  const raw = queryOption(query, name);
  if (raw === undefined) return undefined;
  const value = /^\d{1,7}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(value) || value > max) {
    throw badRequest(`Invalid value '${raw}' for query option '${name}'.`);
  }
  return value;
}

export function pagingOf(query: unknown, defaultTop = 10): { top: number; skip: number } {
  const top = nonNegativeInteger(query, '$top', 1000) ?? defaultTop;
  if (top < 1) throw badRequest("Invalid value '0' for query option '$top'.");
  return { top, skip: nonNegativeInteger(query, '$skip', 1_000_000) ?? 0 };
}

/** Properties listed in `$select` (validated against what the resource has), or undefined for all. */
export function selectOf(query: unknown, known: readonly string[], typeName: string): string[] | undefined {
  const raw = queryOption(query, '$select');
  if (raw === undefined || raw.trim() === '') return undefined;
  const names = raw
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
  const lowerKnown = new Map(known.map((name) => [name.toLowerCase(), name]));
  return names.map((name) => {
    const canonical = lowerKnown.get(name.toLowerCase());
    if (!canonical) {
      throw badRequest(`Could not find a property named '${name}' on type '${typeName}'.`, 'RequestBroker--ParseUri');
    }
    return canonical;
  });
}

/** Keeps `id` and OData annotations, like Graph does with $select. */
export function applySelect<T extends object>(resource: T, select: string[] | undefined): Record<string, unknown> {
  const entries = Object.entries(resource);
  if (!select) return Object.fromEntries(entries);
  return Object.fromEntries(
    entries.filter(([key]) => key === 'id' || key.startsWith('@odata.') || select.includes(key)),
  );
}
