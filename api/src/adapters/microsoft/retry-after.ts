/**
 * Seconds from a `Retry-After` header (delta-seconds or an HTTP date, RFC 9110 §10.2.3); undefined when the header
 * is missing or unreadable. Undefined, not 0: without the header the caller backs off exponentially, while 0 would
 * mean "retry at once".
 */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text);
  const date = Date.parse(text);
  if (Number.isNaN(date) || !/[a-z]/i.test(text)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}
