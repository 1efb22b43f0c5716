import { ErrorBody } from '@ecm365/shared';
import { ValidationFailedError } from '../errors/domain-errors.js';

/**
 * Response schema entries for error statuses, so every route documents its error format (OpenAPI). Every route
 * can also answer 500 (unexpected) and 503 (database away), so those are always included.
 */
export function errorResponses(...statuses: number[]): Record<number, typeof ErrorBody> {
  return Object.fromEntries([...new Set([...statuses, 500, 503])].map((status) => [status, ErrorBody]));
}

/**
 * For unsafe routes without a request body: an empty JSON object (or no body) is fine, anything else is an
 * unknown field (SPEC §3: unknown fields are rejected).
 */
export async function rejectBody(request: { body: unknown }): Promise<void> {
  const body = request.body;
  const empty =
    body === undefined ||
    (typeof body === 'object' && body !== null && !Array.isArray(body) && Object.keys(body).length === 0);
  if (!empty)
    throw new ValidationFailedError('error.body_not_expected', {
      issues: [{ location: 'body', path: '/', problem: 'no body expected' }],
    });
}
