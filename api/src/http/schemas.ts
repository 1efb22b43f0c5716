import { ValidationFailedError } from '../errors/domain-errors.js';

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
