import { ErrorBody } from '@ecm365/shared';

/** Response schema entries for error statuses, so every route documents its error format (OpenAPI). */
export function errorResponses(...statuses: number[]): Record<number, typeof ErrorBody> {
  return Object.fromEntries(statuses.map((status) => [status, ErrorBody]));
}
