import { ErrorBody } from '@ecm365/shared';

/**
 * Response schema entries for error statuses, so every route documents its error format (OpenAPI). Every route
 * can also answer 500 (unexpected) and 503 (database away), so those are always included.
 */
export function errorResponses(...statuses: number[]): Record<number, typeof ErrorBody> {
  return Object.fromEntries([...new Set([...statuses, 500, 503])].map((status) => [status, ErrorBody]));
}
