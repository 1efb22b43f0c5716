import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { SmtpMailer } from '../adapters/mail/index.js';
import { loadConfig } from '../config/config.js';
import { createLogger } from '../http/logging.js';
import { MISSING_SMTP_WARNING, setUpMail } from './mail-setup.js';

function capturingLogger() {
  const lines: Array<{ level: number; msg: string }> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger('info', stream), lines };
}

describe('setUpMail', () => {
  it('says at start-up, as a warning and not an error, that mails wait without SMTP_URL', async () => {
    const { logger, lines } = capturingLogger();
    const setup = await setUpMail(loadConfig({ DEMO_MODE: 'false' }), logger);
    expect(setup.sink).toBeUndefined();
    expect(setup.config.mail.smtpUrl).toBeUndefined();
    expect(lines).toEqual([expect.objectContaining({ level: 40, msg: MISSING_SMTP_WARNING })]);
  });

  it('starts the SMTP sink in demo mode and logs one line per mail it receives', async () => {
    const { logger, lines } = capturingLogger();
    const setup = await setUpMail(loadConfig({}), logger);
    try {
      expect(setup.config.mail.smtpUrl).toBe(setup.sink?.smtpUrl);
      const mailer = new SmtpMailer({ url: setup.config.mail.smtpUrl ?? '', from: 'a@b.example', timeoutMs: 2000 });
      await mailer.send({ to: 'support@ecm.online', subject: 'Hallo', text: 'Test', messageId: '<1@ecm365>' });
      mailer.close();
      expect(lines.map((line) => line.msg)).toEqual(['SMTP sink: mail #1 to support@ecm.online: "Hallo"']);
    } finally {
      await setup.close();
    }
  });

  it('uses SMTP_URL as it is when set', async () => {
    const { logger, lines } = capturingLogger();
    const setup = await setUpMail(loadConfig({ SMTP_URL: 'smtp://mail.example:25' }), logger);
    expect(setup).toMatchObject({ sink: undefined, config: { mail: { smtpUrl: 'smtp://mail.example:25' } } });
    expect(lines).toEqual([]);
  });
});
