import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailLogLine, startSmtpSink, type ReceivedMail, type RunningSmtpSink } from '../../src/index.js';

let sink: RunningSmtpSink;
const announced: ReceivedMail[] = [];

beforeAll(async () => {
  sink = await startSmtpSink({ onMail: (mail) => announced.push(mail) });
});
afterAll(() => sink.close());

/** A plain SMTP dialogue over a socket, as any mail client speaks it; answers the server's reply to DATA's end. */
async function sendRaw(port: number, lines: string[]): Promise<string> {
  const socket = net.connect(port, '127.0.0.1');
  socket.setEncoding('utf8');
  let buffer = '';
  const replies: string[] = [];
  let wake: (() => void) | undefined;
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    // A reply is complete at a line "NNN text" (a space after the code; "NNN-" continues).
    for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (/^\d{3} /.test(line)) {
        replies.push(line);
        wake?.();
      }
    }
  });
  const reply = async () => {
    while (replies.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    return replies.shift() as string;
  };
  await reply(); // greeting
  for (const command of ['EHLO test', 'MAIL FROM:<noreply@ecm.test>', 'RCPT TO:<support@ecm.test>', 'DATA']) {
    socket.write(`${command}\r\n`);
    await reply();
  }
  socket.write(`${lines.join('\r\n')}\r\n.\r\n`);
  const result = await reply();
  socket.end('QUIT\r\n');
  return result;
}

const MAIL = [
  'From: ecm365 <noreply@ecm.test>',
  'To: support@ecm.test',
  'Subject: =?UTF-8?Q?Verbindung_eingerichtet_f=C3=BCr_ACME?=',
  'Message-ID: <abc@ecm365>',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Hallo Support-Team,',
  'der Test war erfolgreich.',
];

describe('the SMTP sink', () => {
  it('accepts a mail, parses it, lists it on its page and announces it with one log line', async () => {
    expect(await sendRaw(sink.smtpPort, MAIL)).toMatch(/^250 /);
    const [mail] = sink.mails();
    expect(mail).toMatchObject({
      seq: 1,
      envelope: { from: 'noreply@ecm.test', to: ['support@ecm.test'] },
      subject: 'Verbindung eingerichtet für ACME',
      messageId: '<abc@ecm365>',
    });
    expect(mail?.text).toContain('der Test war erfolgreich.');
    expect(announced).toHaveLength(1);
    expect(mailLogLine(announced[0] as ReceivedMail)).toBe(
      'SMTP sink: mail #1 to support@ecm.test: "Verbindung eingerichtet für ACME"',
    );

    const page = await fetch(sink.pageUrl);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('Verbindung eingerichtet für ACME');
    const json = (await (await fetch(new URL('mails.json', sink.pageUrl))).json()) as ReceivedMail[];
    expect(json.map((entry) => entry.subject)).toEqual(['Verbindung eingerichtet für ACME']);
  });

  it('escapes what it shows: a subject with markup is text on the page', async () => {
    await sendRaw(
      sink.smtpPort,
      MAIL.map((line) => (line.startsWith('Subject:') ? 'Subject: <script>x</script>' : line)),
    );
    const html = await (await fetch(sink.pageUrl)).text();
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(html).not.toContain('<script>x');
  });

  it('answers a temporary failure when told to, and keeps nothing of that mail', async () => {
    const before = sink.mails().length;
    sink.failNext(1);
    expect(await sendRaw(sink.smtpPort, MAIL)).toMatch(/^451 /);
    expect(sink.mails()).toHaveLength(before);
    expect(await sendRaw(sink.smtpPort, MAIL)).toMatch(/^250 /);
  });
});
