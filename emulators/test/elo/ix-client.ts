/** A tiny IX client for the emulator tests: the raw HTTP shapes are what these tests check. */
export const CI = { language: 'de', country: 'DE', timeZone: 'UTC' };

export interface IxAnswer {
  status: number;
  json: { result?: unknown; exception?: string } & Record<string, unknown>;
}

export async function ix(
  baseUrl: string,
  fn: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<IxAnswer> {
  const response = await fetch(`${baseUrl}/IXServicePortIF/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as IxAnswer['json'] };
}

export function loginBody(userName: string, userPwd: string) {
  return { ci: CI, userName, userPwd, clientComputer: 'test', runAsUser: '' };
}

export async function loginTicket(baseUrl: string, userName: string, userPwd: string): Promise<string> {
  const { json } = await ix(baseUrl, 'login', loginBody(userName, userPwd));
  const result = json.result as { clientInfo: { ticket: string } } | undefined;
  if (!result) throw new Error(`login failed: ${String(json.exception)}`);
  return result.clientInfo.ticket;
}
