import type { MailboxSnapshot, MicrosoftEmulatorStats } from '@ecm365/emulators';
import { Agent, request } from 'undici';

/** A mail as the emulator's control route takes it: file contents as base64, or a size it generates. */
export interface MailJson {
  from: { name: string; address: string };
  subject: string;
  receivedAt?: string;
  attachments: Array<{
    kind: 'file';
    name: string;
    contentType: string;
    contentBase64?: string;
    size?: number;
    seed?: string;
  }>;
}

/**
 * The Microsoft emulator's mail and stats controls over HTTPS (the emulators run in a child process), trusting
 * exactly its CA; the ELO emulator's list of filed documents over HTTP.
 */
export class EmulatorControlsClient {
  private readonly agent: Agent;

  constructor(
    private readonly microsoftOrigin: string,
    caPem: string,
    private readonly eloOrigin: string,
  ) {
    this.agent = new Agent({ connect: { ca: caPem }, connections: 16 });
  }

  private async json<T>(url: string, method: 'GET' | 'POST' = 'GET', body?: unknown): Promise<T> {
    const response = await request(url, {
      method,
      dispatcher: url.startsWith('https:') ? this.agent : undefined,
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    const text = await response.body.text();
    if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  deliver(mailbox: string, mail: MailJson): Promise<unknown> {
    return this.json(
      `${this.microsoftOrigin}/_emulator/mailboxes/${encodeURIComponent(mailbox)}/messages`,
      'POST',
      mail,
    );
  }

  mailbox(mailbox: string): Promise<MailboxSnapshot> {
    return this.json(`${this.microsoftOrigin}/_emulator/mailboxes/${encodeURIComponent(mailbox)}`);
  }

  stats(): Promise<MicrosoftEmulatorStats> {
    return this.json(`${this.microsoftOrigin}/_emulator/stats`);
  }

  /** Import key → documents filed with it (all repositories). */
  async filedKeys(field = 'ECM365_IMPORT_KEY'): Promise<Map<string, number>> {
    const { documents } = await this.json<{ documents: Array<{ indexFields: Record<string, string> }> }>(
      `${this.eloOrigin}/_emulator/filed`,
    );
    const keys = new Map<string, number>();
    for (const document of documents) {
      const key = document.indexFields[field] ?? '';
      keys.set(key, (keys.get(key) ?? 0) + 1);
    }
    return keys;
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}
