import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { ReceivedMail } from './received-mail.js';
import { renderSinkPage } from './sink-page.js';

export interface SmtpSinkOptions {
  /** Default 127.0.0.1: the sink accepts anything, so it must not be reachable from the network. */
  host?: string;
  /** SMTP port; default 0 (a free one). */
  port?: number;
  /** Port of the page listing the mails; default 0. */
  httpPort?: number;
  /** Told about each mail as it arrives (demo: one log line). */
  onMail?: (mail: ReceivedMail) => void;
  /** Largest accepted mail in bytes (default 1 MiB). */
  maxBytes?: number;
}

export interface RunningSmtpSink {
  /** smtp://127.0.0.1:PORT, for SMTP_URL. */
  smtpUrl: string;
  smtpPort: number;
  /** The page that lists the received mails (HTML; `mails.json` beside it). */
  pageUrl: string;
  mails(): readonly ReceivedMail[];
  /** Answers the next `times` mails with a temporary failure (451), as a mail server having trouble does. */
  failNext(times: number): void;
  clear(): void;
  close(): Promise<void>;
}

const addressText = (value: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(value) ? value : value ? [value] : []).map((address) => address.text).join(', ');

/**
 * A local SMTP server that accepts every mail without authentication and keeps it in memory (smtp-server,
 * parsed with mailparser), plus an HTTP page listing them: the demo's and the tests' real SMTP peer.
 */
export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<RunningSmtpSink> {
  const host = options.host ?? '127.0.0.1';
  const received: ReceivedMail[] = [];
  let failures = 0;
  let seq = 0;

  const smtp = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    size: options.maxBytes ?? 1024 * 1024,
    logger: false,
    onData(stream, session, callback) {
      // mailparser on the first mail, not at the sink's start (issue 13: 0.16 s of the demo's start).
      import('mailparser')
        .then(({ simpleParser }) => simpleParser(stream))
        .then((parsed) => {
          if (failures > 0) {
            failures--;
            return callback(Object.assign(new Error('Temporary failure, try again later'), { responseCode: 451 }));
          }
          const mail: ReceivedMail = {
            seq: ++seq,
            receivedAt: new Date().toISOString(),
            envelope: {
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            },
            messageId: parsed.messageId,
            from: addressText(parsed.from),
            to: addressText(parsed.to),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
          };
          received.push(mail);
          options.onMail?.(mail);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(options.port ?? 0, host, () => resolve());
  });
  smtp.on('error', () => {}); // a client dropping its connection is no reason to stop the sink

  const page = http.createServer((request, response) => {
    if (request.url === '/mails.json') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(received));
    } else if (request.url === '/' || request.url === '') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(renderSinkPage(received));
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => page.listen(options.httpPort ?? 0, host, () => resolve()));

  const smtpPort = (smtp.server.address() as AddressInfo).port;
  const pagePort = (page.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    smtpUrl: `smtp://${urlHost}:${smtpPort}`,
    smtpPort,
    pageUrl: `http://${urlHost}:${pagePort}/`,
    mails: () => received,
    failNext: (times) => {
      failures = times;
    },
    clear: () => {
      received.length = 0;
    },
    close: async () => {
      page.closeAllConnections();
      await Promise.all([
        new Promise<void>((resolve) => smtp.close(() => resolve())),
        new Promise<void>((resolve) => page.close(() => resolve())),
      ]);
    },
  };
}
