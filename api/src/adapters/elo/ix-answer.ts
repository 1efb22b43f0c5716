/** What an IX call answered: its `result`, or its `exception` text. */
export type IxAnswer = { kind: 'result'; result: unknown } | { kind: 'exception'; exception: string };

/**
 * Parses an IX answer body. Null when it is not one (HTML error page, truncated JSON, some other service):
 * those mean the base URL or the server is wrong, which the caller reports as ELO unavailable.
 */
export function parseIxAnswer(body: string): IxAnswer | null {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return null;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return null;
  const answer = json as Record<string, unknown>;
  if (typeof answer.exception === 'string') return { kind: 'exception', exception: answer.exception };
  // A void function such as logout may answer without `result` or with `result: null`.
  if ('result' in answer || Object.keys(answer).length === 0) return { kind: 'result', result: answer.result ?? null };
  return null;
}
