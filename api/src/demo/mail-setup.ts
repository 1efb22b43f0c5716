import { mailLogLine, startSmtpSink, type RunningSmtpSink } from '@ecm365/emulators';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';

export interface MailSetup {
  /** The configuration the services get: with the sink's SMTP_URL when the sink runs. */
  config: Config;
  /** Demo mode without SMTP_URL: the local SMTP sink that receives every mail. */
  sink: RunningSmtpSink | undefined;
  close(): Promise<void>;
}

export const MISSING_SMTP_WARNING =
  'SMTP_URL is not set: notification mails (the support mail after a set-up, customer notices) are kept in the ' +
  'outbox and sent once SMTP_URL is configured';

/**
 * Where notification mails go. Demo mode without SMTP_URL starts the SMTP sink (loopback) and logs one line per
 * mail it receives. Elsewhere a missing SMTP_URL is not fatal — the portal works without mail, and the mails wait
 * in the outbox — but it is said loudly at start-up.
 */
export async function setUpMail(config: Config, logger: Logger): Promise<MailSetup> {
  if (config.mail.smtpUrl) return { config, sink: undefined, close: async () => {} };
  if (!config.demoMode) {
    logger.warn(MISSING_SMTP_WARNING);
    return { config, sink: undefined, close: async () => {} };
  }
  const sink = await startSmtpSink({
    onMail: (mail) => logger.info({ smtpSink: { to: mail.envelope.to, subject: mail.subject } }, mailLogLine(mail)),
  });
  return {
    config: { ...config, mail: { ...config.mail, smtpUrl: sink.smtpUrl } },
    sink,
    close: () => sink.close(),
  };
}
